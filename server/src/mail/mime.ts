import { decodeCharset } from './charset.ts';
import { decodeEncodedWords } from './encoded-words.ts';

/**
 * Reading a captured message (RFC 5322 with MIME, as nodemailer writes it) for the outbox: its
 * headers, decoded for people, and its text and HTML bodies. Only what the outbox shows; not a
 * general mail parser (attachments and nested messages are skipped, not listed).
 */

export interface MailHeader {
  name: string;
  /** Unfolded, with RFC 2047 encoded-words decoded. */
  value: string;
}

export interface MailBodies {
  text: string | null;
  html: string | null;
}

/** The header block: everything before the first empty line (or the whole input). */
export function readHeaders(raw: Uint8Array): MailHeader[] {
  return rawHeaders(splitHead(Buffer.from(raw)).head).map(({ name, value }) => ({
    name,
    value: decodeEncodedWords(value),
  }));
}

/** The first value of a header, case-insensitively. */
export function headerValue(headers: readonly MailHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** The first text/plain and text/html parts that are not attachments, decoded to text. */
export function readBodies(raw: Uint8Array): MailBodies {
  const found: MailBodies = { text: null, html: null };
  walk(Buffer.from(raw), found, 0);
  return found;
}

// Deeper than any real message nests; a crafted one must not exhaust the stack.
const MAX_DEPTH = 20;

function walk(entity: Buffer, found: MailBodies, depth: number): void {
  if (depth > MAX_DEPTH || (found.text !== null && found.html !== null)) return;
  const { head, body } = splitHead(entity);
  const headers = rawHeaders(head);
  const type = parseParams(headerValue(headers, 'content-type') ?? 'text/plain');
  const disposition = parseParams(headerValue(headers, 'content-disposition') ?? 'inline');
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.boundary;
    if (boundary) for (const part of multipartParts(body, boundary)) walk(part, found, depth + 1);
    return;
  }
  if (disposition.value === 'attachment') return;
  const key = type.value === 'text/plain' ? 'text' : type.value === 'text/html' ? 'html' : null;
  if (!key || found[key] !== null) return;
  const bytes = transferDecode(body, headerValue(headers, 'content-transfer-encoding'));
  const text = decodeCharset(bytes, type.params.charset).replace(/\r\n/g, '\n');
  // A message ends with a line break that is the message's, not its single part's.
  found[key] = depth === 0 ? text.replace(/\n$/, '') : text;
}

/** Splits at the first empty line; the empty line itself belongs to neither. */
function splitHead(entity: Buffer): { head: string; body: Buffer } {
  // A part may have no headers at all: it starts with the empty line.
  const bare = entity[0] === 0x0a ? 1 : entity[0] === 0x0d && entity[1] === 0x0a ? 2 : 0;
  if (bare > 0) return { head: '', body: entity.subarray(bare) };
  const crlf = entity.indexOf('\r\n\r\n');
  const lf = entity.indexOf('\n\n');
  const [at, length] =
    crlf >= 0 && (lf < 0 || crlf <= lf) ? [crlf, 4] : lf >= 0 ? [lf, 2] : [entity.length, 0];
  // Headers are ASCII, or UTF-8 (RFC 6532).
  return { head: entity.subarray(0, at).toString('utf8'), body: entity.subarray(at + length) };
}

/** Unfolded headers, values as written (encoded-words and all). */
function rawHeaders(head: string): MailHeader[] {
  const headers: MailHeader[] = [];
  for (const line of head.split(/\r?\n/)) {
    const previous = headers.at(-1);
    if (/^[ \t]/.test(line) && previous) {
      previous.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1) });
  }
  for (const header of headers) header.value = header.value.trim();
  return headers;
}

/** `type/subtype; name=value; name="quoted value"` → the lower-cased value and the params. */
function parseParams(value: string): { value: string; params: Record<string, string> } {
  const semicolon = value.indexOf(';');
  const main = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  const params: Record<string, string> = {};
  if (semicolon >= 0)
    for (const [, name = '', raw = ''] of value
      .slice(semicolon)
      .matchAll(/;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g))
      params[name.toLowerCase()] = raw.startsWith('"')
        ? raw.slice(1, -1).replace(/\\(.)/g, '$1')
        : raw.trim();
  return { value: main, params };
}

/**
 * The body parts of a multipart body (RFC 2046 section 5.1.1): what lies between the
 * `--boundary` lines, until `--boundary--`. The preamble and epilogue are dropped. Bytes are
 * kept as they are (latin1 maps them one to one); line ends become CRLF.
 */
function multipartParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let current: string[] | null = null;
  for (const line of body.toString('latin1').split(/\r?\n/)) {
    if (line.startsWith(delimiter)) {
      const rest = line.slice(delimiter.length);
      const closing = rest.startsWith('--');
      if (closing || rest.trim() === '') {
        if (current) parts.push(Buffer.from(current.join('\r\n'), 'latin1'));
        if (closing) return parts;
        current = [];
        continue;
      }
    }
    current?.push(line);
  }
  // No closing delimiter (a truncated message): keep what came.
  if (current) parts.push(Buffer.from(current.join('\r\n'), 'latin1'));
  return parts;
}

function transferDecode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.trim().toLowerCase()) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
    case 'quoted-printable':
      return fromQuotedPrintable(body.toString('latin1'));
    default:
      // 7bit, 8bit, binary: the bytes are the content.
      return body;
  }
}

/** RFC 2045 section 6.7: `=XX` is a byte, `=` at a line's end a soft line break. */
function fromQuotedPrintable(text: string): Buffer {
  const latin1 = text
    // Trailing whitespace was added in transport, if any: it is not content.
    .replace(/[ \t]+(?=\r?\n|$)/g, '')
    .replace(/=(?:\r?\n|$)|=([0-9A-Fa-f]{2})/g, (_, hex?: string) =>
      hex ? String.fromCharCode(Number.parseInt(hex, 16)) : '',
    );
  return Buffer.from(latin1, 'latin1');
}
