import { fileURLToPath } from 'node:url';
import {
  type Config,
  lintConfig,
  lintFromString,
  loadConfig,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.ts';

/**
 * The OpenAPI document, exactly as GET /api/openapi.json serves it, linted with Redocly's
 * rules as server/redocly.yaml sets them: every error or warning fails the test, listed one a
 * line. @redocly/openapi-core is the
 * engine of the Redocly CLI; unlike the CLI it has no telemetry and no update check, and with
 * only local $refs and built-in rule sets it needs no network, which these tests hold it to.
 */
const CONFIG_PATH = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
/** Where the served document is taken to sit: the ignore file names it `openapi.json`. */
const DOCUMENT_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

const served = async (): Promise<string> => {
  const res = await createApp().request('/api/openapi.json');
  expect(res.status).toBe(200);
  return res.text();
};

const lint = (source: string, config: Config) =>
  lintFromString({ source, absoluteRef: DOCUMENT_PATH, config });

/** One line per problem: what a person needs to find and fix it. */
const lines = (problems: readonly NormalizedProblem[]) =>
  problems.map(
    (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '(document)'}: ${p.message}`,
  );

describe('the OpenAPI document', () => {
  // Offline: any attempt to reach the network while linting fails the test.
  const fetched: string[] = [];
  beforeEach(() => {
    fetched.length = 0;
    vi.stubGlobal('fetch', async (url: unknown) => {
      fetched.push(String(url));
      throw new Error(`the OpenAPI lint must not use the network (asked for ${String(url)})`);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    expect(fetched).toEqual([]);
  });

  it('has a valid Redocly config beside it', async () => {
    const config = await loadConfig({ configPath: CONFIG_PATH });
    expect(lines(await lintConfig({ config }))).toEqual([]);
  });

  it('lints clean: no error, no warning', async () => {
    const config = await loadConfig({ configPath: CONFIG_PATH });
    const problems = await lint(await served(), config);
    expect(lines(problems.filter((p) => !p.ignored))).toEqual([]);
  });

  // An ignore file (.redocly.lint-ignore.yaml beside the config, naming `openapi.json`) may
  // excuse single places, each with its reason; none may outlive the problem it excuses.
  it('excuses, in an ignore file, only problems that are still there', async () => {
    const config = await loadConfig({ configPath: CONFIG_PATH });
    const ignored = (await lint(await served(), config)).filter((p) => p.ignored);
    const excused = Object.entries(config.ignore).flatMap(([file, rules]) =>
      Object.entries(rules).flatMap(([rule, pointers]) =>
        [...pointers].map((pointer) => `${file} ${rule} ${pointer}`),
      ),
    );
    expect(
      ignored.map((p) => `${DOCUMENT_PATH} ${p.ruleId} ${p.location[0]?.pointer}`).sort(),
    ).toEqual(excused.sort());
  });

  it('is linted for real: a document without servers or 4xx answers fails', async () => {
    const config = await loadConfig({ configPath: CONFIG_PATH });
    const document = JSON.parse(await served());
    delete document.servers;
    for (const code of ['400', '401', '403', '404', '409', '413', '415', '422', '429'])
      delete document.paths['/api/sequences'].post.responses[code];
    const problems = lines(await lint(JSON.stringify(document), config));
    expect(problems).toEqual(
      expect.arrayContaining([
        'error no-empty-servers at #/openapi: Servers must be present.',
        'warn operation-4xx-response at #/paths/~1api~1sequences/post/responses: Operation must have at least one `4XX` response.',
      ]),
    );
  });
});
