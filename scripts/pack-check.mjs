// Packs the package as npm would publish it, unpacks it into a scratch project, and
// checks that every `exports` entry and its types are there and type-check for a user.
// Run after `npm run build` (npm test does).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const scratch = mkdtempSync(join(tmpdir(), 'ops-pack-'));
const fail = (message) => {
  console.error(`pack check: ${message}`);
  process.exit(1);
};
try {
  const [{ filename, files }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }));
  const packed = new Set(files.map((f) => f.path));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const [entry, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      if (!packed.has(file.replace(/^\.\//, ''))) fail(`exports["${entry}"] points at ${file}, which is not in the package`);
    }
  }
  for (const must of ['LICENSE', 'README.md', 'custom-elements.json', 'dist/THIRD-PARTY-NOTICES.md', 'dist/data/overseas-police-stations.json']) {
    if (!packed.has(must)) fail(`${must} is missing from the package`);
  }
  if ([...packed].some((f) => f.startsWith('dist/storybook') || f.startsWith('node_modules/'))) fail('the package holds files it should not');

  // A user's project: the unpacked package, the repo's dev tools for types, one TypeScript file.
  const modules = join(scratch, 'project/node_modules');
  mkdirSync(join(modules, 'overseas-police-stations'), { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, filename), '-C', join(modules, 'overseas-police-stations'), '--strip-components=1']);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '.bin' && name !== 'overseas-police-stations') symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  writeFileSync(
    join(scratch, 'project/index.ts'),
    `import { OpsCountryTable, OpsSourceCard, validateDataset, type Dataset, type OpsSelectDetail } from 'overseas-police-stations';
import 'overseas-police-stations/country-table';
import 'overseas-police-stations/source-card';
import 'overseas-police-stations/station-map';
import 'overseas-police-stations/repatriation-timeline';

class NewsroomTable extends OpsCountryTable {}
customElements.define('newsroom-table', NewsroomTable);
const table: OpsCountryTable = document.createElement('ops-country-table');
table.sort = 'country';
const card: OpsSourceCard = document.createElement('ops-source-card');
card.for = 'ST001';
document.addEventListener('ops-select', (e) => {
  const detail: OpsSelectDetail = e.detail;
  console.log(detail.kind, detail.id);
});
export function check(data: unknown): Dataset {
  return validateDataset(data).dataset;
}
`,
  );
  writeFileSync(
    join(scratch, 'project/tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, lib: ['ES2023', 'DOM'], skipLibCheck: false, types: [] }, files: ['index.ts'] }),
  );
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(scratch, 'project')], { encoding: 'utf8' });
  } catch (error) {
    fail(`a user's TypeScript project does not type-check against the package:\n${error.stdout}`);
  }
  console.log(`pack check: ok (${files.length} files, ${(readFileSync(join(scratch, filename)).length / 1024).toFixed(0)} KB packed; exports and types resolve in a scratch project)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
