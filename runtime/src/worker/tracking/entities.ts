/**
 * Character references in attribute values, both ways. Decoding covers numeric references and
 * the named ones that occur in URLs (the full HTML table has 2,000+ names and lives in a package
 * runtime doesn't depend on); an unknown name is left as written, which is what a URL with
 * `&foo=1` in it needs anyway.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  sol: '/',
  colon: ':',
  equals: '=',
  quest: '?',
  num: '#',
  percnt: '%',
  period: '.',
  comma: ',',
  lpar: '(',
  rpar: ')',
  plus: '+',
  excl: '!',
  dollar: '$',
  lowbar: '_',
  commat: '@',
  tilde: '~',
  semi: ';',
};
/** Legacy names a browser also decodes without the semicolon (when no letter, digit or = follows). */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot']);

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

export function decodeAttribute(value: string): string {
  return value.replace(REFERENCE, (match, hex, dec, name, semi, offset: number, all: string) => {
    if (hex !== undefined || dec !== undefined) {
      return codePoint(Number.parseInt(hex ?? dec, hex !== undefined ? 16 : 10));
    }
    const char = NAMED[name];
    if (char === undefined) return match;
    if (semi === ';') return char;
    const next = all[offset + match.length] ?? '';
    return LEGACY.has(name) && !/[A-Za-z0-9=]/.test(next) ? char : match;
  });
}

export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** As a browser reads `&#n;`: NUL, surrogates and values beyond Unicode become U+FFFD. */
function codePoint(n: number): string {
  if (!Number.isFinite(n) || n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) {
    return '\ufffd';
  }
  return String.fromCodePoint(n);
}
