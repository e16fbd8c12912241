import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * A DKIM verifier (RFC 6376 §6) written from the RFC, not from nodemailer, so a test can check
 * what nodemailer signs without trusting nodemailer's own canonicalisation. Covers what Nudge
 * sends: one rsa-sha256 signature, relaxed/relaxed, no l=. (mailauth, the usual verifier,
 * needs Node 22.)
 */

/** The TXT record at a DNS name, as a test's stand-in for DNS. */
export type TxtResolver = (name: string) => string | undefined;

export interface DkimVerification {
  result: 'pass' | 'fail';
  /** Why it failed. */
  reason?: string;
  domain?: string;
  selector?: string;
  /** h=, lower-cased. */
  signedHeaders: string[];
}

/** The DNS TXT record publishing a public key: `v=DKIM1; k=rsa; p=<base64 SPKI DER>`. */
export function dkimTxtRecord(publicKey: KeyObject): string {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

/** Verifies the first DKIM-Signature of a raw message (CRLF line ends). */
export function verifyDkim(raw: Buffer, resolve: TxtResolver): DkimVerification {
  // latin1 keeps one character per byte: canonicalisation works on the bytes as sent.
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const headerBlock = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 4);
  // A field runs until a CRLF not followed by WSP (folding).
  const fields = headerBlock.split(/\r\n(?![ \t])/).map((field) => {
    const colon = field.indexOf(':');
    return { name: field.slice(0, colon).trim().toLowerCase(), field };
  });
  const signatureField = fields.find((f) => f.name === 'dkim-signature');
  if (!signatureField) return { result: 'fail', reason: 'no DKIM-Signature', signedHeaders: [] };
  const tags = tagList(signatureField.field.slice(signatureField.field.indexOf(':') + 1));
  if (!tags) return { result: 'fail', reason: 'malformed tag list', signedHeaders: [] };
  const signedHeaders = (tags.get('h') ?? '')
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const fail = (reason: string): DkimVerification => ({
    result: 'fail',
    reason,
    ...(tags.has('d') ? { domain: tags.get('d') } : {}),
    ...(tags.has('s') ? { selector: tags.get('s') } : {}),
    signedHeaders,
  });

  if (tags.get('v') !== '1') return fail('v= is not 1');
  if (tags.get('a') !== 'rsa-sha256') return fail(`unsupported a=${tags.get('a')}`);
  if (tags.get('c') !== 'relaxed/relaxed') return fail(`unsupported c=${tags.get('c')}`);
  if (tags.has('l')) return fail('l= is not supported');
  const domain = tags.get('d');
  const selector = tags.get('s');
  const bodyHash = tags.get('bh')?.replace(/[ \t\r\n]/g, '');
  const signature = tags.get('b')?.replace(/[ \t\r\n]/g, '');
  if (!domain || !selector || !bodyHash || !signature) return fail('a required tag is missing');
  // RFC 6376 §5.4: From must be signed.
  if (!signedHeaders.includes('from')) return fail('h= lacks From');

  const computedBodyHash = createHash('sha256')
    .update(relaxedBody(body), 'latin1')
    .digest('base64');
  if (computedBodyHash !== bodyHash) return fail('body hash mismatch');

  // §5.4.2: each name in h= takes the next instance of that field from the bottom up; names
  // with no instance left add nothing.
  const used = new Set<number>();
  let signed = '';
  for (const name of signedHeaders) {
    let index = -1;
    for (let i = fields.length - 1; i >= 0; i--) {
      if (fields[i]?.name === name && !used.has(i)) {
        index = i;
        break;
      }
    }
    const field = fields[index];
    if (!field) continue;
    used.add(index);
    signed += `${relaxedHeader(field.field)}\r\n`;
  }
  // §3.7: the signature's own field, b= emptied, last and without the CRLF.
  const colon = signatureField.field.indexOf(':');
  const emptied = signatureField.field
    .slice(colon + 1)
    .replace(/((?:^|;)[ \t\r\n]*b[ \t\r\n]*=)[^;]*/, '$1');
  signed += relaxedHeader(`${signatureField.field.slice(0, colon)}:${emptied}`);

  const record = resolve(`${selector}._domainkey.${domain}`);
  if (!record) return fail('no key record');
  const keyTags = tagList(record);
  const p = keyTags?.get('p')?.replace(/[ \t\r\n]/g, '');
  if (!keyTags || !p) return fail('key record without p= (revoked or malformed)');
  if ((keyTags.get('k') ?? 'rsa') !== 'rsa') return fail('key record is not k=rsa');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(p, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return fail('key record p= is not a public key');
  }
  const ok = verify(
    'sha256',
    Buffer.from(signed, 'latin1'),
    publicKey,
    Buffer.from(signature, 'base64'),
  );
  if (!ok) return fail('signature mismatch');
  return { result: 'pass', domain, selector, signedHeaders };
}

/** A tag=value list (§3.2): names and values trimmed; null when malformed or a tag repeats. */
function tagList(text: string): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    if (equals === -1) return null;
    const name = part.slice(0, equals).trim();
    if (tags.has(name)) return null;
    tags.set(name, part.slice(equals + 1).trim());
  }
  return tags;
}

/** §3.4.2: lower-case name, unfolded, WSP runs as one SP, none around the colon or at the end. */
function relaxedHeader(field: string): string {
  const colon = field.indexOf(':');
  const name = field
    .slice(0, colon)
    .replace(/[ \t]+$/, '')
    .toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
  return `${name}:${value}`;
}

/** §3.4.4: no WSP at line ends, WSP runs as one SP, no empty lines at the end, CRLF-ended. */
function relaxedBody(body: string): string {
  const lines = body
    .split('\r\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/[ \t]+/g, ' '));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
