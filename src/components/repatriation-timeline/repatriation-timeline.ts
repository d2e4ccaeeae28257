import { html } from 'lit';
import { OpsElement } from '../../shared/ops-element.js';

/** Placeholder until the element is built (see its issue). */
export class OpsRepatriationTimeline extends OpsElement {
  protected renderData() {
    return html`<p class="note">Not built yet.</p>`;
  }
}
