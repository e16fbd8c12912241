import { Readable } from 'node:stream';
import { diffSequences, type Sequence, writeSequence } from '@nudge/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { example, readExample, runCli, tempDir } from '../test-support.ts';

// biome-ignore lint/suspicious/noExplicitAny: a sequence edited by path
type Loose = Record<string, any>;

const before = example('cold-mail') as unknown as Loose;
const after = structuredClone(before);
after.name = 'Cold mail, shorter';
after.settings.timezone = 'UTC';
after.nodes[1].data.subject = 'Hello {{고객명}}';
after.nodes[2].position.x = 300;
after.nodes = after.nodes.filter((n: Loose) => n.id !== 'offer');
after.nodes.push({ id: 'call-1', type: 'task', data: { kind: 'call', title: 'Call' } });
after.edges = after.edges.filter((e: Loose) => e.id !== 'e6');
after.edges[4].target = 'call-1';
after.edges.push({ id: 'e7', source: 'call-1', target: 'check-engagement' });

const files = tempDir({
  'a.json': readExample('cold-mail'),
  // The same sequence in the canonical text: other whitespace, other key order.
  'a-canonical.json': writeSequence(before),
  'b.json': JSON.stringify(after, null, 2),
  'not-json.json': '{\n  "name": \n}\n',
  'array.json': '[1, 2]',
  'broken.json': JSON.stringify({ name: 'x', nodes: 'not a list', extra: true }),
});
afterAll(() => files.remove());

const nudge = (args: string[], stdin?: string) =>
  runCli(args, {
    cwd: files.dir,
    ...(stdin === undefined ? {} : { stdin: () => Readable.from([Buffer.from(stdin)]) }),
  });

describe('nudge diff', () => {
  it('exits 0 for the same sequence, however it is written', async () => {
    const result = await nudge(['diff', 'a.json', 'a-canonical.json']);
    expect(result).toEqual({
      code: 0,
      stdout: 'a.json and a-canonical.json: the same sequence\n',
      stderr: '',
    });
  });

  it('exits 1 and lists the differences step by step', async () => {
    const result = await nudge(['diff', 'a.json', 'b.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      '--- a.json',
      '+++ b.json',
      `~ name: ${JSON.stringify(before.name)} → "Cold mail, shorter"`,
      '~ settings',
      '    /timezone: "Asia/Seoul" → "UTC"',
      '+ step call-1 (task)',
      '- step offer (email)',
      '~ step welcome (email)',
      `    /data/subject: ${JSON.stringify(before.nodes[1].data.subject)} → "Hello {{고객명}}"`,
      '+ edge e7: call-1 → check-engagement',
      '- edge e6: offer → check-engagement',
      '~ edge e5: wait-6d → offer, now wait-6d → call-1',
      '  moved on the canvas only: wait-3d',
      'a.json → b.json: steps: 1 added, 1 removed, 1 changed, 1 moved; edges: 1 added, 1 removed, 1 rewired; 1 setting changed; renamed',
      '',
    ]);
  });

  it('colours additions, removals and changes on a terminal', async () => {
    const { stdout } = await runCli(['diff', 'a.json', 'b.json'], { cwd: files.dir, color: true });
    expect(stdout).toContain('\x1b[32m+\x1b[39m step call-1 (task)');
    expect(stdout).toContain('\x1b[31m-\x1b[39m step offer (email)');
    expect(stdout).toContain('\x1b[33m~\x1b[39m step welcome (email)');
  });

  it('prints diffSequences as JSON with --json', async () => {
    const result = await nudge(['diff', '--json', 'a.json', 'b.json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(JSON.stringify(diffSequences(before as Sequence, after as Sequence))),
    );
    const same = await nudge(['diff', 'a.json', 'a-canonical.json', '--json']);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).equal).toBe(true);
  });

  it('compares files that are not valid sequences, naming what it has no list for', async () => {
    const result = await nudge(['diff', 'a.json', 'broken.json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('- step welcome (email)');
    expect(result.stdout).toContain('~ /nodes: [');
    expect(result.stdout).toContain('~ /extra: (none) → true');
  });

  it('reads one of the two from standard input as -', async () => {
    const result = await nudge(['diff', '-', 'b.json'], readExample('cold-mail'));
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('--- <stdin>');
  });

  it.each([
    ['a missing file', 'nope.json', 'nudge diff: nope.json: no such file'],
    ['a file that is not JSON', 'not-json.json', 'nudge diff: not-json.json:3:1: not JSON'],
    ['JSON that is not an object', 'array.json', 'not a sequence file: the JSON is an array'],
  ])('exits 2 for %s, on stderr', async (_, file, message) => {
    const result = await nudge(['diff', 'a.json', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it.each([
    [['diff', 'a.json'], 'diff takes two files, A and B (got 1)'],
    [['diff', 'a.json', 'b.json', 'c.json'], 'diff takes two files, A and B (got 3)'],
    [['diff', '-', '-'], '`-` (stdin) can be given only once'],
    [['diff', '--jsn', 'a.json', 'b.json'], "Unknown option '--jsn'"],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const result = await nudge(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('is in the command list, with its help', async () => {
    expect((await nudge(['help'])).stdout).toContain('diff [--json] A.json B.json');
    const help = await nudge(['diff', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pnpm nudge diff [--json] A.json B.json');
    expect(help.stdout).toContain('1  they differ');
  });
});
