// Synthetic datasets for the bench: N copies of the real records with suffixed
// ids, so the shape (and every cross-reference) stays valid while the size grows.
import { readFileSync } from 'node:fs';

export function scaledDataset(real, factor) {
  const big = structuredClone(real);
  for (let copy = 1; copy < factor; copy++) {
    const suffix = `-x${copy}`;
    const ids = (list) => list.map((id) => id + suffix);
    big.sources.push(...real.sources.map((s) => ({ ...s, id: s.id + suffix })));
    big.stations.push(...real.stations.map((s) => ({ ...s, id: s.id + suffix, sources: ids(s.sources) })));
    big.events.push(
      ...real.events.map((e) => ({ ...e, id: e.id + suffix, sources: ids(e.sources), ...(e.station ? { station: e.station + suffix } : {}) })),
    );
  }
  return big;
}

// CLI: node bench/make-dataset.mjs 10 > big.json
if (import.meta.url === `file://${process.argv[1]}`) {
  const real = JSON.parse(readFileSync(new URL('../data/overseas-police-stations.json', import.meta.url), 'utf8'));
  process.stdout.write(JSON.stringify(scaledDataset(real, Number(process.argv[2] ?? 1))));
}
