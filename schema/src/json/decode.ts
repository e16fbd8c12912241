/**
 * The text of a JSON file or request body. JSON is UTF-8 (RFC 8259); a UTF-8 byte order mark
 * is dropped, and a UTF-16 file with its byte order mark (what Windows PowerShell's `>` writes)
 * is read too, since people will save sequences that way.
 */
export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2));
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decode('utf-8', bytes.subarray(3));
  return decode('utf-8', bytes);
}

function decode(encoding: string, bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const name = encoding.toUpperCase().replace('LE', ' LE').replace('BE', ' BE');
    return { ok: false, message: `the text is not valid ${name}: save the file as UTF-8` };
  }
}
