import { define } from '../../shared/define.js';
import { OpsSourceCard } from './source-card.js';

define('ops-source-card', OpsSourceCard);

export { OpsSourceCard };

declare global {
  interface HTMLElementTagNameMap {
    'ops-source-card': OpsSourceCard;
  }
}
