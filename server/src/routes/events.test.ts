import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';

/* POST /api/events: what it takes as the time of an event. */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql);
await call(w.tokens.admin, 'POST', '/api/contacts', {
  contacts: [{ id: 'c1', email: 'c1@hanbit.example' }],
});
const record = (at: string) =>
  call(w.tokens.editor, 'POST', '/api/events', { contactId: 'c1', type: 'opened', at });

describe('POST /api/events "at"', () => {
  it('takes instants from year 1000 to 9999 in UTC, and stores them as given', async () => {
    for (const at of [
      '1000-01-01T00:00:00Z',
      '2026-01-12T09:30:00+09:00',
      '9999-12-31T23:59:59Z',
    ]) {
      const res = await record(at);
      expect(res.status, at).toBe(202);
      const [row] = await sql<Array<{ at: Date }>>`select at from events where id = ${res.json.id}`;
      expect(row?.at.toISOString(), at).toBe(new Date(at).toISOString());
    }
  });

  // Found by the API fuzzer: JavaScript's dates go past PostgreSQL's, and the first two answered
  // 500; the year 1 was stored, and read back as 2001.
  it('refuses instants that would not be stored or read back as given, with a 400', async () => {
    for (const at of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00+14:00',
      '0001-01-01T00:00:00Z',
      '0999-12-31T23:59:59Z',
      '9999-12-31T23:59:59-14:00',
    ]) {
      const res = await record(at);
      expect(res.status, at).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'invalid_event', details: { pointer: '/at' } });
    }
  });
});
