// @ts-check
// As the README's npm section says: one import registers every element.
import 'overseas-police-stations';

const output = /** @type {HTMLOutputElement} */ (document.querySelector('#selected'));
document.addEventListener('ops-select', (event) => {
  output.textContent = `${event.detail.kind}:${event.detail.id}`;
});
