import { LIMITS } from '@nudge/schema';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './errors.ts';
import { readJsonObject } from './json-body.ts';
import { silentLogger } from './log.ts';

/* The JSON bodies of the API's routes (contacts, enrollments, events, publish, stop). */

const app = new Hono();
app.onError(errorHandler(silentLogger));
app.post('/', async (c) => c.json({ read: await readJsonObject(c, '{ ... }') }));
const post = async (body: string) => {
  const res = await app.request('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by path in assertions
  return { status: res.status, json: (await res.json()) as any };
};

describe('readJsonObject', () => {
  it('reads an object nested as deep as the limit', async () => {
    const depth = LIMITS.jsonDepth - 1;
    const body = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect((await post(body)).status).toBe(200);
  });

  // Found by the API fuzzer (server/src/fuzz): a body of a million `[` held the event loop for
  // 0.5 to 0.7 s in JSON.parse before anything looked at it.
  it('refuses a body nested deeper than the limit before parsing it, with where', async () => {
    for (const body of [
      `{"a":${'['.repeat(LIMITS.jsonDepth)}${']'.repeat(LIMITS.jsonDepth)}}`,
      '['.repeat(1_000_000),
      `{"contacts":[{"attributes":${'{"a":'.repeat(500_000)}1${'}'.repeat(500_000)}}]}`,
    ]) {
      const started = performance.now();
      const { status, json } = await post(body);
      expect(status).toBe(400);
      expect(json.error.code).toBe('invalid_body');
      expect(json.error.details).toMatchObject({ line: 1, limit: LIMITS.jsonDepth });
      // A pass over the text, not a parse: far under the half second it took.
      expect(performance.now() - started).toBeLessThan(250);
    }
  });
});
