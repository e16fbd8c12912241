/**
 * A subject as a one-line header: control characters and line separators (from the template
 * or from contact data) become spaces, so a name like "a\r\nBcc: x@y" can't add a header.
 */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}
