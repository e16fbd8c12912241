import onboarding from '@nudge/schema/examples/onboarding.json';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { recordEvent, UnknownContactError } from './events.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';

/* Events on real PostgreSQL: exits apply in the event's transaction, waits wake up. */

const { sql } = await createTestDatabase();
const ana = (id: string, title = 'Head of Sales'): Contact => ({
  id,
  email: `${id}@northwind.example`,
  name: 'Ana Díaz',
  company: 'Northwind',
  title,
  timezone: 'America/New_York',
  attributes: { first_name: 'Ana' },
  tags: [],
});
const w = await createWorkspace(sql, [
  ana('replier'),
  ana('opener', 'CEO'),
  ana('leaver'),
  ana('bouncer'),
]);
await publish(sql, w, 'onboarding', onboarding);
await publish(sql, w, 'second', { ...onboarding, name: 'Second' });
// Mon 2026-01-12 10:00 in New York: the welcome goes out at once, then wait_for the open.
const START = Date.parse('2026-01-12T15:00:00Z');
await enroll(sql, w, 'onboarding', ['replier', 'opener', 'leaver', 'bouncer']);
await enroll(sql, w, 'second', ['leaver']);
await drive(sql, w, START, START + 1000);

const enrollment = async (contact: string, sequence = 'onboarding') => {
  const [row] = await sql<
    Array<{ id: string; status: string; node: string; exit_reason: string | null }>
  >`
    select id, status, node, exit_reason from enrollments
    where workspace_id = ${w} and contact_id = ${contact} and sequence_id = ${sequence}`;
  return row;
};
const pendingStep = async (id: string) => {
  const [row] = await sql`select count(*)::int as n from graphile_worker.jobs where key = ${id}`;
  return row?.n;
};

describe('recordEvent', () => {
  it('a reply ends the enrollment in the same transaction and removes its wake-up', async () => {
    const before = await enrollment('replier');
    expect(before).toMatchObject({ status: 'active', node: 'opened-welcome' });
    expect(await pendingStep(before?.id as string)).toBe(1);
    const result = await recordEvent(
      sql,
      { workspace: w, contactId: 'replier', type: 'replied', at: new Date(START + 60_000) },
      START + 60_000,
    );
    expect(result.ended).toEqual([{ enrollment: before?.id, status: 'replied' }]);
    expect(await enrollment('replier')).toMatchObject({
      status: 'replied',
      exit_reason: 'the contact replied',
    });
    expect(await pendingStep(before?.id as string)).toBe(0);
  });

  it('an open wakes the wait_for at once: met, then the next steps', async () => {
    const result = await recordEvent(
      sql,
      {
        workspace: w,
        contactId: 'opener',
        type: 'opened',
        node: 'welcome',
        sequenceId: 'onboarding',
        at: new Date(START + 3_600_000),
      },
      START + 3_600_000,
    );
    const opener = await enrollment('opener');
    expect(result.woke).toEqual([opener?.id]);
    // A CEO: is-executive yes -> exec-offer (11:00 is inside the window) -> tag-exec -> exit.
    expect(opener).toMatchObject({ status: 'completed', node: 'exec-done' });
    const sent = await sql`
      select node, status from messages where enrollment_id = ${opener?.id as string} order by id`;
    // Queued to go out: an event that moves the enrollee on to its end is no exit.
    expect(sent.map((m) => [m.node, m.status])).toEqual([
      ['welcome', 'queued'],
      ['exec-offer', 'queued'],
    ]);
    const [contact] =
      await sql`select tags from contacts where workspace_id = ${w} and id = 'opener'`;
    expect(contact?.tags).toEqual(['exec-track']);
  });

  it('unsubscribing marks the contact and ends every active enrollment', async () => {
    const result = await recordEvent(
      sql,
      {
        workspace: w,
        contactId: 'leaver',
        type: 'unsubscribed',
        sequenceId: 'second',
        at: new Date(START + 1),
      },
      START + 1,
    );
    expect(result.ended.map((e) => e.status)).toEqual(['unsubscribed', 'unsubscribed']);
    const [contact] =
      await sql`select unsubscribed from contacts where workspace_id = ${w} and id = 'leaver'`;
    expect(contact?.unsubscribed).toBe(true);
    const again = await enroll(sql, w, 'onboarding', ['leaver']);
    expect(again.skipped).toEqual([{ contactId: 'leaver', reason: 'unsubscribed' }]);
  });

  it('a bounce ends the enrollment and suppresses the address', async () => {
    await recordEvent(
      sql,
      { workspace: w, contactId: 'bouncer', type: 'bounced', at: new Date(START + 1) },
      START + 1,
    );
    expect((await enrollment('bouncer'))?.status).toBe('bounced');
    const [suppression] =
      await sql`select reason from suppressions where workspace_id = ${w} and address = 'bouncer@northwind.example'`;
    expect(suppression?.reason).toBe('bounced');
  });

  it('an event from before the enrollment began changes nothing', async () => {
    await sql`insert into contacts (workspace_id, id, email) values (${w}, 'late', 'late@example.com')`;
    await enroll(sql, w, 'onboarding', ['late']);
    await drive(sql, w, START, START + 1000);
    const result = await recordEvent(
      sql,
      { workspace: w, contactId: 'late', type: 'replied', at: new Date(START - 86_400_000) },
      START + 2000,
    );
    expect(result.ended).toEqual([]);
    expect((await enrollment('late'))?.status).toBe('active');
  });

  it('refuses an unknown contact, and stores nothing', async () => {
    const before = await sql`select count(*)::int as n from events`;
    await expect(
      recordEvent(sql, { workspace: w, contactId: 'nobody', type: 'opened' }),
    ).rejects.toThrow(UnknownContactError);
    expect(await sql`select count(*)::int as n from events`).toEqual(before);
  });
});

describe('recordEvent with dedupeWithinMs', () => {
  const stored = async (contact: string) =>
    sql<Array<{ id: string; data: { url?: string } | null; at: Date }>>`
      select id, data, at from events where workspace_id = ${w} and contact_id = ${contact}
      order by id`;
  const click = (contact: string, url: string, at: number) =>
    recordEvent(
      sql,
      {
        workspace: w,
        contactId: contact,
        type: 'clicked',
        sequenceId: 'onboarding',
        node: 'welcome',
        data: { url },
        at: new Date(at),
        dedupeWithinMs: 60_000,
      },
      at,
    );

  it('stores an identical event once within the window, and again after it', async () => {
    await sql`insert into contacts (workspace_id, id, email) values (${w}, 'clicker', 'clicker@example.com')`;
    const first = await click('clicker', 'https://a.example/', START);
    expect(first.duplicate).toBeUndefined();
    const replay = await click('clicker', 'https://a.example/', START + 30_000);
    expect(replay).toEqual({ id: first.id, ended: [], woke: [], duplicate: true });
    // Another URL of the same message is another event.
    const other = await click('clicker', 'https://b.example/', START + 30_000);
    expect(other.duplicate).toBeUndefined();
    const later = await click('clicker', 'https://a.example/', START + 60_001);
    expect(later.duplicate).toBeUndefined();
    expect((await stored('clicker')).map((e) => [e.data?.url, e.at.getTime()])).toEqual([
      ['https://a.example/', START],
      ['https://b.example/', START + 30_000],
      ['https://a.example/', START + 60_001],
    ]);
  });

  it('holds under concurrent replays: one row', async () => {
    await sql`insert into contacts (workspace_id, id, email) values (${w}, 'racer', 'racer@example.com')`;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => click('racer', 'https://a.example/', START)),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await stored('racer')).toHaveLength(1);
  });

  it('leaves events without it alone: each is stored', async () => {
    await sql`insert into contacts (workspace_id, id, email) values (${w}, 'twice', 'twice@example.com')`;
    const event = {
      workspace: w,
      contactId: 'twice',
      type: 'opened',
      at: new Date(START),
    } as const;
    await recordEvent(sql, event, START);
    await recordEvent(sql, event, START);
    expect(await stored('twice')).toHaveLength(2);
  });
});
