/**
 * Writes the JSON Schema of format v1 to schema/sequence.schema.json, the file other tools
 * read. Run with `pnpm --filter @nudge/schema emit`; a test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sequenceJsonSchema } from './sequence.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../sequence.schema.json', import.meta.url));

export function renderSchemaFile(): string {
  return `${JSON.stringify(sequenceJsonSchema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, renderSchemaFile());
  console.log(`wrote ${SCHEMA_FILE}`);
}
