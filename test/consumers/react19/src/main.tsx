import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// As the README's npm section says: one import registers every element and types their tags.
import 'overseas-police-stations';
import type { OpsSelectDetail } from 'overseas-police-stations';

function App() {
  const [selected, setSelected] = useState('nothing');
  // React 19 passes `on<event>` props of a custom element as event listeners.
  const onSelect = (event: CustomEvent<OpsSelectDetail>) => setSelected(`${event.detail.kind}:${event.detail.id}`);
  return (
    <main>
      <h1>React 19</h1>
      <p>
        Selected: <output id="selected">{selected}</output>
      </p>
      <ops-country-table group="story" sort="stations" onops-select={onSelect}></ops-country-table>
      <ops-source-card group="story"></ops-source-card>
      <ops-repatriation-timeline group="story"></ops-repatriation-timeline>
      <ops-station-map group="story"></ops-station-map>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
