import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createAdaptorServer } from '@hono/node-server';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { type Sequence, writeSequence } from '@nudge/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { apiOn, createWorkspace, type TestWorkspace } from '../api.test-support.ts';
import { brokenSequence, example, readExample, runCli, tempDir } from '../test-support.ts';

/* `nudge import` against the API served over real HTTP: each test in a workspace of its own. */

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const server = createAdaptorServer({ fetch: app.fetch });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const withoutId = (() => {
  const { id: _, ...rest } = example('onboarding');
  return rest;
})();

const files = tempDir({
  'cold-mail.json': readExample('cold-mail'),
  'contract-renewal.json': readExample('contract-renewal'),
  // The same sequence written by hand: keys out of order, other spacing, no final newline.
  'scrambled.json': JSON.stringify(reorder(example('contract-renewal'))),
  'broken.json': JSON.stringify(brokenSequence(), null, 2),
  'no-id.json': JSON.stringify(withoutId, null, 2),
  'not-json.json': '{ "format": ',
});
afterAll(async () => {
  files.remove();
  await new Promise((resolve) => server.close(resolve));
});

/** `nudge import ARGS` in the folder of the files, against the server, as w's editor. */
const nudge = (w: TestWorkspace, args: string[], env: Record<string, string> = {}) =>
  runCli(['import', ...args], {
    cwd: files.dir,
    env: { NUDGE_URL: url, NUDGE_TOKEN: w.tokens.editor, ...env },
  });

/** `nudge export ID`: the draft on the server, as the CLI writes it. */
const exported = async (w: TestWorkspace, id: string) => {
  const result = await runCli(['export', id], {
    env: { NUDGE_URL: url, NUDGE_TOKEN: w.tokens.viewer },
  });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return result.stdout;
};

/** Standard error of a run that imported: at most the warnings of valid files. */
const onlyWarnings = (stderr: string) =>
  expect(stderr.split('\n').filter((line) => line && !/: (warning \[|valid, )/.test(line))).toEqual(
    [],
  );

const load = (w: TestWorkspace, id: string) => call(w.tokens.viewer, 'GET', `/api/sequences/${id}`);

/**
 * A sequence with the keys of the objects whose order the format fixes (the file, its
 * settings, each node, its data, each edge) in reverse: as a hand or another tool might write
 * it. Maps (merge variables, `set`) keep their order, which is their own.
 */
function reorder(sequence: Sequence): Record<string, unknown> {
  const reversed = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).reverse()) as T;
  return reversed({
    ...sequence,
    settings: reversed(sequence.settings ?? {}),
    nodes: sequence.nodes.map((node) => reversed({ ...node, data: reversed(node.data) })),
    edges: sequence.edges.map(reversed),
  });
}

describe('nudge import', () => {
  it('creates each sequence, and export → import → export gives the same bytes', async () => {
    const w = await createWorkspace(sql);
    const result = await nudge(w, ['cold-mail.json', 'contract-renewal.json']);
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'imported cold-mail.json as cold-mail (created)\n' +
        'imported contract-renewal.json as contract-renewal (created)\n',
    });
    onlyWarnings(result.stderr);
    for (const name of ['cold-mail', 'contract-renewal']) {
      const canonical = writeSequence(example(name));
      expect(await exported(w, name)).toBe(canonical);
    }
    // An export imported into another workspace exports the same bytes again.
    const other = await createWorkspace(sql, 'Other');
    const again = tempDir({ 'cold-mail.json': await exported(w, 'cold-mail') });
    try {
      const imported = await runCli(['import', 'cold-mail.json'], {
        cwd: again.dir,
        env: { NUDGE_URL: url, NUDGE_TOKEN: other.tokens.editor },
      });
      expect(imported.code).toBe(0);
      expect(await exported(other, 'cold-mail')).toBe(await exported(w, 'cold-mail'));
    } finally {
      again.remove();
    }
  });

  it('stores a file written by hand as its canonical text', async () => {
    const w = await createWorkspace(sql);
    expect((await nudge(w, ['scrambled.json'])).code).toBe(0);
    expect(await exported(w, 'contract-renewal')).toBe(writeSequence(example('contract-renewal')));
  });

  it('imports nothing when one file of the batch is invalid, and says where', async () => {
    const w = await createWorkspace(sql);
    const result = await nudge(w, ['cold-mail.json', 'broken.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^broken\.json:\d+:\d+: error \[unknown_property\] node welcome at \/nodes\/1\/data\/bogus: /m,
    );
    expect(result.stderr).toMatch(
      /^broken\.json:\d+:\d+: error \[unknown_handle\] edge \S+ at \/edges\/2\/sourceHandle: /m,
    );
    expect(result.stderr).toMatch(/^broken\.json: invalid, 3 errors/m);
    expect(result.stderr).toContain('nudge import: nothing was imported: 1 file invalid (of 2)\n');
    expect((await load(w, 'cold-mail')).status).toBe(404);
  });

  it('imports nothing, exit 2, when a file is missing or not JSON', async () => {
    const w = await createWorkspace(sql);
    const result = await nudge(w, ['cold-mail.json', 'missing.json', 'not-json.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.json: error [file_not_found]: no such file\n');
    expect(result.stderr).toMatch(/^not-json\.json:1:\d+: error \[invalid_json\]/m);
    expect(result.stderr).toContain("2 files can't be read or isn't JSON (of 3)");
    expect((await load(w, 'cold-mail')).status).toBe(404);
  });

  it('refuses ids that exist, without --replace or --new-id, and changes nothing', async () => {
    const w = await createWorkspace(sql);
    const mine = { ...example('cold-mail'), name: 'Mine' };
    expect((await call(w.tokens.editor, 'POST', '/api/sequences', mine)).status).toBe(201);
    const result = await nudge(w, ['contract-renewal.json', 'cold-mail.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('  cold-mail (cold-mail.json)\n');
    expect(result.stderr).toContain('Nothing was imported');
    expect(result.stderr).toContain('--replace');
    expect(result.stderr).toContain('--new-id');
    expect(result.stderr).not.toContain('contract-renewal (');
    // The other file was not imported, and the existing draft is as it was.
    expect((await load(w, 'contract-renewal')).status).toBe(404);
    const existing = await load(w, 'cold-mail');
    expect(existing.json).toMatchObject({ name: 'Mine', revision: 1 });
  });

  it('--replace overwrites the draft of an id that exists, and creates the others', async () => {
    const w = await createWorkspace(sql);
    const mine = { ...example('cold-mail'), name: 'Mine' };
    expect((await call(w.tokens.editor, 'POST', '/api/sequences', mine)).status).toBe(201);
    const result = await nudge(w, ['cold-mail.json', 'contract-renewal.json', '--replace']);
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'imported cold-mail.json as cold-mail (replaced)\n' +
        'imported contract-renewal.json as contract-renewal (created)\n',
    });
    onlyWarnings(result.stderr);
    expect((await load(w, 'cold-mail')).json).toMatchObject({ revision: 2 });
    expect(await exported(w, 'cold-mail')).toBe(writeSequence(example('cold-mail')));
  });

  it('--new-id imports a file whose id exists under ID-2, then ID-3', async () => {
    const w = await createWorkspace(sql);
    expect((await nudge(w, ['cold-mail.json'])).code).toBe(0);
    const second = await nudge(w, ['cold-mail.json', '--new-id']);
    expect(second).toMatchObject({
      code: 0,
      stdout: 'imported cold-mail.json as cold-mail-2 (created)\n',
    });
    const third = await nudge(w, ['--new-id', 'cold-mail.json']);
    expect(third.stdout).toBe('imported cold-mail.json as cold-mail-3 (created)\n');
    // The copy is the file with its new id; the original is untouched.
    const copy = writeSequence({ ...example('cold-mail'), id: 'cold-mail-2' });
    expect(await exported(w, 'cold-mail-2')).toBe(copy);
    expect((await load(w, 'cold-mail')).json).toMatchObject({ revision: 1 });
  });

  it('two files on one id: refused, or with --new-id the second gets a new id', async () => {
    const w = await createWorkspace(sql);
    const refused = await nudge(w, ['contract-renewal.json', 'scrambled.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '  contract-renewal: contract-renewal.json and scrambled.json\n',
    );
    expect((await load(w, 'contract-renewal')).status).toBe(404);
    const both = await nudge(w, ['contract-renewal.json', 'scrambled.json', '--new-id']);
    expect(both.stdout).toBe(
      'imported contract-renewal.json as contract-renewal (created)\n' +
        'imported scrambled.json as contract-renewal-2 (created)\n',
    );
  });

  it('--publish publishes each imported draft and prints its version', async () => {
    const w = await createWorkspace(sql);
    const first = await nudge(w, ['cold-mail.json', '--publish']);
    expect(first).toMatchObject({
      code: 0,
      stdout: 'imported cold-mail.json as cold-mail (created), published version 1\n',
    });
    expect((await load(w, 'cold-mail')).json).toMatchObject({ published: { version: 1 } });
    const again = await nudge(w, ['cold-mail.json', '--publish', '--replace']);
    expect(again.stdout).toBe(
      'imported cold-mail.json as cold-mail (replaced), published version 2\n',
    );
  });

  it('reports the id the server derives for a file without one, and looks it up first', async () => {
    const w = await createWorkspace(sql);
    const created = await nudge(w, ['no-id.json']);
    expect(created).toMatchObject({
      code: 0,
      stdout: 'imported no-id.json as trial-onboarding-behaviour-based (created)\n',
    });
    const again = await nudge(w, ['no-id.json']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('  trial-onboarding-behaviour-based (no-id.json)\n');
    const replaced = await nudge(w, ['no-id.json', '--replace']);
    expect(replaced.stdout).toBe(
      'imported no-id.json as trial-onboarding-behaviour-based (replaced)\n',
    );
  });

  it('reads a FILE of - from standard input, named <stdin>', async () => {
    const w = await createWorkspace(sql);
    const result = await runCli(['import', '-', 'contract-renewal.json'], {
      cwd: files.dir,
      env: { NUDGE_URL: url, NUDGE_TOKEN: w.tokens.editor },
      stdin: () => Readable.from([Buffer.from(readExample('cold-mail'))]),
    });
    expect(result).toMatchObject({
      code: 0,
      stdout:
        'imported <stdin> as cold-mail (created)\n' +
        'imported contract-renewal.json as contract-renewal (created)\n',
    });
  });

  it('exits 1 with a clear message when the token is wrong, missing or a viewer’s', async () => {
    const w = await createWorkspace(sql);
    const wrong = await nudge(w, ['cold-mail.json'], { NUDGE_TOKEN: 'not-a-token' });
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toContain(
      'nudge import: 401 unauthorized: the bearer token is not valid (unknown or revoked) (check NUDGE_TOKEN)\n' +
        'nudge import: nothing was imported\n',
    );
    const none = await runCli(['import', 'cold-mail.json'], {
      cwd: files.dir,
      env: { NUDGE_URL: url },
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('(set NUDGE_TOKEN to an API token)');
    const viewer = await nudge(w, ['cold-mail.json'], { NUDGE_TOKEN: w.tokens.viewer });
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain('nudge import: cold-mail.json: 403 forbidden: ');
    expect(viewer.stderr).toContain('nudge import: nothing was imported\n');
    expect((await load(w, 'cold-mail')).status).toBe(404);
  });

  it('exits 2 when no server answers at the URL', async () => {
    const w = await createWorkspace(sql);
    const closed = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gone = await nudge(w, ['cold-mail.json', '--url', `http://127.0.0.1:${port}`]);
    expect(gone).toMatchObject({ code: 2, stdout: '' });
    expect(gone.stderr).toContain(`nudge import: no answer from http://127.0.0.1:${port}`);
    expect(gone.stderr).toContain('nothing was imported');
  });

  it.each([
    [[], 'import needs at least one FILE'],
    [['a.json', '--replace', '--new-id'], '--replace and --new-id exclude each other'],
    [['-', '-'], '`-` (stdin) can be given only once'],
    [['a.json', '--url', 'not a url'], '"not a url" is not a URL'],
    [['a.json', '--pubish'], "Unknown option '--pubish'"],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const w = await createWorkspace(sql);
    const result = await nudge(w, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('is listed by nudge help, with its options and exit status', async () => {
    expect((await runCli(['help'])).stdout).toContain('  import FILE... [--replace | --new-id]');
    const help = await runCli(['help', 'import']);
    expect(help.stdout).toContain('--new-id');
    expect(help.stdout).toContain('Exit status:');
  });
});
