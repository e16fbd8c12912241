/**
 * What every bench prints and writes: a Markdown table (pasted into issues and notes as it is)
 * and bench/out/<name>.json for comparing runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A Markdown table; columns after the first are right-aligned (they hold numbers). */
export function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>) {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  console.log(line(header));
  console.log(line(header.map((_, i) => (i === 0 ? '---' : '---:'))));
  for (const row of rows) console.log(line(row));
}

/** Writes bench/out/<name>.json with the time and the Node version; returns its path. */
export function writeResults(name: string, results: Record<string, unknown>): string {
  const path = `bench/out/${name}.json`;
  mkdirSync(`${root}bench/out`, { recursive: true });
  const data = { when: new Date().toISOString(), node: process.version, ...results };
  writeFileSync(`${root}${path}`, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

/** 12,345 */
export const whole = (n: number) => Math.round(n).toLocaleString('en-US');
