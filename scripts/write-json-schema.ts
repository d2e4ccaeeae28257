// npm run data:schema — writes data/overseas-police-stations.schema.json from the
// valibot schema in src/data/schema.ts (a test checks the file is up to date).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemaText } from '../src/data/json-schema.js';

const file = join(resolve(import.meta.dirname, '..'), 'data', 'overseas-police-stations.schema.json');
writeFileSync(file, jsonSchemaText());
console.log(`wrote ${file}`);
