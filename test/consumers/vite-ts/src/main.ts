// As the README's npm section says: one import registers every element.
import 'overseas-police-stations';
import type { OpsSelectDetail } from 'overseas-police-stations';
import { LitElement, html } from 'lit';

// The app's own lit element: the page must still load one copy of lit.
class AppNote extends LitElement {
  override render() {
    return html`<p>An app that uses lit itself.</p>`;
  }
}
customElements.define('app-note', AppNote);

const output = document.querySelector<HTMLOutputElement>('#selected')!;
document.addEventListener('ops-select', (event) => {
  const detail: OpsSelectDetail = event.detail;
  output.textContent = `${detail.kind}:${detail.id}`;
});
