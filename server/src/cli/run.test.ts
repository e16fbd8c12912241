import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.ts';
import { brokenSequence, runCli, tempDir } from '../test-support.ts';
import { userCwd } from './io.ts';

const nudge = runCli;

describe('nudge help', () => {
  it.each([['help'], ['--help'], ['-h']])('%s prints the usage on stdout, exit 0', async (arg) => {
    const result = await nudge([arg]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: pnpm nudge <command> \[options\]\n/);
  });

  it.each([
    ['help', 'validate'],
    ['validate', '--help'],
    ['validate', '-h'],
  ])('%s %s prints the help of validate with its exit statuses', async (...args) => {
    const result = await nudge(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: pnpm nudge validate [--json] [--lang en|ko] FILE...');
    expect(result.stdout).toContain("2  some file can't be read or isn't JSON");
  });

  it.each([
    [['validate'], 'validate needs at least one FILE'],
    [['validate', '--jsn', 'x.json'], "Unknown option '--jsn'"],
    [['help', 'nope'], 'no command "nope"'],
  ])('%j is a usage error: stderr, exit 2', async (args, message) => {
    const result = await nudge(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('takes a file named like an option after --', async () => {
    const dir = tempDir({ '--json': '{}' });
    try {
      const result = await nudge(['validate', '--', '--json'], { cwd: dir.dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('--json: invalid');
    } finally {
      dir.remove();
    }
  });
});

describe('nudge validate output', () => {
  it('colours severities and verdicts on a terminal', async () => {
    const dir = tempDir({ 'b.json': JSON.stringify(brokenSequence()) });
    try {
      const { stdout } = await nudge(['validate', 'b.json'], { cwd: dir.dir, color: true });
      expect(stdout).toContain('\x1b[31merror\x1b[39m [unknown_handle]');
      expect(stdout).toContain('\x1b[33mwarning\x1b[39m [unconnected_handle]');
      expect(stdout).toContain('b.json: \x1b[31minvalid\x1b[39m, 3 errors, 1 warning');
    } finally {
      dir.remove();
    }
  });

  it('escapes control characters and quotes odd ids, so a file cannot break a line', async () => {
    const sequence = brokenSequence() as unknown as { nodes: Array<Record<string, unknown>> };
    sequence.nodes.push({ id: 'bad\nid \x1b[2J', type: 'exit', data: {} });
    const dir = tempDir({ 'b.json': JSON.stringify(sequence) });
    try {
      const { stdout } = await nudge(['validate', 'b.json'], { cwd: dir.dir });
      expect(stdout).not.toContain('\x1b');
      expect(stdout).toContain('node "bad\\nid \\u001b[2J"');
      for (const line of stdout.trimEnd().split('\n'))
        expect(line).toMatch(/^b\.json(:\d+:\d+)?: /);
    } finally {
      dir.remove();
    }
  });

  it('refuses a file over 16 MiB before reading it', async () => {
    const dir = tempDir({ 'big.json': ' '.repeat(16 * 1024 * 1024 + 1) });
    try {
      const result = await nudge(['validate', 'big.json'], { cwd: dir.dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(
        'big.json: error [file_too_large]: the file is larger than 16 MiB',
      );
    } finally {
      dir.remove();
    }
  });

  it('answers fast for a file of 100,000 nodes and for deep nesting', async () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'exit',
      data: {},
    }));
    const dir = tempDir({
      'huge.json': JSON.stringify({ format: 'nudge.sequence/v1', name: 'x', nodes, edges: [] }),
      'deep.json': `{"a": ${'['.repeat(1_000_000)}`,
    });
    try {
      const started = performance.now();
      const result = await nudge(['validate', 'huge.json', 'deep.json'], { cwd: dir.dir });
      expect(performance.now() - started).toBeLessThan(3000);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        'error [too_many_nodes] at /nodes: the sequence has 100000 nodes',
      );
      expect(result.stdout).toContain(
        'deep.json:1:1: error [too_deep]: the file nests deeper than 48 levels',
      );
    } finally {
      dir.remove();
    }
  });
});

describe('userCwd', () => {
  it('is INIT_CWD when pnpm runs us in the repository root, else the working directory', () => {
    expect(userCwd({ INIT_CWD: '/home/me/seq' }, repoRoot)).toBe('/home/me/seq');
    expect(userCwd({ INIT_CWD: '/home/me/seq' }, '/elsewhere')).toBe('/elsewhere');
    expect(userCwd({}, repoRoot)).toBe(repoRoot);
  });
});
