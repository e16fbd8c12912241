import { FORMAT_V1 } from './format.ts';
import type { Problem } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';

/**
 * Format migrations: each turns a file of one format version into the next, until it is v1
 * (today the only version, so the list is empty). A new version adds its step here, and
 * every reader of files (CLI, API, editor) goes through `migrate` first.
 */
interface Migration {
  from: string;
  to: string;
  up(input: Record<string, unknown>): Record<string, unknown>;
}

const MIGRATIONS: Migration[] = [];

export type MigrationResult =
  | { ok: true; value: Record<string, unknown>; from: string }
  | { ok: false; problem: Problem };

export function migrate(input: Record<string, unknown>): MigrationResult {
  const from = input.format;
  let value = input;
  for (let steps = 0; steps <= MIGRATIONS.length; steps++) {
    const format = value.format;
    if (format === FORMAT_V1) return { ok: true, value, from: String(from) };
    const step = MIGRATIONS.find((m) => m.from === format);
    if (!step) break;
    value = step.up(value);
  }
  return { ok: false, problem: unsupported(from) };
}

function unsupported(found: unknown): Problem {
  const problem = (params: Record<string, string>): Problem => ({
    severity: 'error',
    ...problemWith('unsupported_format', { ...params, supported: FORMAT_V1 }),
    pointer: found === undefined ? '' : '/format',
  });
  if (found === undefined) return problem({ kind: 'missing' });
  const version =
    typeof found === 'string' ? /^nudge\.sequence\/v(\d+)$/.exec(found)?.[1] : undefined;
  const newer = version !== undefined && Number(version) > 1;
  return problem({ kind: newer ? 'newer' : 'other', found: String(JSON.stringify(found)) });
}
