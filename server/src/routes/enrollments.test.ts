import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { example } from '../test-support.ts';

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;
await call(t, 'POST', '/api/sequences', example('onboarding'));
await call(t, 'POST', '/api/contacts', {
  contacts: [
    { id: 'c1', email: 'c1@a.example', tags: ['lead'], attributes: { seats: 12 } },
    { id: 'c2', email: 'c2@a.example', tags: ['lead', 'vip'], attributes: { seats: '40' } },
    { id: 'c3', email: 'c3@a.example', tags: [], attributes: { seats: 3 } },
    { id: 'gone', email: 'gone@a.example', unsubscribed: true, tags: ['lead'] },
  ],
});

describe('POST /api/sequences/:id/enrollments', () => {
  it('needs a published version (409)', async () => {
    const res = await call(t, 'POST', '/api/sequences/onboarding/enrollments', {
      contactIds: ['c1'],
    });
    expect(res).toMatchObject({ status: 409, json: { error: { code: 'not_published' } } });
    await call(t, 'POST', '/api/sequences/onboarding/publish');
  });

  it('enrolls contact ids, skipping with reasons', async () => {
    const res = await call(t, 'POST', '/api/sequences/onboarding/enrollments', {
      contactIds: ['c1', 'gone', 'nobody'],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      enrolled: 1,
      skipped: expect.arrayContaining([
        { contactId: 'gone', reason: 'unsubscribed' },
        { contactId: 'nobody', reason: 'no such contact' },
      ]),
    });
  });

  it('enrolls a segment: the contacts its field RULE selects', async () => {
    const res = await call(t, 'POST', '/api/sequences/onboarding/enrollments', {
      segment: {
        all: [
          { field: 'contact.tags', op: 'contains', value: 'lead' },
          { field: 'contact.attributes.seats', op: 'gte', value: 10 },
        ],
      },
    });
    expect(res.json).toEqual({
      enrolled: 1,
      skipped: [{ contactId: 'c1', reason: 'already active in this sequence' }],
    });
  });

  it('refuses an invalid segment or one with event tests (422, with pointers)', async () => {
    const bad = await call(t, 'POST', '/api/sequences/onboarding/enrollments', {
      segment: { any: [{ field: 'contact.nope', op: 'eq', value: 1 }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('invalid_segment');
    expect(bad.json.error.details.problems[0].pointer).toMatch(/^\/segment\/any\/0/);
    const events = await call(t, 'POST', '/api/sequences/onboarding/enrollments', {
      segment: { not: { event: 'opened' } },
    });
    expect(events.status).toBe(422);
    expect(events.json.error.details.problems).toEqual([
      { code: 'segment_event_test', pointer: '/segment/not' },
    ]);
  });

  it('refuses RULEs past the limits at once (422), where they froze the server before', async () => {
    const field = (path: string) => ({ field: path, op: 'eq', value: 'x' });
    const cases: Array<[string, unknown, string]> = [
      ['a path of 15 keys', field(`contact.attributes${'.0'.repeat(15)}`), '/segment/field'],
      ['a path of 5,000 keys', field(`contact.attributes${'.a'.repeat(5000)}`), '/segment/field'],
      [
        'an eq array of 10,000 items',
        { field: 'contact.id', op: 'eq', value: Array.from({ length: 10_000 }, (_, i) => i) },
        '/segment/value',
      ],
      [
        '100 in lists of 1,000 values',
        {
          any: Array.from({ length: 100 }, () => ({
            field: 'contact.id',
            op: 'in',
            value: Array.from({ length: 1000 }, (_, i) => `c${i}`),
          })),
        },
        '/segment',
      ],
    ];
    for (const [what, segment, pointer] of cases) {
      const started = performance.now();
      const res = await call(t, 'POST', '/api/sequences/onboarding/enrollments', { segment });
      expect(res.status, what).toBe(422);
      expect(res.json.error.code, what).toBe('invalid_segment');
      const pointers = res.json.error.details.problems.map((p: { pointer: string }) => p.pointer);
      expect(pointers, what).toContain(pointer);
      expect(performance.now() - started, what).toBeLessThan(1000);
    }
  });

  it('refuses more contact ids than one call may enroll (413)', async () => {
    const contactIds = Array.from({ length: 100_001 }, (_, i) => `c${i}`);
    const res = await call(t, 'POST', '/api/sequences/onboarding/enrollments', { contactIds });
    expect(res).toMatchObject({ status: 413, json: { error: { code: 'too_many_contacts' } } });
  });

  it('answers 400 for malformed bodies and 404 for an unknown sequence', async () => {
    for (const body of [
      {},
      { contactIds: 'c1' },
      { contactIds: [1] },
      { contactIds: [], segment: {} },
      { ids: [] },
    ])
      expect(
        (await call(t, 'POST', '/api/sequences/onboarding/enrollments', body)).status,
        JSON.stringify(body),
      ).toBe(400);
    expect(
      (await call(t, 'POST', '/api/sequences/nope/enrollments', { contactIds: ['c1'] })).status,
    ).toBe(404);
  });
});

describe('GET /api/sequences/:id/enrollments', () => {
  it('lists { id, contactId, status, node, version }, a page at a time', async () => {
    const all = await call(t, 'GET', '/api/sequences/onboarding/enrollments');
    expect(all.status).toBe(200);
    expect(all.json).toHaveLength(2);
    expect(all.json[0]).toEqual({
      id: expect.any(String),
      contactId: expect.any(String),
      status: 'active',
      node: null,
      version: 1,
    });
    const first = await call(t, 'GET', '/api/sequences/onboarding/enrollments?limit=1');
    expect(first.json).toHaveLength(1);
    const next = first.headers.get('link')?.match(/^<([^>]+)>; rel="next"$/)?.[1];
    expect(next).toContain(`after=${first.json[0].id}`);
    const second = await call(t, 'GET', next as string);
    expect(second.json.map((e: { id: string }) => e.id)).toEqual([all.json[1].id]);
    expect((await call(t, 'GET', '/api/sequences/onboarding/enrollments?limit=0')).status).toBe(
      400,
    );
    expect((await call(t, 'GET', '/api/sequences/onboarding/enrollments?after=x')).status).toBe(
      400,
    );
    expect((await call(t, 'GET', '/api/sequences/nope/enrollments')).status).toBe(404);
  });
});

describe('POST /api/events', () => {
  it('records an event by contact id or email: 202, and a reply ends the enrollment', async () => {
    const res = await call(t, 'POST', '/api/events', {
      email: 'C2@a.example',
      type: 'replied',
      sequenceId: 'onboarding',
    });
    expect(res.status).toBe(202);
    expect(res.json.ended).toEqual([{ enrollment: expect.any(String), status: 'replied' }]);
    const [row] = await sql`select status from enrollments where contact_id = 'c2'`;
    expect(row?.status).toBe('replied');
    const custom = await call(t, 'POST', '/api/events', {
      contactId: 'c3',
      type: 'custom',
      name: 'signed_up',
    });
    expect(custom.status).toBe(202);
  });

  it('answers 404 for an unknown contact or sequence, 400 for bad events, and stores nothing', async () => {
    const before = (await sql`select count(*)::int as n from events`)[0]?.n;
    const unknown = await call(t, 'POST', '/api/events', { contactId: 'nobody', type: 'opened' });
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: 'contact_not_found' } } });
    expect(
      (await call(t, 'POST', '/api/events', { email: 'x@nowhere.example', type: 'opened' })).status,
    ).toBe(404);
    expect(
      (
        await call(t, 'POST', '/api/events', {
          contactId: 'c1',
          type: 'opened',
          sequenceId: 'nope',
        })
      ).status,
    ).toBe(404);
    for (const body of [
      { contactId: 'c1' },
      { contactId: 'c1', type: 'kissed' },
      { contactId: 'c1', email: 'c1@a.example', type: 'opened' },
      { type: 'opened' },
      { contactId: 'c1', type: 'custom' },
      { contactId: 'c1', type: 'opened', name: 'x' },
      { contactId: 'c1', type: 'opened', at: 'yesterday' },
      { contactId: 'c1', type: 'opened', at: '2026-01-12T10:00:00' },
      { contactId: 'c1', type: 'opened', extra: true },
      { contactId: 5, type: 'opened' },
      { contactId: 'x'.repeat(3000), type: 'opened' },
      { email: `${'x'.repeat(3000)}@a.example`, type: 'opened' },
      { contactId: 'c1', type: 'custom', name: 'n'.repeat(101) },
      { contactId: 'c1', type: 'opened', sequenceId: 's'.repeat(3000) },
    ])
      expect((await call(t, 'POST', '/api/events', body)).status, JSON.stringify(body)).toBe(400);
    expect((await sql`select count(*)::int as n from events`)[0]?.n).toBe(before);
  });
});

describe('GET /api/sequences/:id/stats', () => {
  it('counts per node: sent messages, contacts per event type, tasks', async () => {
    const [e] = await sql<
      Array<{ id: string }>
    >`select id from enrollments where contact_id = 'c1'`;
    await sql`insert into messages (workspace_id, enrollment_id, node, channel, status, content)
              values (${w.id}, ${e?.id as string}, 'welcome', 'email', 'sent', '{}')`;
    await sql`insert into tasks (workspace_id, enrollment_id, node, kind, title)
              values (${w.id}, ${e?.id as string}, 'check-in-task', 'call', 'Call')`;
    for (let i = 0; i < 2; i++)
      await call(t, 'POST', '/api/events', {
        contactId: 'c1',
        type: 'opened',
        sequenceId: 'onboarding',
        node: 'welcome',
      });
    const res = await call(w.tokens.viewer, 'GET', '/api/sequences/onboarding/stats');
    expect(res.status).toBe(200);
    const byNode = Object.fromEntries(res.json.nodes.map((n: { node: string }) => [n.node, n]));
    expect(res.json.nodes.map((n: { node: string }) => n.node)).toEqual(
      example('onboarding').nodes.map((n) => n.id),
    );
    expect(byNode.welcome).toEqual({
      node: 'welcome',
      sent: 1,
      delivered: 0,
      opened: 1,
      clicked: 0,
      replied: 0,
      bounced: 0,
      tasks: 0,
    });
    expect(byNode['check-in-task'].tasks).toBe(1);
    expect((await call(t, 'GET', '/api/sequences/nope/stats')).status).toBe(404);
  });
});
