import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
const t = w.tokens.editor;
const contact = async (id: string) =>
  (await sql`select * from contacts where workspace_id = ${w.id} and id = ${id}`)[0];

describe('POST /api/contacts', () => {
  it('inserts new contacts and answers their ids in order', async () => {
    const res = await call(t, 'POST', '/api/contacts', {
      contacts: [
        {
          id: 'minjun',
          email: 'minjun@hanbit.example',
          name: '김민준',
          tags: ['vip'],
          attributes: { plan: 'team' },
          owner: { name: '김지훈', email: 'jihoon@nudge.example' },
        },
        { email: 'Ana@Northwind.example', timezone: 'America/New_York' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.ids[0]).toBe('minjun');
    expect(res.json.ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await contact('minjun')).toMatchObject({
      name: '김민준',
      tags: ['vip'],
      attributes: { plan: 'team' },
      unsubscribed: false,
    });
  });

  it('upserts by id (keeping what is not given), else by email (any case)', async () => {
    const res = await call(t, 'POST', '/api/contacts', {
      contacts: [
        { id: 'minjun', title: 'CEO' },
        { email: 'ana@northwind.EXAMPLE', name: 'Ana' },
      ],
    });
    expect(await contact('minjun')).toMatchObject({ name: '김민준', title: 'CEO', tags: ['vip'] });
    const [ana] =
      await sql`select id, name from contacts where lower(email) = 'ana@northwind.example'`;
    expect(res.json.ids).toEqual(['minjun', ana?.id]);
    expect(ana?.name).toBe('Ana');
  });

  it('names the index and property of every invalid contact (422), and writes nothing', async () => {
    const res = await call(t, 'POST', '/api/contacts', {
      contacts: [
        { id: 'fine' },
        { emial: 'a@b.c' },
        { email: 'not an email', timezone: 'Mars/Base', tags: [1] },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('invalid_contacts');
    const problems = res.json.error.details.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          index: 1,
          pointer: '/contacts/1/emial',
          message: expect.stringContaining('unknown property "emial"'),
        },
        {
          index: 2,
          pointer: '/contacts/2/email',
          message: expect.stringContaining('"email" must be an email'),
        },
        {
          index: 2,
          pointer: '/contacts/2/timezone',
          message: expect.stringContaining('"timezone"'),
        },
        { index: 2, pointer: '/contacts/2/tags/0', message: expect.stringContaining('"tags[0]"') },
      ]),
    );
    expect(await contact('fine')).toBeUndefined();
  });

  it('refuses values PostgreSQL would choke on, naming the field (422), and writes nothing', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ id: 'x'.repeat(3000) }, '/contacts/0/id', /at most 255/],
      [{ id: 'n1', email: `${'e'.repeat(3000)}@x.example` }, '/contacts/0/email', /at most 254/],
      [{ id: 'n2', phone: '1'.repeat(3000) }, '/contacts/0/phone', /at most 32/],
      [{ id: 'n3', tags: ['t'.repeat(3000)] }, '/contacts/0/tags/0', /at most 64/],
      [{ id: 'n4', name: '김\u0000민준' }, '/contacts/0/name', /NUL character/],
      [{ id: 'n5', company: 'a\ud800' }, '/contacts/0/company', /lone surrogate/],
      [{ id: 'n6\u0000' }, '/contacts/0/id', /NUL character/],
      [{ id: 'n7', attributes: { k: 'v\u0000' } }, '/contacts/0/attributes/k', /NUL/],
    ];
    const before = (await sql`select count(*)::int as n from contacts`)[0]?.n;
    for (const [contact, pointer, message] of cases) {
      const res = await call(t, 'POST', '/api/contacts', { contacts: [{ id: 'ok' }, contact] });
      expect(res.status, pointer).toBe(422);
      // Text that can't be stored is refused at the door, before the contact check.
      const problem =
        res.json.error.code === 'invalid_text'
          ? res.json.error
          : res.json.error.details.problems[0];
      const at = problem.pointer ?? problem.details.pointer;
      expect(at.replace('/contacts/1', '/contacts/0'), pointer).toBe(pointer);
      expect(problem.message).toMatch(message);
    }
    expect((await sql`select count(*)::int as n from contacts`)[0]?.n).toBe(before);
  });

  it('refuses one contact twice in a call (422) and an email another contact has (409)', async () => {
    const twice = await call(t, 'POST', '/api/contacts', { contacts: [{ id: 'a' }, { id: 'a' }] });
    expect(twice).toMatchObject({ status: 422, json: { error: { code: 'duplicate_contacts' } } });
    const taken = await call(t, 'POST', '/api/contacts', {
      contacts: [{ id: 'other', email: 'MINJUN@hanbit.example' }],
    });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: 'email_taken' } } });
    expect(await contact('other')).toBeUndefined();
  });

  it('answers 400 for a body without a contacts array or with other properties', async () => {
    expect((await call(t, 'POST', '/api/contacts', [])).status).toBe(400);
    expect((await call(t, 'POST', '/api/contacts', { contacts: {} })).status).toBe(400);
    expect((await call(t, 'POST', '/api/contacts', { contacts: [], extra: 1 })).status).toBe(400);
    expect((await call(t, 'POST', '/api/contacts', '')).status).toBe(400);
  });
});
