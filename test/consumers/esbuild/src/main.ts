// As the README's npm section says for esbuild (which does not emit `new URL(…, import.meta.url)`
// assets): import the dataset and give it to the elements as `.data`.
import 'overseas-police-stations';
import data from 'overseas-police-stations/data/overseas-police-stations.json';
import type { OpsElement } from 'overseas-police-stations';

for (const el of document.querySelectorAll<OpsElement>('ops-country-table, ops-source-card, ops-repatriation-timeline, ops-station-map')) {
  el.data = data;
}

const output = document.querySelector<HTMLOutputElement>('#selected')!;
document.addEventListener('ops-select', (event) => {
  output.textContent = `${event.detail.kind}:${event.detail.id}`;
});
