import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema } from './schema.js';

/**
 * The JSON Schema for editors' tools. Checks that JSON Schema cannot express
 * (real calendar dates, ISO country codes, references between records) are
 * done by `npm run data:check`.
 */
export function jsonSchemaText(): string {
  const schema = toJsonSchema(DatasetSchema, { errorMode: 'ignore' });
  return `${JSON.stringify({ ...schema, title: 'overseas-police-stations dataset', $id: 'overseas-police-stations.schema.json' }, null, 2)}\n`;
}
