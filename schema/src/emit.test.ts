import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_SCHEMA_FILE,
  capErrors,
  LIMITS_FILE,
  renderContactSchemaFile,
  renderSchemaFile,
  renderValidatorFile,
  SCHEMA_FILE,
  VALIDATOR_FILE,
} from './emit.ts';
import { renderLimitsFile } from './limits-doc.ts';
import { SHAPE_ERRORS_CAP } from './shape-limits.ts';
import validate, { TooManyShapeErrors } from './shape-validator.generated.js';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

describe('schema/sequence.schema.json', () => {
  it('is up to date with the TypeBox definitions (run `pnpm --filter @nudge/schema emit`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderSchemaFile());
  });

  it('and contact.schema.json and LIMITS.md are up to date (run `pnpm --filter @nudge/schema emit`)', () => {
    expect(readFileSync(CONTACT_SCHEMA_FILE, 'utf8')).toBe(renderContactSchemaFile());
    expect(readFileSync(LIMITS_FILE, 'utf8')).toBe(renderLimitsFile());
  });

  it('and the precompiled validator are up to date (run `pnpm --filter @nudge/schema emit`)', () => {
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(renderValidatorFile());
  });

  it('is a self-contained draft 2020-12 schema that another tool can use as it is', () => {
    // What an outside tool does: load the file, declare our one custom format, validate.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('iana-time-zone', true);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    for (const name of readdirSync(examples)) {
      const ok = validate(JSON.parse(readFileSync(`${examples}${name}`, 'utf8')));
      expect(validate.errors, name).toBeNull();
      expect(ok).toBe(true);
    }
    expect(
      validate({ format: 'nudge.sequence/v1', name: 'x', nodes: [], edges: [], extra: 1 }),
    ).toBe(false);
  });
});

describe('the precompiled validator', () => {
  const file = JSON.parse(readFileSync(`${examples}cold-mail.json`, 'utf8'));

  it('gathers every error up to its cap', () => {
    file.settings.holidays = Array(SHAPE_ERRORS_CAP - 10).fill(0);
    expect(validate(file)).toBe(false);
    // One error for the list's length, one per item.
    expect(validate.errors).toHaveLength(SHAPE_ERRORS_CAP - 9);
  });

  it('stops past its cap, throwing what it has', () => {
    file.settings.holidays = Array(SHAPE_ERRORS_CAP * 10).fill(0);
    let thrown: unknown;
    try {
      validate(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TooManyShapeErrors);
    expect((thrown as TooManyShapeErrors).errors).toHaveLength(SHAPE_ERRORS_CAP + 1);
  });

  it('is capped at every error it records, or emit refuses to write it', () => {
    expect(() => capErrors('if (x) errors++;')).toThrow(/does not know/);
  });
});
