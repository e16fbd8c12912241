import { describe, expect, it } from 'vitest';
import { definePresenceTests, sequenceSchemas } from './openapi-sequence.ts';

describe('definePresenceTests', () => {
  it('defines the names that presence tests require, with schemas that accept anything', () => {
    const rule = {
      type: 'object',
      anyOf: [{ required: ['all'] }, { required: ['field'] }],
      if: { required: ['op'], properties: { op: { const: 'exists' } } },
      allOf: [{ not: { required: ['value'] } }],
    };
    expect(definePresenceTests(rule)).toEqual({
      type: 'object',
      anyOf: [
        { required: ['all'], properties: { all: {} } },
        { required: ['field'], properties: { field: {} } },
      ],
      if: { required: ['op'], properties: { op: { const: 'exists' } } },
      allOf: [{ not: { required: ['value'], properties: { value: {} } } }],
    });
  });

  it('leaves alone what a new property would change, and data that looks like a schema', () => {
    const closed = { required: ['a'], additionalProperties: false };
    const patterned = { required: ['a'], patternProperties: { '^x': {} } };
    const data = { const: { required: ['a'] }, enum: [{ required: ['b'] }] };
    const named = { properties: { required: { type: 'array' }, constructor: {} } };
    for (const schema of [closed, patterned, data, named])
      expect(definePresenceTests(schema)).toEqual(schema);
    // A name Object.prototype has is still a name to define.
    expect(definePresenceTests({ required: ['constructor'] })).toEqual({
      required: ['constructor'],
      properties: { constructor: {} },
    });
  });

  it('gives the component schemas with $refs between them', () => {
    const schemas = sequenceSchemas();
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Sequence', 'Rule']));
    expect(JSON.stringify(schemas)).not.toContain('#/$defs/');
    expect(JSON.stringify(schemas)).toContain('"$ref":"#/components/schemas/Rule"');
  });
});
