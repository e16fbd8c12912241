import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from './io.ts';
import { UsageError } from './io.ts';
import { validateCommand } from './validate.ts';

/** `nudge validate --lang`, run in process on a file with one broken edge. */
const dir = mkdtempSync(join(tmpdir(), 'nudge-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'ghost.json'),
  JSON.stringify({
    format: 'nudge.sequence/v1',
    name: 'Ghost',
    nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }],
    edges: [{ id: 'e1', source: 'start', target: 'ghost' }],
  }),
);

async function validate(...args: string[]) {
  let out = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: () => {},
    stdin: async function* () {},
    env: {},
    cwd: dir,
    color: false,
  };
  const code = await validateCommand.run(args, io);
  return { code, out };
}

describe('nudge validate --lang', () => {
  it('prints the messages in English by default and in Korean with --lang ko', async () => {
    const english = await validate('ghost.json');
    expect(english.code).toBe(1);
    expect(english.out).toContain(
      ': error [unknown_target] edge e1 at /edges/0/target: the target "ghost" is not a node of this sequence\n',
    );
    const korean = await validate('--lang', 'ko', 'ghost.json');
    expect(korean.code).toBe(1);
    expect(korean.out).toContain(
      ': error [unknown_target] edge e1 at /edges/0/target: 연결선이 가리키는 "ghost" 단계가 이 시퀀스에 없습니다.\n',
    );
  });

  it('keeps English messages, with their params, in --json', async () => {
    const { out } = await validate('--json', '--lang', 'ko', 'ghost.json');
    const [report] = JSON.parse(out);
    expect(report.errors[0]).toMatchObject({
      message: 'the target "ghost" is not a node of this sequence',
      params: { target: 'ghost' },
    });
  });

  it('refuses a language it does not speak', async () => {
    await expect(validate('--lang', 'fr', 'ghost.json')).rejects.toThrow(UsageError);
  });
});
