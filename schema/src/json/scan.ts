import { escapePointerToken } from '../problem.ts';
import { positionAt } from './position.ts';

/**
 * A JSON reader that builds nothing: it walks a text, says where and why it stops being
 * JSON (in words a person can act on, which `JSON.parse` on Node 20 does not: half of its
 * messages carry no position), and can report where each value starts, by JSON pointer.
 * Iterative, so any nesting is safe.
 */

export type ScanResult = { ok: true } | { ok: false; offset: number; message: string };

/**
 * Called for every value: its pointer, the offset of its property name when it is one, and
 * the offset of the value itself. Return false to stop the scan (it then reports ok).
 */
export type ScanVisitor = (
  pointer: string,
  keyOffset: number | undefined,
  offset: number,
) => boolean;

interface Frame {
  kind: 'object' | 'array';
  open: number;
  pointer: string;
  index: number;
}

type State = 'value' | 'first-element' | 'first-key' | 'key' | 'colon' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_LIKE = /[-+0-9.eE]+/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const LITERALS = ['true', 'false', 'null'];

export function scanJson(text: string, visit?: ScanVisitor): ScanResult {
  const n = text.length;
  const stack: Frame[] = [];
  let state: State = 'value';
  let pointer = '';
  let keyOffset: number | undefined;
  let afterComma = false;
  let i = 0;
  const fail = (offset: number, message: string): ScanResult => ({ ok: false, offset, message });

  for (;;) {
    i = skipWhitespace(text, i);
    const top = stack[stack.length - 1];
    const c = text[i];
    if (c === undefined && state !== 'after-value') return fail(n, endMessage(text, stack, state));
    switch (state) {
      case 'value': {
        if (visit && !visit(pointer, keyOffset, i)) return { ok: true };
        if (c === '{' || c === '[') {
          stack.push({ kind: c === '{' ? 'object' : 'array', open: i, pointer, index: 0 });
          state = c === '{' ? 'first-key' : 'first-element';
          i++;
          continue;
        }
        const end = c === '"' ? scanString(text, i) : scanScalar(text, i);
        if (typeof end !== 'number') {
          const hint =
            afterComma && (c === ']' || c === '}') ? ' (remove the trailing comma?)' : '';
          return fail(end.offset, `${end.message}${hint}`);
        }
        i = end;
        state = 'after-value';
        continue;
      }
      case 'first-element':
        if (c === ']') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        pointer = `${top?.pointer}/0`;
        keyOffset = undefined;
        afterComma = false;
        state = 'value';
        continue;
      case 'first-key':
      case 'key': {
        if (c === '}' && state === 'first-key') {
          stack.pop();
          i++;
          state = 'after-value';
          continue;
        }
        if (c !== '"') {
          const hint = c === '}' ? ' (remove the trailing comma?)' : c === "'" ? SINGLE_QUOTES : '';
          return fail(
            i,
            `expected a property name in double quotes but found ${describe(c)}${hint}`,
          );
        }
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        if (visit)
          pointer = `${top?.pointer}/${escapePointerToken(JSON.parse(text.slice(i, end)))}`;
        keyOffset = i;
        i = end;
        state = 'colon';
        continue;
      }
      case 'colon':
        if (c !== ':')
          return fail(i, `expected ":" after the property name but found ${describe(c)}`);
        i++;
        afterComma = false;
        state = 'value';
        continue;
      case 'after-value': {
        if (top === undefined) {
          if (c === undefined) return { ok: true };
          return fail(i, `unexpected ${describe(c)} after the end of the JSON value`);
        }
        if (c === undefined) return fail(n, endMessage(text, stack, state));
        const close = top.kind === 'object' ? '}' : ']';
        if (c === close) {
          stack.pop();
          i++;
          continue;
        }
        if (c !== ',') {
          const after = top.kind === 'object' ? 'a property value' : 'an array element';
          return fail(i, `expected "," or "${close}" after ${after} but found ${describe(c)}`);
        }
        i++;
        afterComma = true;
        if (top.kind === 'object') state = 'key';
        else {
          top.index++;
          if (visit) pointer = `${top.pointer}/${top.index}`;
          keyOffset = undefined;
          state = 'value';
        }
        continue;
      }
    }
  }
}

const SINGLE_QUOTES = ' (JSON needs double quotes)';

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 13 || code === 9) i++;
    else return i;
  }
}

type Failure = { offset: number; message: string };

/** Scans a string starting at its opening quote; returns the offset after its closing quote. */
function scanString(text: string, start: number): number | Failure {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code === 92) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: 'invalid \\u escape: it needs four hex digits' };
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else if (e === undefined) break;
      else return { offset: i, message: `invalid escape ${describe(`\\${e}`)} in a string` };
    } else if (code < 0x20) {
      const what =
        code === 10 || code === 13 ? 'a line break' : `the control character ${hex(code)}`;
      return { offset: i, message: `${what} inside a string (write it as an escape, e.g. \\n)` };
    }
  }
  const { line, column } = positionAt(text, start);
  return {
    offset: text.length,
    message: `the string that starts at line ${line}, column ${column} is not closed`,
  };
}

/** Scans a number or a literal; returns the offset after it. */
function scanScalar(text: string, i: number): number | Failure {
  const c = text[i] as string;
  if (c === '-' || (c >= '0' && c <= '9')) {
    NUMBER_LIKE.lastIndex = i;
    const run = NUMBER_LIKE.exec(text)?.[0] ?? c;
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text)?.[0];
    if (number === run) return i + run.length;
    return { offset: i, message: `${describe(run)} is not a JSON number` };
  }
  WORD.lastIndex = i;
  const word = WORD.exec(text)?.[0];
  if (word !== undefined) {
    if (LITERALS.includes(word)) return i + word.length;
    const hint = /^(true|false|null)$/i.test(word)
      ? ` (write ${word.toLowerCase()} in lower case)`
      : ' (text needs double quotes)';
    return { offset: i, message: `expected a value but found ${describe(word)}${hint}` };
  }
  if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
    return { offset: i, message: 'JSON does not allow comments' };
  const hint = c === "'" ? SINGLE_QUOTES : '';
  return { offset: i, message: `expected a value but found ${describe(c)}${hint}` };
}

function endMessage(text: string, stack: Frame[], state: State): string {
  const open = stack[stack.length - 1];
  if (open === undefined)
    return text.trim() === '' ? 'the text is empty: it holds no JSON value' : 'unexpected end';
  const { line, column } = positionAt(text, open.open);
  const where = state === 'value' || state === 'colon' ? 'a value is missing and ' : '';
  return `the text ends too early: ${where}the ${open.kind} opened at line ${line}, column ${column} is not closed`;
}

function describe(found: string | undefined): string {
  if (found === undefined) return 'the end';
  const shown = found.length > 24 ? `${found.slice(0, 24)}…` : found;
  const code = shown.codePointAt(0) ?? 0;
  if (shown.length <= 2 && (code < 0x20 || code === 0xfeff || code === 0x7f)) return hex(code);
  return JSON.stringify(shown);
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
