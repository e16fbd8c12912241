import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { example, runCli, tempDir } from '../test-support.ts';

/* `nudge export` against the API served over real HTTP. */

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const w = await createWorkspace(sql);
await call(w.tokens.editor, 'POST', '/api/sequences', example('cold-mail'));
const server = createAdaptorServer({ fetch: app.fetch });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const out = tempDir();
afterAll(async () => {
  out.remove();
  await new Promise((resolve) => server.close(resolve));
});

const nudge = (args: string[], env: Record<string, string> = {}) =>
  runCli(['export', ...args], {
    cwd: out.dir,
    env: { NUDGE_URL: url, NUDGE_TOKEN: w.tokens.viewer, ...env },
  });

const apiExport = async () => {
  const res = await app.request('/api/sequences/cold-mail/export', {
    headers: { authorization: `Bearer ${w.tokens.viewer}` },
  });
  return res.text();
};

describe('nudge export', () => {
  it('writes the canonical text the API exports, byte for byte, on stdout', async () => {
    const result = await nudge(['cold-mail']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(await apiExport());
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('writes FILE with -o, and export → import → export is byte-identical', async () => {
    expect((await nudge(['cold-mail', '-o', 'cold-mail.json'])).code).toBe(0);
    const first = readFileSync(out.path('cold-mail.json'), 'utf8');
    expect(first).toBe(await apiExport());
    // Imported into another workspace, from the file, and exported again from there.
    const other = await createWorkspace(sql, 'Other');
    expect((await call(other.tokens.editor, 'POST', '/api/sequences', first)).status).toBe(201);
    const again = await nudge(['cold-mail', '--output', 'again.json'], {
      NUDGE_TOKEN: other.tokens.viewer,
    });
    expect(again.code).toBe(0);
    expect(readFileSync(out.path('again.json'), 'utf8')).toBe(first);
  });

  it('takes the server from --url over NUDGE_URL', async () => {
    const result = await nudge(['--url', `${url}/`, 'cold-mail'], {
      NUDGE_URL: 'http://x.invalid',
    });
    expect(result.code).toBe(0);
  });

  it('exits 1 with the API error when the server refuses', async () => {
    const missing = await nudge(['nope']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(
      'nudge export: 404 sequence_not_found: there is no sequence "nope" in this workspace\n',
    );
    const noToken = await runCli(['export', 'cold-mail'], { env: { NUDGE_URL: url } });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('401 unauthorized');
    expect(noToken.stderr).toContain('set NUDGE_TOKEN');
  });

  it('exits 2 when no server answers, or FILE cannot be written', async () => {
    const closed = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = await nudge(['cold-mail'], { NUDGE_URL: `http://127.0.0.1:${port}` });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`nudge export: no answer from http://127.0.0.1:${port}`);
    const unwritable = await nudge(['cold-mail', '-o', 'no/such/dir/x.json']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain("can't write no/such/dir/x.json");
  });

  it.each([
    [[], 'export takes one sequence ID (got 0)'],
    [['a', 'b'], 'export takes one sequence ID (got 2)'],
    [['a', '--url', 'not a url'], '"not a url" is not a URL'],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const result = await nudge(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
