import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { DKIMOptions } from 'nodemailer';

/**
 * DKIM signing of outgoing mail (RFC 6376). It is what makes RFC 8058 one-click unsubscribe
 * count: §3.1 asks for a valid signature covering List-Unsubscribe and List-Unsubscribe-Post,
 * and Gmail and Yahoo ignore the header pair without one.
 */
export interface DkimOptions {
  /** d=: the signing domain; the public key is in DNS at `<keySelector>._domainkey.<domain>`. */
  domainName: string;
  /** s=: the selector of the key. */
  keySelector: string;
  /** An RSA private key: PEM (PKCS#1 or PKCS#8, unencrypted) or a KeyObject. */
  privateKey: string | KeyObject;
}

/**
 * nodemailer's default list (dist/esm/dkim/sign.js, the fields of RFC 4871 §5.5), plus
 * List-Unsubscribe-Post, which RFC 8058 §3.1 needs signed and nodemailer leaves out. Names
 * absent from a message are dropped from its h=.
 */
export const DKIM_HEADER_FIELDS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-ID',
  'Content-Description',
  'Resent-Date',
  'Resent-From',
  'Resent-Sender',
  'Resent-To',
  'Resent-Cc',
  'Resent-Message-ID',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
  'OTP-Token',
  'List-Unsubscribe-Post',
] as const;

/** RFC 8301 §3.2: signers must use at least this many bits (2048 is the usual choice). */
export const MIN_DKIM_KEY_BITS = 1024;

/**
 * The private key as a KeyObject, or an Error saying why it can't sign (never showing the
 * key). Checked before the first message because nodemailer, when signing fails, sends the
 * message unsigned without a word.
 */
export function dkimPrivateKey(key: string | Buffer | KeyObject): KeyObject {
  let object: KeyObject;
  try {
    object = typeof key === 'object' && !Buffer.isBuffer(key) ? key : createPrivateKey(key);
  } catch {
    throw new Error('is not a private key in PEM (PKCS#1 or PKCS#8, unencrypted)');
  }
  if (object.type !== 'private') throw new Error('is not a private key');
  // nodemailer signs rsa-sha256 only; an Ed25519 key (RFC 8463) would leave mail unsigned.
  if (object.asymmetricKeyType !== 'rsa')
    throw new Error(
      `is not an RSA key (${object.asymmetricKeyType}): nodemailer signs rsa-sha256 only`,
    );
  const bits = object.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_DKIM_KEY_BITS)
    throw new Error(`is a ${bits}-bit RSA key; DKIM needs at least ${MIN_DKIM_KEY_BITS} bits`);
  return object;
}

/**
 * The `dkim` option of a nodemailer transport: rsa-sha256, relaxed/relaxed (nodemailer's only
 * choices), d= always the configured domain. DMARC passes on DKIM only when that domain and
 * the From address's share their organisational domain (relaxed alignment; strict needs them
 * equal): mail from other senders is still signed, which shows the headers unaltered, but does
 * not align. Nothing is logged per message: nodemailer's logger stays off.
 */
export function nodemailerDkim(options: DkimOptions): DKIMOptions {
  let privateKey: KeyObject;
  try {
    privateKey = dkimPrivateKey(options.privateKey);
  } catch (error) {
    throw new Error(`the DKIM private key ${(error as Error).message}`);
  }
  return {
    domainName: options.domainName,
    keySelector: options.keySelector,
    privateKey,
    headerFieldNames: DKIM_HEADER_FIELDS.join(':'),
  };
}
