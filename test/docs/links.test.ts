/**
 * Every relative link in README.md and docs/*.md points to a file or folder of the repository,
 * as a clone has it (not outside it, not a path git ignores), and a `#fragment` into a
 * Markdown file names one of its headings as GitHub anchors them. A link to `../shared/...`
 * worked in the workspace the repository was written in and nowhere else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text a reader sees as prose: fenced code blocks and inline code taken out. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The targets of inline links and images, `[text](target "title")`, and of definitions. */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*(?:<([^>\n]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)];
  const defined = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(?:<([^>\n]+)>|(\S+))/gm)];
  return [...inline, ...defined].map((match) => (match[1] ?? match[2]) as string);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** The anchors GitHub gives a Markdown file's headings (`## The \`nudge\` command` → the-nudge-command). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (heading as string)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return result;
}

/** Whether git ignores the path (so a clone lacks it); false where git can't say. */
function ignoredByGit(path: string): boolean {
  const result = spawnSync('git', ['check-ignore', '-q', path], { cwd: root });
  return result.status === 0;
}

/** What is wrong with one link of `document`, or undefined when it leads somewhere. */
function brokenLink(document: string, target: string): string | undefined {
  const [pathPart = '', fragment] = target.split('#', 2);
  const path = decodeURIComponent(pathPart.split('?')[0] as string);
  const file = path === '' ? join(root, document) : resolve(dirname(join(root, document)), path);
  const inRepo = relative(root, file);
  if (inRepo.startsWith(`..${sep}`) || inRepo === '..') return 'is outside the repository';
  if (!existsSync(file)) return 'leads to nothing';
  if (ignoredByGit(file)) return 'leads to a path git ignores, which a clone lacks';
  if (fragment !== undefined && fragment !== '' && file.endsWith('.md') && statSync(file).isFile())
    if (!anchors(readFileSync(file, 'utf8')).has(fragment))
      return `names no heading of ${relative(root, file)}`;
  return undefined;
}

describe('links in the documents', () => {
  it('finds the documents, and links in them', () => {
    expect(documents).toContain('docs/format.md');
    for (const document of documents)
      expect(linkTargets(readFileSync(join(root, document), 'utf8')).length).toBeGreaterThan(0);
  });

  it.each(documents)('every relative link in %s leads to a file of the repository', (document) => {
    const targets = linkTargets(readFileSync(join(root, document), 'utf8'));
    const broken = targets
      .filter((target) => !isExternal(target))
      .flatMap((target) => {
        const problem = brokenLink(document, target);
        return problem ? [`${target} ${problem}`] : [];
      });
    expect(broken).toEqual([]);
  });

  it.each(documents)('no path in %s climbs out of the repository, linked or not', (document) => {
    const markdown = readFileSync(join(root, document), 'utf8');
    const paths = [...markdown.matchAll(/`(\.\.\/[^`\s]+)`/g)].map((match) => match[1] as string);
    const outside = paths.filter((path) =>
      relative(root, resolve(dirname(join(root, document)), path)).startsWith('..'),
    );
    expect(outside).toEqual([]);
  });

  it('reads links as Markdown does', () => {
    const markdown = [
      'See [`a`](a.md#x "title"), ![img](<b c.png>) and [ref].',
      '',
      '[ref]: ./d/e.md',
      '',
      '```sh',
      'cat [not](a/link)',
      '```',
      'and `[not](either)`, <https://x.example>, [web](https://y.example).',
    ].join('\n');
    expect(linkTargets(markdown)).toEqual(['a.md#x', 'b c.png', 'https://y.example', './d/e.md']);
    expect(
      anchors('# The `nudge` command\n## Settings (environment)\n## Settings (environment)'),
    ).toEqual(new Set(['the-nudge-command', 'settings-environment', 'settings-environment-1']));
  });
});
