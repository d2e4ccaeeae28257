// @ts-check
// As the README's npm section says: one element's entry registers that element.
import 'overseas-police-stations/country-table';
import 'overseas-police-stations/source-card';
import 'overseas-police-stations/repatriation-timeline';
import 'overseas-police-stations/station-map';

const output = /** @type {HTMLOutputElement} */ (document.querySelector('#selected'));
document.addEventListener('ops-select', (event) => {
  output.textContent = `${event.detail.kind}:${event.detail.id}`;
});
