import { describe, expect, it } from 'vitest';
import { contextOf, KIM } from './context.test-support.ts';
import { renderTask } from './task.ts';

describe('renderTask', () => {
  it('renders title and note as text', () => {
    expect(
      renderTask(
        {
          kind: 'call',
          title: '{{고객명}} ({{회사명}})에게 전화',
          note: '요금제: {{ contact.attributes.plan }}',
          assignee: 'owner',
        },
        contextOf({ ...KIM, company: 'A&B <주>' }),
      ),
    ).toEqual({
      value: {
        title: '김민준 (A&B <주>)에게 전화',
        note: '요금제: pro',
        assignee: 'seoyeon@nudge.test',
      },
      warnings: [],
    });
  });

  it('assigns to an email as given, or to the owner by default', () => {
    expect(
      renderTask({ kind: 'todo', title: 't', assignee: 'kim@nudge.test' }, contextOf()).value
        .assignee,
    ).toBe('kim@nudge.test');
    const task = renderTask({ kind: 'todo', title: 't' }, contextOf());
    expect(task.value).toEqual({ title: 't', assignee: 'seoyeon@nudge.test' });
    expect(renderTask({ kind: 'todo', title: 't' }, contextOf({})).value.assignee).toBeNull();
  });

  it('warns when the owner it is assigned to has no email', () => {
    for (const contact of [{}, { owner: { name: '이서연' } }]) {
      const { value, warnings } = renderTask(
        { kind: 'todo', title: 't', assignee: 'owner' },
        contextOf(contact),
      );
      expect(value.assignee).toBeNull();
      expect(warnings).toEqual([
        "assignee: the contact's owner has no email address, so the task is unassigned",
      ]);
    }
  });

  it('warns for missing variables in title and note', () => {
    expect(
      renderTask(
        { kind: 'other', title: '{{고객명}}', note: '{{직함}}' },
        contextOf({ owner: { email: 'o@x.test' } }),
      ).warnings,
    ).toEqual([
      'title: {{ 고객명 }} has no value, so it rendered empty',
      'note: {{ 직함 }} has no value, so it rendered empty',
    ]);
  });
});
