import type { Sequence } from '@nudge/schema';
import coldMail from '@nudge/schema/examples/cold-mail.json';
import { describe, expect, it } from 'vitest';
import { type Contact, simulate } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, drive, publish } from './harness.test-support.ts';
import { runStep } from './step.ts';

/*
 * The worker's step transaction on real PostgreSQL, driven here by a virtual clock: the pending
 * `step` jobs are taken in run_at order and run at that instant. What it writes must be what the
 * simulator shows for the same contact: one interpreter, two drivers.
 */

const db = await createTestDatabase();
const { sql } = db;

const people: Contact[] = [
  {
    id: 'minjun',
    email: 'minjun@hanbit.example',
    name: '김민준',
    company: '한빛물류',
    title: 'CTO',
    timezone: 'Asia/Seoul',
    owner: { name: '이서연', email: 'seoyeon@nudge.example' },
    attributes: { plan: 'pro' },
    tags: [],
  },
  {
    id: 'ana',
    email: 'ana@northwind.example',
    name: 'Ana Díaz',
    company: 'Northwind',
    title: 'CEO',
    timezone: 'America/New_York',
    attributes: { first_name: 'Ana' },
    tags: [],
  },
  {
    id: 'gone',
    email: 'gone@example.com',
    name: 'Gone',
    unsubscribed: true,
    tags: [],
    attributes: {},
  },
  { id: 'blocked', email: 'Blocked@Example.com', name: 'Blocked', tags: [], attributes: {} },
];
const w = await createWorkspace(sql, people);
await sql`insert into suppressions (workspace_id, channel, address, reason) values (${w}, 'email', 'blocked@example.com', 'hard bounce')`;

const publishAs = (id: string, definition: unknown) => publish(sql, w, id, definition);
const driveAll = (start: number, until: number) => drive(sql, w, start, until);

describe('enroll and step', () => {
  it('skips the unsubscribed, the suppressed and the unknown, with reasons', async () => {
    await publishAs('cold-mail', coldMail);
    const result = await enroll(sql, w, 'cold-mail', [
      'minjun',
      'gone',
      'blocked',
      'nobody',
      'minjun',
    ]);
    expect(result).toEqual({
      enrolled: 1,
      version: 1,
      skipped: [
        { contactId: 'gone', reason: 'unsubscribed' },
        { contactId: 'blocked', reason: 'suppressed' },
        { contactId: 'nobody', reason: 'no such contact' },
      ],
    });
    const again = await enroll(sql, w, 'cold-mail', ['minjun']);
    expect(again.skipped).toEqual([
      { contactId: 'minjun', reason: 'already active in this sequence' },
    ]);
  });

  it('walks cold-mail exactly as the simulator does, writing the outbox and the task', async () => {
    const start = Date.parse('2026-01-09T08:30:00Z'); // Fri 17:30 in Seoul
    await driveAll(start, Date.parse('2026-03-01T00:00:00Z'));

    const sim = simulate({
      sequence: coldMail as unknown as Sequence,
      contact: people[0] as Contact,
      start: new Date(start).toISOString(),
      until: '2026-03-01T00:00:00Z',
      sender: { name: 'Nudge', email: 'team@nudge.test' },
    });
    const messages = await sql<Array<{ node: string; channel: string; subject: string }>>`
      select m.node, m.channel, m.content->>'subject' as subject
      from messages m join enrollments e on e.id = m.enrollment_id
      where m.workspace_id = ${w} and e.contact_id = 'minjun' order by m.id`;
    expect(messages).toEqual(
      sim.timeline
        .filter((e) => e.action === 'send')
        .map((e) => ({ node: e.node, channel: e.channel, subject: e.subject })),
    );
    const [enrollment] =
      await sql`select status, node, state_version from enrollments where workspace_id = ${w} and contact_id = 'minjun'`;
    expect(enrollment).toMatchObject({ status: sim.status, node: 'check-engagement' });
    const tasks =
      await sql`select node, kind, title, assignee from tasks where workspace_id = ${w}`;
    expect(tasks).toEqual([
      {
        node: 'check-engagement',
        kind: 'todo',
        title: '김민준님(한빛물류) 오픈·클릭 확인 후 후속 연락',
        assignee: 'seoyeon@nudge.example',
      },
    ]);
  });

  it('a step job for a stale version, or run twice, changes nothing', async () => {
    const [row] = await sql<Array<{ id: string; state_version: number }>>`
      select id, state_version from enrollments where workspace_id = ${w} and contact_id = 'minjun'`;
    const before = await sql`select count(*)::int as n from messages where workspace_id = ${w}`;
    const stale = await runStep(
      sql,
      { workspace: w, enrollment: row?.id as string, version: 1 },
      Date.now(),
    );
    expect(stale?.effects).toEqual([]);
    const after = await sql`select count(*)::int as n from messages where workspace_id = ${w}`;
    expect(after).toEqual(before);
  });

  it('update_contact writes the contact, in the same transaction as the step', async () => {
    await publishAs('tagging', {
      format: 'nudge.sequence/v1',
      name: 'Tagging',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        {
          id: 'mark',
          type: 'update_contact',
          data: {
            set: { 'contact.attributes.stage': 'nurture', 'contact.title': 'Founder' },
            addTags: ['nurtured'],
          },
        },
        { id: 'done', type: 'exit', data: { outcome: 'converted' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'mark' },
        { id: 'e2', source: 'mark', target: 'done' },
      ],
    });
    await enroll(sql, w, 'tagging', ['ana']);
    await driveAll(Date.parse('2026-01-12T15:00:00Z'), Date.parse('2026-01-13T00:00:00Z'));
    const [ana] =
      await sql`select title, tags, attributes from contacts where workspace_id = ${w} and id = 'ana'`;
    expect(ana).toEqual({
      title: 'Founder',
      tags: ['nurtured'],
      attributes: { first_name: 'Ana', stage: 'nurture' },
    });
    const [enrollment] = await sql`
      select status, exit_reason, ended_at is not null as ended from enrollments
      where workspace_id = ${w} and sequence_id = 'tagging'`;
    expect(enrollment).toEqual({
      status: 'converted',
      exit_reason: 'reached an exit step',
      ended: true,
    });
  });
  it('a manual email becomes an open task carrying the rendered draft', async () => {
    await publishAs('manual', {
      format: 'nudge.sequence/v1',
      name: 'Manual',
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        {
          id: 'personal',
          type: 'email',
          data: {
            subject: '{{회사명}} 제안',
            body: '{{고객명}}님께',
            format: 'text',
            mode: 'manual',
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'personal' }],
    });
    await enroll(sql, w, 'manual', ['minjun']);
    await driveAll(Date.parse('2026-01-12T01:00:00Z'), Date.parse('2026-01-13T00:00:00Z'));
    const [task] = await sql`
      select t.kind, t.channel, t.status, t.draft->>'subject' as subject, t.draft->>'text' as text
      from tasks t join enrollments e on e.id = t.enrollment_id
      where t.workspace_id = ${w} and e.sequence_id = 'manual'`;
    expect(task).toEqual({
      kind: 'manual_email',
      channel: 'email',
      status: 'open',
      subject: '한빛물류 제안',
      text: '김민준님께',
    });
  });
});
