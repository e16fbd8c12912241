import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { silentLogger } from './log.ts';
import { startNudge } from './nudge.ts';
import { fakeEditor, readExample, tempDataDir, tempDir } from './test-support.ts';

/* startNudge with an embedded PostgreSQL in a temporary data dir, in this process. */

describe('startNudge', () => {
  it('starts PostgreSQL, migrates, bootstraps an admin token, serves; a restart keeps the data', async () => {
    const data = tempDataDir();
    const editor = tempDir(fakeEditor);
    const config = readConfig({
      PORT: '0',
      NUDGE_DATA_DIR: data.dir,
      NUDGE_EDITOR_DIR: editor.dir,
      NUDGE_BOOTSTRAP_TOKEN: 'boot-token',
      // The settings the worker is given, seen by one in this process (the worker process:
      // worker-process.test.ts).
      NUDGE_WORKER: 'inline',
    });
    const settings: Array<{ publicUrl: string; secret: string } | 'stopped'> = [];
    const worker = async (_sql: unknown, given: { publicUrl: string; secret: string }) => {
      settings.push(given);
      return { stop: async () => void settings.push('stopped') };
    };
    const auth = { authorization: 'Bearer boot-token', 'content-type': 'application/json' };
    try {
      const first = await startNudge(config, { logger: silentLogger, worker });
      try {
        const res = await fetch(`${first.url}/api/sequences`, {
          method: 'POST',
          headers: auth,
          body: readExample('cold-mail'),
        });
        expect(res.status).toBe(201);
        expect(
          (await fetch(`${first.url}/api/sequences`, { method: 'POST', body: '{}' })).status,
        ).toBe(401);
        expect(settings[0]).toMatchObject({ publicUrl: first.url, secret: expect.any(String) });
      } finally {
        await first.stop();
      }
      expect(settings.at(-1)).toBe('stopped');
      const second = await startNudge(config, { logger: silentLogger, worker });
      try {
        const exported = await fetch(`${second.url}/api/sequences/cold-mail/export`, {
          headers: auth,
        });
        expect(exported.status).toBe(200);
        expect(((await exported.json()) as { name: string }).name).toBe(
          JSON.parse(readExample('cold-mail')).name,
        );
        // One admin, one token: the bootstrap ran once.
        const [row] = await second.sql`select count(*)::int as n from api_tokens`;
        expect(row?.n).toBe(1);
        // The generated secret is kept: the same on every start.
        expect(settings[0]).toMatchObject({ secret: expect.stringMatching(/^[\w-]{43}$/) });
        expect(settings[2]).toMatchObject({ secret: (settings[0] as { secret: string }).secret });
      } finally {
        await second.stop();
      }
    } finally {
      data.remove();
      editor.remove();
    }
  }, 60_000);
});
