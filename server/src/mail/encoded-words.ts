import { decodeCharset } from './charset.ts';

/**
 * RFC 2047 encoded-words in a header value, as mailers write non-ASCII subjects and names:
 * `=?UTF-8?B?6rmA66+87KSA?=` (base64) or `=?UTF-8?Q?Re=3A_?=` (Q). Whitespace between two
 * adjacent words is dropped (RFC 2047 section 6.2), and their bytes are joined before decoding:
 * mailers split long subjects into several words, some in the middle of a character.
 */
export function decodeEncodedWords(value: string): string {
  let out = '';
  // The run of adjacent words being joined: their charset and bytes.
  let charset: string | null = null;
  let chunks: Buffer[] = [];
  const flush = () => {
    if (charset !== null) out += decodeCharset(Buffer.concat(chunks), charset);
    charset = null;
    chunks = [];
  };
  let last = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [word, wordCharset = '', encoding = '', text = ''] = match;
    const between = value.slice(last, match.index);
    const adjacent = charset !== null && between.trim() === '';
    last = match.index + word.length;
    const key = wordCharset.toLowerCase();
    if (!adjacent || key !== charset) flush();
    if (!adjacent) out += between;
    charset = key;
    chunks.push(encoding.toUpperCase() === 'B' ? fromBase64(text) : fromQ(text));
  }
  flush();
  return out + value.slice(last);
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function fromBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/** The Q encoding: `_` is a space, `=XX` a byte, anything else itself. */
function fromQ(text: string): Buffer {
  const latin1 = text
    .replace(/_/g, ' ')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  return Buffer.from(latin1, 'latin1');
}
