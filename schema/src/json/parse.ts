import { positionAt, type TextPosition } from './position.ts';
import { scanJson } from './scan.ts';

/** Why a text is not JSON, and where. */
export interface JsonSyntaxError extends TextPosition {
  /** In English, for the CLI and the API; the editor words it from `found`. */
  message: string;
  /** The character where the JSON breaks; null when the text ends too soon. */
  found: string | null;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/**
 * Parses JSON with `JSON.parse` (fast, native) and, only when that fails, scans the text
 * again to say where and why in words a person can act on.
 */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const scanned = scanJson(text);
    // The scanner and JSON.parse agree on what JSON is; should they ever not, keep V8's words.
    const { offset, message } = scanned.ok
      ? { offset: 0, message: error instanceof Error ? error.message : String(error) }
      : scanned;
    const found =
      offset < text.length ? String.fromCodePoint(text.codePointAt(offset) as number) : null;
    return { ok: false, error: { ...positionAt(text, offset), message, found } };
  }
}

/**
 * The offset of the first `{` or `[` that opens more than `maxDepth` containers, or -1.
 * A cheap pass before `JSON.parse`, which takes seconds on megabytes of `[[[[…`: such a text
 * is refused at once, however it goes on.
 */
export function depthExceededAt(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > maxDepth) return i;
    } else if (code === 125 || code === 93) depth--;
  }
  return -1;
}
