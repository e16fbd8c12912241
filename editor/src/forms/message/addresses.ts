/**
 * Email addresses as people type them in one text field: a list separated by commas (or
 * semicolons, spaces, new lines, as pasted from a mail client), and a sender as
 * `Name <address>` or a bare address. Whatever is typed is kept, even a wrong address: the
 * validator points at it, by its place in the list.
 */

export function parseAddresses(text: string): string[] {
  return text.split(/[\s,;]+/).filter((address) => address !== '');
}

export function formatAddresses(addresses: readonly string[]): string {
  return addresses.join(', ');
}

export interface Sender {
  name?: string;
  email: string;
}

/** `Name <address>`, `"Name" <address>` or `address`; an empty text is no sender. */
export function parseSender(text: string): Sender | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(trimmed);
  if (!named) return { email: trimmed };
  const name = (named[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  const email = (named[2] ?? '').trim();
  return name === '' ? { email } : { name, email };
}

export function formatSender(sender: Sender | undefined): string {
  if (!sender) return '';
  return sender.name ? `${sender.name} <${sender.email}>` : sender.email;
}
