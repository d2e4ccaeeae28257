import { define } from '../../shared/define.js';
import { OpsRepatriationTimeline } from './repatriation-timeline.js';

define('ops-repatriation-timeline', OpsRepatriationTimeline);

export { OpsRepatriationTimeline };

declare global {
  interface HTMLElementTagNameMap {
    'ops-repatriation-timeline': OpsRepatriationTimeline;
  }
}
