import { LIMITS, type NodeType, ruleDepth } from '@nudge/schema';
import contractRenewal from '@nudge/schema/examples/contract-renewal.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { readSteps } from '../sequence/file.ts';
import { handleLabels } from './handles.ts';
import { summarizeStep } from './summary.ts';

const en = i18n.getFixedT('en');
const ko = i18n.getFixedT('ko');
const step = (type: string, data: unknown) => ({ type: type as NodeType, rawType: type, data });
const stepsOf = (file: Record<string, unknown>) =>
  new Map(readSteps(file).map((s) => [s.id, s] as const));

describe('summarizeStep', () => {
  it('summarizes every step of the examples in both languages', () => {
    for (const file of [onboarding, contractRenewal])
      for (const s of readSteps(file))
        for (const t of [en, ko]) {
          const lines = summarizeStep(s, t);
          expect(lines.length, `${s.id}`).toBeGreaterThan(0);
          for (const line of lines) expect(line).not.toMatch(/^\s*$|summary\.|rule\.|units\./);
        }
  });

  it('says what a delay waits for', () => {
    expect(summarizeStep(step('delay', { amount: 3, unit: 'days' }), en)).toEqual(['3 days']);
    expect(summarizeStep(step('delay', { amount: 1, unit: 'businessDays' }), en)).toEqual([
      '1 business day',
    ]);
    expect(summarizeStep(step('delay', { amount: 3, unit: 'days' }), ko)).toEqual(['3일']);
    expect(summarizeStep(step('delay', { amount: 2, unit: 'fortnights' }), ko)).toEqual([
      '2 fortnights',
    ]);
    const d30 = stepsOf(contractRenewal).get('d-30');
    expect(summarizeStep(d30 as never, en)).toEqual(['30 days before contract_end_date at 10:00']);
    expect(summarizeStep(d30 as never, ko)).toEqual(['contract_end_date 30일 전 10:00']);
    expect(
      summarizeStep(
        step('delay', { until: { field: 'contact.attributes.d', offsetDays: 2 }, ifPast: 'exit' }),
        en,
      ),
    ).toEqual(['2 days after d', 'Exits if that time has passed']);
  });

  it('names the subject of an email, or says it replies in the thread', () => {
    const steps = stepsOf(onboarding);
    expect(summarizeStep(steps.get('tips') as never, en)).toEqual([
      '3 settings that double reply rates',
    ]);
    expect(summarizeStep(steps.get('bump') as never, en)).toEqual([
      'Reply in the thread of the last email',
    ]);
    expect(summarizeStep(steps.get('bump') as never, ko)).toEqual([
      '마지막 메일 스레드에 이어서 답장',
    ]);
  });

  it('puts rules in words', () => {
    const steps = stepsOf(onboarding);
    expect(summarizeStep(steps.get('is-executive') as never, en)).toEqual([
      'title contains "CEO" or title contains "Founder" or title contains "대표"',
    ]);
    expect(summarizeStep(steps.get('opened-welcome') as never, en)).toEqual([
      'opened welcome',
      'Times out after 3 business days',
    ]);
    expect(summarizeStep(steps.get('opened-welcome') as never, ko)).toEqual([
      'welcome 열람',
      '3영업일 후 시간 초과',
    ]);
    expect(
      summarizeStep(
        step('condition', {
          rule: {
            all: [
              { not: { field: 'contact.tags', op: 'contains', value: 'x' } },
              {
                any: [
                  { event: 'custom', name: 'paid' },
                  { field: 'contact.email', op: 'exists' },
                ],
              },
            ],
          },
        }),
        en,
      ),
    ).toEqual(['not (tags contains "x") and (event paid or email is set)']);
  });

  it('summarizes splits, tasks, contact updates, exits and triggers', () => {
    const steps = stepsOf(onboarding);
    expect(summarizeStep(steps.get('ab-test') as never, en)).toEqual(['a 50% · b 50%']);
    expect(summarizeStep(steps.get('tag-exec') as never, en)).toEqual([
      'onboarding_track → "executive"',
      'Add tags: exec-track',
    ]);
    expect(summarizeStep(steps.get('exec-done') as never, ko)).toEqual(['완료로 종료']);
    expect(
      summarizeStep(
        step('task', { kind: 'call', title: 'Call {{ contact.name }}', waitForCompletion: true }),
        en,
      ),
    ).toEqual(['Call: Call {{ contact.name }}', 'Waits until done']);
    expect(summarizeStep(steps.get('start') as never, en)).toEqual([
      'When event signed_up is recorded, if not (tags contains "internal")',
    ]);
    expect(
      summarizeStep(
        step('kakao', {
          templateCode: 'T1',
          body: '<b>안녕하세요</b>\n\n고객님',
          buttons: [{}, {}],
          mode: 'auto',
        }),
        ko,
      ),
    ).toEqual(['안녕하세요 고객님', '템플릿 T1 · 버튼 2개']);
  });

  it('never throws on data of the wrong shape', () => {
    const junk = [
      null,
      42,
      'text',
      [],
      {},
      { rule: 'x' },
      { branches: [null, 3] },
      { set: [] },
      { triggers: [1] },
      { until: {} },
    ];
    for (const type of [
      'entry',
      'email',
      'sms',
      'kakao',
      'task',
      'delay',
      'condition',
      'wait_for',
      'split',
      'update_contact',
      'exit',
    ])
      for (const data of junk) expect(() => summarizeStep(step(type, data), en)).not.toThrow();
    expect(summarizeStep({ type: 'unknown', rawType: 'fax', data: {} }, en)).toEqual([
      'Type “fax” is not a step Nudge knows',
    ]);
  });
});

describe('rules as deep as the format allows', () => {
  const nested = (depth: number): unknown =>
    depth === 1 ? { event: 'opened' } : { not: nested(depth - 1) };

  it('are summarized whole; deeper ones (invalid) are cut with "…"', () => {
    const deepest = nested(LIMITS.ruleDepth);
    expect(ruleDepth(deepest)).toBe(LIMITS.ruleDepth);
    const lines = summarizeStep(step('condition', { rule: deepest }), en);
    expect(lines[0]).not.toContain('…');
    expect(lines[0]).toContain('opened');
    expect(
      summarizeStep(step('condition', { rule: nested(LIMITS.ruleDepth + 1) }), en)[0],
    ).toContain('…');
  });
});

describe('task kinds', () => {
  it('name each kind the format has, and a kind it lacks as a plain task', () => {
    const kinds = (kind: string) =>
      summarizeStep(step('task', { kind, title: 'x' }), en)[0]?.split(':')[0];
    expect(['call', 'todo', 'manual_email', 'other', 'fax'].map(kinds)).toEqual([
      'Call',
      'To-do',
      'Manual email',
      'Task',
      'Task',
    ]);
    // A name of Object.prototype is no kind either.
    expect(kinds('constructor')).toBe('Task');
  });
});

describe('handleLabels', () => {
  it('labels branch handles and leaves plain ones unnamed', () => {
    expect(handleLabels(step('condition', {}), en)).toEqual([
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ]);
    expect(handleLabels(step('wait_for', {}), ko).map((h) => h.label)).toEqual([
      '충족',
      '시간 초과',
    ]);
    expect(
      handleLabels(
        step('split', {
          branches: [
            { id: 'a', weight: 70 },
            { id: 'b', weight: 30 },
          ],
        }),
        en,
      ),
    ).toEqual([
      { id: 'a', label: 'a · 70%' },
      { id: 'b', label: 'b · 30%' },
    ]);
    expect(handleLabels(step('email', {}), en)).toEqual([{ id: null, label: '' }]);
    expect(handleLabels(step('exit', {}), en)).toEqual([]);
    expect(handleLabels(step('condition', {}), en, ['maybe', null]).slice(2)).toEqual([
      { id: 'maybe', label: 'maybe', stray: true },
      { id: null, label: 'no handle', stray: true },
    ]);
  });
});
