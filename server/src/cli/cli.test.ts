/**
 * The `nudge` CLI as users run it: real child processes. One test goes through the exact
 * `pnpm nudge validate …` from the repository root; the rest start `node` with tsx directly,
 * which is what the pnpm script does minus pnpm's own start-up.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Each test starts `nudge` processes (tsx compiles on the fly), several at once: on a loaded
 * two-core machine (CI runs every test file together) one took over 30 s.
 */
const CLI_TIMEOUT = 120_000;

import { repoRoot } from '../paths.ts';
import {
  brokenSequence,
  example,
  examplesDir,
  nodeTs,
  readExample,
  runProcess,
  tempDir,
} from '../test-support.ts';

const withWarning = example('cold-mail') as unknown as { nodes: Array<{ data: { body: string } }> };
(withWarning.nodes[1] as { data: { body: string } }).data.body += ' {{ nickname }}';
const brokenText = JSON.stringify(brokenSequence(), null, 2);

const files = tempDir({
  'valid.json': readExample('cold-mail'),
  'warning.json': JSON.stringify(withWarning, null, 2),
  'broken.json': brokenText,
  'bad.json': '{\n  "format": "nudge.sequence/v1",\n  "name": "x",\n}\n',
  'bom.json': `\ufeff${readExample('onboarding')}`,
  'sub/dir/nested.json': readExample('contract-renewal'),
});
beforeAll(() => {
  // UTF-16 LE with a byte order mark, as Windows PowerShell's `>` writes it.
  const text = readExample('contract-renewal');
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  writeFileSync(files.path('utf16.json'), bytes);
});
afterAll(() => files.remove());

const nudge = (
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Uint8Array } = {},
) => {
  const [node, argv] = nodeTs('cli/main.ts', args);
  return runProcess(node, argv, {
    cwd: options.cwd ?? files.dir,
    env: options.env,
    input: options.input,
  });
};

/** Where a text first holds `needle`, as `line:column`. */
const lineColumn = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
};

describe('pnpm nudge validate (through pnpm, from the repository root)', {
  timeout: CLI_TIMEOUT,
}, () => {
  it('prints only our lines on stdout, pnpm its own on stderr, and passes the exit status on', async () => {
    const broken = files.path('broken.json');
    const run = await runProcess(
      'pnpm',
      ['nudge', 'validate', 'schema/examples/cold-mail.json', broken],
      { cwd: repoRoot },
    );
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('schema/examples/cold-mail.json: valid');
    expect(lines).toContain(
      `${broken}:${lineColumn(brokenText, '"sourceHandle": "maybe"')}: error [unknown_handle] edge e3 at /edges/2/sourceHandle: wait_for "opened-welcome" has no handle "maybe" (it has met, timeout)`,
    );
    expect(lines.at(-1)).toBe(`${broken}: invalid, 3 errors, 1 warning`);
    expect(run.stderr).toContain(
      `$ tsx server/src/cli/main.ts validate schema/examples/cold-mail.json ${broken}`,
    );
    expect(run.stderr).toContain('Command failed with exit code 1.');

    const unreadable = await runProcess('pnpm', ['nudge', 'validate', 'no-such-file.json'], {
      cwd: repoRoot,
    });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe(
      'no-such-file.json: error [file_not_found]: no such file\nno-such-file.json: unreadable\n',
    );
  });

  it('takes relative paths from where the user ran pnpm (pnpm -C, INIT_CWD)', async () => {
    const run = await runProcess('pnpm', ['-C', repoRoot, 'nudge', 'validate', 'valid.json'], {
      cwd: files.dir,
    });
    expect(run.stdout).toBe('valid.json: valid\n');
    expect(run.code).toBe(0);
  });
});

describe.concurrent('nudge validate', { timeout: CLI_TIMEOUT }, () => {
  it('exits 0 for valid files, one summary line each', async () => {
    const examples = ['cold-mail', 'contract-renewal', 'onboarding'].map(
      (name) => `${examplesDir}/${name}.json`,
    );
    const args = ['valid.json', 'bom.json', 'utf16.json', 'sub/dir/nested.json', ...examples];
    const run = await nudge(['validate', ...args]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(args.map((file) => `${file}: valid\n`).join(''));
  });

  it('prints warnings and still exits 0', async () => {
    const run = await nudge(['validate', 'warning.json']);
    expect(run.code).toBe(0);
    const text = JSON.stringify(withWarning, null, 2);
    expect(run.stdout).toBe(
      `warning.json:${lineColumn(text, '"body"')}: warning [unknown_variable] node welcome at /nodes/1/data/body: the body uses {{ nickname }} (line 5, column 18), which no contact field or alias provides: it will render empty\n` +
        'warning.json: valid, 1 warning\n',
    );
  });

  it('exits 1 for an invalid file: one line per problem with file, line, column, id, pointer, code', async () => {
    const run = await nudge(['validate', 'broken.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `broken.json:${lineColumn(brokenText, '"bogus"')}: error [unknown_property] node welcome at /nodes/1/data/bogus: unknown property "bogus" (allowed: subject, body, format, mode, from, replyTo, cc, bcc, template)`,
        `broken.json:${lineColumn(brokenText, '{\n      "id": "opened-welcome"')}: warning [unconnected_handle] node opened-welcome at /nodes/2: the "met" handle of wait_for "opened-welcome" leads nowhere: enrollments that take it complete there`,
        `broken.json:${lineColumn(brokenText, '{\n      "id": "lonely"')}: error [unreachable] node lonely at /nodes/13: no path from the entry reaches exit "lonely"`,
        `broken.json:${lineColumn(brokenText, '"sourceHandle": "maybe"')}: error [unknown_handle] edge e3 at /edges/2/sourceHandle: wait_for "opened-welcome" has no handle "maybe" (it has met, timeout)`,
        'broken.json: invalid, 3 errors, 1 warning',
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('\x1b['); // no colour into a pipe
  });

  it('names the edge that closes a cycle, and no node', async () => {
    const cyclic = example('cold-mail');
    cyclic.edges.push({ id: 'e7', source: 'check-engagement', target: 'welcome' });
    const text = JSON.stringify(cyclic, null, 2);
    const dir = tempDir({ 'cycle.json': text });
    try {
      const run = await nudge(['validate', 'cycle.json'], { cwd: dir.dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        `cycle.json:${lineColumn(text, '{\n      "id": "e7"')}: error [cycle] edge e7 at /edges/6: this edge closes a cycle (welcome → wait-3d → guide → wait-6d → offer → check-engagement → welcome): a sequence can't loop back to an earlier step\n` +
          'cycle.json: invalid, 1 error\n',
      );
    } finally {
      dir.remove();
    }
  });

  it('exits 2 for a file that is not JSON, naming line and column', async () => {
    const run = await nudge(['validate', 'bad.json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      'bad.json:4:1: error [invalid_json]: expected a property name in double quotes but found "}" (remove the trailing comma?)\n' +
        'bad.json: not JSON\n',
    );
  });

  it('exits 2 for a missing file and for a directory', async () => {
    const run = await nudge(['validate', 'missing.json', 'sub']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      'missing.json: error [file_not_found]: no such file\nmissing.json: unreadable\n' +
        'sub: error [not_a_file]: a directory, not a file\nsub: unreadable\n',
    );
  });

  it('reports every file of a mix; 2 wins over 1, 1 over 0', async () => {
    const all = await nudge([
      'validate',
      'valid.json',
      'broken.json',
      'missing.json',
      'warning.json',
    ]);
    expect(all.code).toBe(2);
    const summaries = all.stdout.split('\n').filter((line) => /^[\w.]+: /.test(line));
    expect(summaries).toEqual([
      'valid.json: valid',
      'broken.json: invalid, 3 errors, 1 warning',
      'missing.json: error [file_not_found]: no such file',
      'missing.json: unreadable',
      'warning.json: valid, 1 warning',
    ]);
    const some = await nudge(['validate', 'valid.json', 'broken.json', 'warning.json']);
    expect(some.code).toBe(1);
  });

  it('--json prints one JSON array and nothing else', async () => {
    const run = await nudge([
      'validate',
      '--json',
      'valid.json',
      'broken.json',
      'bad.json',
      'missing.json',
    ]);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report).toHaveLength(4);
    expect(report[0]).toEqual({ file: 'valid.json', ok: true, errors: [], warnings: [] });
    expect(report[1]).toMatchObject({ file: 'broken.json', ok: false });
    expect(report[1].errors).toContainEqual({
      severity: 'error',
      code: 'unknown_handle',
      message: 'wait_for "opened-welcome" has no handle "maybe" (it has met, timeout)',
      params: {
        kind: 'other',
        nodeType: 'wait_for',
        nodeId: 'opened-welcome',
        handle: '"maybe"',
        handles: 'met, timeout',
      },
      pointer: '/edges/2/sourceHandle',
      edgeId: 'e3',
      line: Number(lineColumn(brokenText, '"sourceHandle": "maybe"').split(':')[0]),
      column: 7,
    });
    expect(report[2]).toEqual({
      file: 'bad.json',
      ok: false,
      error: {
        code: 'invalid_json',
        message:
          'expected a property name in double quotes but found "}" (remove the trailing comma?)',
        line: 4,
        column: 1,
      },
    });
    expect(report[3]).toEqual({
      file: 'missing.json',
      ok: false,
      error: { code: 'file_not_found', message: 'no such file' },
    });
  });

  it('resolves relative paths against INIT_CWD when pnpm moved it to the repository root', async () => {
    const run = await nudge(['validate', 'valid.json'], {
      cwd: repoRoot,
      env: { INIT_CWD: files.dir },
    });
    expect(run).toMatchObject({ code: 0, stdout: 'valid.json: valid\n' });
  });
});

describe.concurrent('nudge validate from stdin, pipes and devices', {
  timeout: CLI_TIMEOUT,
}, () => {
  it('reads stdin for `-`, named <stdin>', async () => {
    const valid = await nudge(['validate', '-'], { input: readExample('cold-mail') });
    expect(valid).toMatchObject({ code: 0, stdout: '<stdin>: valid\n', stderr: '' });
    const broken = await nudge(['validate', 'valid.json', '-'], { input: brokenText });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `<stdin>:${lineColumn(brokenText, '"sourceHandle": "maybe"')}: error [unknown_handle] edge e3 at /edges/2/sourceHandle:`,
    );
    expect(broken.stdout).toMatch(
      /^valid\.json: valid\n[\s\S]*<stdin>: invalid, 3 errors, 1 warning\n$/,
    );
    const json = await nudge(['validate', '--json', '-'], { input: '{' });
    expect(JSON.parse(json.stdout)).toMatchObject([
      { file: '<stdin>', ok: false, error: { code: 'invalid_json' } },
    ]);
  });

  it('refuses more than 16 MiB on stdin without reading it all', async () => {
    const run = await nudge(['validate', '-'], { input: ' '.repeat(16 * 1024 * 1024 + 1) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      '<stdin>: error [file_too_large]: the input is larger than 16 MiB, the most Nudge reads\n<stdin>: unreadable\n',
    );
  });

  it('takes `-` once: stdin can only be read once', async () => {
    const run = await nudge(['validate', '-', 'valid.json', '-'], { input: '{}' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^nudge: `-` \(stdin\) can be given only once\n/);
  });

  it('reads a pipe, `<(cat file)`, and /dev/stdin', async () => {
    const [node, argv] = nodeTs('cli/main.ts', ['validate']);
    const run = await runProcess(
      'bash',
      ['-c', '"$@" <(cat valid.json) /dev/stdin < broken.json', 'bash', node, ...argv],
      { cwd: files.dir },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\/dev\/fd\/\d+: valid\n/);
    expect(run.stdout).toContain('/dev/stdin: invalid, 3 errors, 1 warning\n');
  });

  it('reads a character device to its end, within the limit', async () => {
    const run = await nudge(['validate', '/dev/null', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      [
        '/dev/null:1:1: error [invalid_json]: the text is empty: it holds no JSON value',
        '/dev/null: not JSON',
        '/dev/zero: error [file_too_large]: the input is larger than 16 MiB, the most Nudge reads',
        '/dev/zero: unreadable',
        '',
      ].join('\n'),
    );
  });
});

describe.concurrent('nudge validate into a pipe that closes early', {
  timeout: CLI_TIMEOUT,
}, () => {
  /** Runs the CLI with its stdout closed before it writes a byte: `nudge … | true`. */
  const closedStdout = (args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const [node, argv] = nodeTs('cli/main.ts', args);
      const child = spawn(node, argv, { cwd: files.dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it('stops writing quietly and exits with the status of every file', async () => {
    const many = Array.from({ length: 50 }, () => 'valid.json');
    expect(await closedStdout(['validate', ...many])).toEqual({ code: 0, stderr: '' });
    expect(await closedStdout(['validate', ...many, 'broken.json'])).toEqual({
      code: 1,
      stderr: '',
    });
    expect(await closedStdout(['validate', '--json', 'valid.json', 'missing.json'])).toEqual({
      code: 2,
      stderr: '',
    });
  });

  it('says so and exits 2 when the output is lost another way (a full disk)', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const [node, argv] = nodeTs('cli/main.ts', ['validate', 'valid.json']);
      const child = spawn(node, argv, { cwd: files.dir, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(2);
      expect(stderr).toMatch(/^nudge: can't write the output: ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('`nudge validate <300 files> | head -1` prints one line and exits 0', async () => {
    // Long names, so that the output is far over a pipe's buffer (64 KiB) and head is gone
    // well before the last line.
    const long = `${'d'.repeat(200)}/`.repeat(4);
    const name = `${long}valid.json`;
    const deep = tempDir({ [name]: readExample('cold-mail') });
    try {
      const [node, argv] = nodeTs('cli/main.ts', ['validate', ...Array(300).fill(name)]);
      const script = `"$@" | head -1; echo "nudge exited \${PIPESTATUS[0]}" >&2`;
      const run = await runProcess('bash', ['-c', script, 'bash', node, ...argv], {
        cwd: deep.dir,
      });
      expect(run.stdout).toBe(`${name}: valid\n`);
      expect(run.stderr).toBe('nudge exited 0\n');
    } finally {
      deep.remove();
    }
  });
});

describe.concurrent('nudge usage', { timeout: CLI_TIMEOUT }, () => {
  it('prints the usage on stderr and exits 2 with no command', async () => {
    const run = await nudge([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: pnpm nudge <command>');
    expect(run.stderr).toContain('validate [--json] [--lang en|ko] FILE...');
    expect(run.stderr).toContain('simulate FILE --contact CONTACT.json');
    expect(run.stderr).toContain('diff [--json] A.json B.json');
    expect(run.stderr).toContain('export ID [-o FILE] [--url URL]');
    expect(run.stderr).toContain('import FILE... [--replace | --new-id] [--publish] [--url URL]');
  });

  it('exits 2 for an unknown command, with the usage on stderr', async () => {
    const run = await nudge(['frobnicate', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nudge: no command "frobnicate"\n\nUsage: pnpm nudge/);
  });
});
