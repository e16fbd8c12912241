import { TextDecoder } from 'node:util';

/**
 * Bytes in a MIME charset as text. TextDecoder knows the WHATWG labels, Korean ones included
 * (`euc-kr`, `ks_c_5601-1987`); an unknown label falls back to UTF-8 rather than failing the
 * whole message over one part.
 */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  return decoderFor(charset).decode(bytes);
}

function decoderFor(charset: string | undefined): TextDecoder {
  // RFC 2231 lets a charset carry a language: `utf-8*ko`.
  const label = (charset ?? '').split('*')[0]?.trim().toLowerCase() || 'utf-8';
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}
