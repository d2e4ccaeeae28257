// ?widgets=table,timeline,card,map&data=/bench-data/1x.json
const params = new URLSearchParams(location.search);
const TAGS = { table: 'ops-country-table', timeline: 'ops-repatriation-timeline', card: 'ops-source-card', map: 'ops-station-map' };
document.addEventListener('DOMContentLoaded', () => {
  const main = document.getElementById('widgets');
  for (const name of (params.get('widgets') ?? 'table').split(',')) {
    const el = document.createElement(TAGS[name]);
    if (params.get('data')) el.setAttribute('src', params.get('data'));
    // The card shows SD01 unless ?source= says otherwise (empty: its default view, the prompt).
    if (name === 'card' && params.get('source') !== '') el.setAttribute('source', params.get('source') ?? 'SD01');
    main.append(el);
  }
});
