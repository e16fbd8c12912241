import type { NodeType } from '@nudge/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepForm } from '../types.ts';
import { logicForms } from './index.ts';
import { renderStepForm } from './test-render.test-support.tsx';

/** Data an opened file may hold where a step's data goes. */
const junk: unknown[] = [
  undefined,
  null,
  5,
  'text',
  [],
  [1, 2],
  {},
  { triggers: 'x', rule: 7, branches: {}, set: [], addTags: 'a', outcome: {} },
  { triggers: [null, 3, { kind: 'event', name: 5, where: [] }] },
  { amount: 'two', unit: 9 },
  { until: 'tomorrow', ifPast: 3 },
  { until: { field: 4, offsetDays: 'x', at: 930 } },
  { rule: { all: [null, { not: 5 }, { field: 'contact.name' }] }, timeout: [] },
  { branches: [null, 'a', { id: 3, weight: 'half' }, { id: 'b', weight: 50 }] },
  { set: { 'contact.name': { deep: [1] }, '': null }, addTags: [1, null], removeTags: [{}] },
];

describe('the logic forms, given junk', () => {
  const forms = Object.entries(logicForms) as Array<[NodeType, StepForm]>;

  it('cover every logic step type', () => {
    expect(forms.map(([type]) => type).sort()).toEqual(
      ['condition', 'delay', 'entry', 'exit', 'split', 'update_contact', 'wait_for'].sort(),
    );
  });

  for (const [type, Form] of forms)
    it(`${type}: render any data without breaking and change nothing by rendering`, () => {
      for (const data of junk) {
        const { host, changes } = renderStepForm(Form, type, data);
        expect(host.querySelector('.logic-form'), JSON.stringify(data)).not.toBeNull();
        expect(changes).toEqual([]);
      }
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
          const { host } = renderStepForm(Form, type, data);
          expect(host.querySelector('.logic-form')).not.toBeNull();
        }),
        { numRuns: 30 },
      );
    });
});
