import { ELEMENTS } from '../../elements.js';
import { define } from '../../shared/define.js';
import { OpsSourceCard } from './source-card.js';

define(ELEMENTS['source-card'].tag, OpsSourceCard);

export { OpsSourceCard };

declare global {
  interface HTMLElementTagNameMap {
    'ops-source-card': OpsSourceCard;
  }
}
