import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// React 18 passes unknown props to custom elements as attributes and cannot listen to their
// events: as the README says, use the wrappers, which set properties and bind events.
import { OpsCountryTable, OpsRepatriationTimeline, OpsSourceCard, OpsStationMap } from 'overseas-police-stations/react';
import type { OpsSelectDetail } from 'overseas-police-stations';

function App() {
  const [selected, setSelected] = useState('nothing');
  const onSelect = (event: CustomEvent<OpsSelectDetail>) => setSelected(`${event.detail.kind}:${event.detail.id}`);
  return (
    <main>
      <h1>React 18</h1>
      <p>
        Selected: <output id="selected">{selected}</output>
      </p>
      <OpsCountryTable group="story" sort="stations" onOpsSelect={onSelect} />
      <OpsSourceCard group="story" />
      <OpsRepatriationTimeline group="story" />
      <OpsStationMap group="story" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
