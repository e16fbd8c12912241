import type { Sequence } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTACTS } from '../contacts/samples.ts';
import { transitionKey, whatIf } from './what-if.ts';

const sequence = coldMail as unknown as Sequence;
const contacts = SAMPLE_CONTACTS.map((s) => s.contact);
const base = { sequence, contacts, start: '2026-01-05T00:00:00Z', days: 60 };

describe('whatIf', () => {
  it('counts who reaches each step and who leaves how, the same for the same seed', () => {
    const request = { ...base, count: 200, odds: { replied: 0.3 }, seed: 7 };
    const result = whatIf(request);
    expect(result.count).toBe(200);
    expect(result.failed).toBe(0);
    expect(result.reached.start).toBe(200);
    expect(result.reached.welcome).toBe(200);
    expect(result.moves[transitionKey('start', 'welcome')]).toBe(200);
    // Replies end some enrollments early: fewer reach the last step than the first.
    const last = result.reached['check-engagement'] ?? 0;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(200);
    expect(result.statuses.replied).toBeGreaterThan(20);
    const again = whatIf(request);
    expect({ ...again, ms: 0 }).toEqual({ ...result, ms: 0 });
  });

  it('with nobody doing anything, everyone reaches every step', () => {
    const result = whatIf({ ...base, count: 50, odds: {} });
    for (const node of sequence.nodes) expect(result.reached[node.id]).toBe(50);
    expect(result.statuses.replied).toBeUndefined();
  });

  it('keeps the count within 1 and 10,000', () => {
    expect(whatIf({ ...base, count: 0, odds: {} }).count).toBe(1);
  });
});
