import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';
import { runSteps } from './step.ts';

/*
 * An advertising sequence on real PostgreSQL: a send due at night (21:00-08:00 in the
 * contact's zone) waits until 08:00 local, unless the contact consented to night-time ads.
 */

const { sql } = await createTestDatabase();

const contact = (id: string, attributes: Record<string, unknown>): Contact => ({
  id,
  email: `${id}@hanbit.example`,
  name: '김민준',
  timezone: 'Asia/Seoul',
  tags: [],
  attributes,
});

const SALE = {
  format: 'nudge.sequence/v1',
  name: 'Spring sale',
  settings: { advertising: true, sender: { name: '봄상회', email: 'sale@hanbit.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'mail',
      type: 'email',
      data: {
        subject: '(광고) 봄 세일',
        body: '이번 주만 30% 할인. 수신을 원하지 않으시면 수신거부',
        format: 'text',
        mode: 'auto',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'mail' }],
};

async function sentAt(workspace: string) {
  return sql<Array<{ contact: string; subject: string }>>`
    select e.contact_id as contact, m.content->>'subject' as subject
    from messages m join enrollments e on e.id = m.enrollment_id
    where m.workspace_id = ${workspace} order by e.contact_id`;
}

describe('an advertising send at night', () => {
  it('waits until 08:00 in the contact’s zone, and says why; a consenting contact gets it now', async () => {
    const w = await createWorkspace(sql, [
      contact('night', {}),
      contact('owl', { nightAdsConsent: true }),
    ]);
    await publish(sql, w, 'sale', SALE);
    await enroll(sql, w, 'sale', ['night', 'owl']);
    // 22:30 in Seoul (13:30 UTC).
    const now = Date.parse('2026-11-23T13:30:00Z');
    const rows = await sql<Array<{ id: string; contact_id: string }>>`
      select id, contact_id from enrollments where workspace_id = ${w} order by contact_id`;
    const results = await runSteps(
      sql,
      rows.map((r) => ({ workspace: w, enrollment: r.id, version: 0 })),
      now,
    );
    const [night, owl] = results;
    // 08:00 the next morning in Seoul is 23:00 UTC.
    expect(night?.wakeAt).toBe(Date.parse('2026-11-23T23:00:00Z'));
    const waiting = night?.state.waiting;
    expect(waiting?.kind).toBe('send');
    const deferral = waiting?.kind === 'send' ? waiting.deferral : undefined;
    expect(deferral?.reasons.map((r) => r.code)).toEqual(['night_ads']);
    expect(deferral?.text).toBe('no advertising at night (21:00-08:00)');
    expect(await sentAt(w)).toEqual([{ contact: 'owl', subject: '(광고) 봄 세일' }]);
    expect(owl?.steps.some((s) => s.deferral)).toBe(false);

    // The clock runs on: the mail goes out at 08:00 and not before.
    expect(await drive(sql, w, now, Date.parse('2026-11-23T22:59:00Z'))).toBeLessThan(
      Date.parse('2026-11-23T23:00:00Z'),
    );
    expect((await sentAt(w)).map((m) => m.contact)).toEqual(['owl']);
    await drive(sql, w, now, Date.parse('2026-11-24T00:00:00Z'));
    expect((await sentAt(w)).map((m) => m.contact)).toEqual(['night', 'owl']);
  });
});
