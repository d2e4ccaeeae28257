// A plain Leaflet map: world polygons as a GeoJSON layer and one circle marker per located station.
const params = new URLSearchParams(location.search);
/* global L */
const map = L.map('map', { worldCopyJump: false }).setView([25, 10], 1);
Promise.all([
  fetch('/bench-data/world-110m.geojson').then((r) => r.json()),
  fetch(params.get('data') ?? '/data/overseas-police-stations.json').then((r) => r.json()),
]).then(([world, data]) => {
  L.geoJSON(world, { style: { color: '#999', weight: 0.5, fillColor: '#ddd', fillOpacity: 1 } }).addTo(map);
  for (const s of data.stations) {
    if (!s.location) continue;
    L.circleMarker([s.location.lat, s.location.lon], { radius: 5, color: '#a4161a' })
      .bindPopup(() => document.createTextNode(`${s.city ?? s.country}`))
      .addTo(map);
  }
  window.leafletDone = true;
});
