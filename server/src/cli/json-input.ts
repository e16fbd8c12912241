import { decodeText, depthExceededAt, LIMITS, parseJson, positionAt } from '@nudge/schema';
import type { CliIo } from './io.ts';
import { clean } from './report.ts';
import { inputName, readInput } from './validate.ts';

/**
 * A JSON file that a command reads besides a sequence (the contact and the events of
 * `nudge simulate`): read like a sequence file (`-` is stdin; UTF-8 or UTF-16 with a byte
 * order mark; at most 16 MiB), then parsed. A failure is one line naming the file, with the
 * line and column of a JSON syntax error.
 */
export type JsonInput = { ok: true; value: unknown } | { ok: false; line: string };

export async function readJsonInput(
  path: string,
  io: Pick<CliIo, 'cwd' | 'stdin'>,
): Promise<JsonInput> {
  const file = clean(inputName(path));
  const fail = (where: string, message: string): JsonInput => ({
    ok: false,
    line: `${file}${where}: ${clean(message)}`,
  });
  const read = await readInput(path, io);
  if (!read.ok) return fail('', read.message);
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return fail('', decoded.message);
  const { text } = decoded;
  const deepAt = depthExceededAt(text, LIMITS.jsonDepth);
  if (deepAt >= 0) {
    const { line, column } = positionAt(text, deepAt);
    return fail(`:${line}:${column}`, `nests deeper than ${LIMITS.jsonDepth} levels`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok)
    return fail(
      `:${parsed.error.line}:${parsed.error.column}`,
      `not JSON: ${parsed.error.message}`,
    );
  return { ok: true, value: parsed.value };
}
