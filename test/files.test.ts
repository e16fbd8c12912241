import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { api } from './support/api.ts';
import { builderPage } from './support/page.ts';
import { welcomeSequence } from './support/welcome-sequence.ts';

/*
 * Sequences as files, the way a team keeps them in git, through the real `pnpm start` and the
 * real `pnpm nudge`: what the editor's Export writes is what `nudge export` writes; importing it
 * and exporting again gives the same bytes; an edit in the editor shows in `nudge diff`, which
 * exits 1, step by step.
 */
const builder = builderPage();
const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'nudge-files-'));

/** `pnpm nudge ARGS` against the started server, as a person runs it from the repository. */
function nudge(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'pnpm',
      ['--silent', 'nudge', ...args],
      {
        cwd: root,
        env: { ...process.env, NUDGE_URL: inject('baseUrl'), NUDGE_TOKEN: inject('apiToken') },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

it('exports, imports and exports again byte for byte, and diffs two versions step by step', async () => {
  const { page } = builder;
  const id = `files-${Date.now()}`;
  await api('POST', '/sequences', welcomeSequence(id));

  // The editor's Export of the sequence opened from the server.
  await page.getByRole('button', { name: 'Open from server' }).click();
  await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
  await builder.node('welcome').waitFor();
  const first = await builder.exported();
  expect(first.name).toBe(`${id}.json`);
  expect(first.text.endsWith('}\n')).toBe(true);
  expect(first.text.split('\n')[1]).toBe('  "format": "nudge.sequence/v1",');
  const a = join(folder, 'a.json');
  writeFileSync(a, first.text);

  // The CLI writes the same bytes as the editor.
  const exported = await nudge(['export', id, '-o', join(folder, 'b.json')]);
  expect(exported).toMatchObject({ code: 0 });
  expect(readFileSync(join(folder, 'b.json'), 'utf8')).toBe(first.text);

  // Import (replacing the draft) and export again: the same bytes.
  const imported = await nudge(['import', a, '--replace']);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toContain(`as ${id} (replaced)`);
  const again = await nudge(['export', id]);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(first.text);

  // An edit in the editor, exported: nudge diff names it, and exits 1.
  await builder.node('welcome').click();
  await builder.typeInto('Subject', ' 😀');
  const second = await builder.exported();
  const c = join(folder, 'c.json');
  writeFileSync(c, second.text);
  const same = await nudge(['diff', a, join(folder, 'b.json')]);
  expect(same.code).toBe(0);
  const diff = await nudge(['diff', a, c]);
  expect(diff.code).toBe(1);
  expect(diff.stdout).toContain('welcome');
  expect(diff.stdout).toContain('subject');
  expect(diff.stdout).toContain('😀');
  // Five runs of the CLI, each starting Node and tsx: slow on a loaded machine.
}, 240_000);
