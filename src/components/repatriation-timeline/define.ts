import { ELEMENTS } from '../../elements.js';
import { define } from '../../shared/define.js';
import { OpsRepatriationTimeline } from './repatriation-timeline.js';

define(ELEMENTS['repatriation-timeline'].tag, OpsRepatriationTimeline);

export { OpsRepatriationTimeline };

declare global {
  interface HTMLElementTagNameMap {
    'ops-repatriation-timeline': OpsRepatriationTimeline;
  }
}
