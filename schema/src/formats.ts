import { isTimeZone } from './timezone.ts';

/**
 * The string formats the sequence schema uses, for the precompiled validator (and for any
 * tool that loads schema/sequence.schema.json: declare these two).
 *
 * email: the "valid e-mail address" of the HTML standard, the same test a browser's
 * <input type="email"> applies; the domain must have a dot, as mail to a bare host is a typo.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const formats = {
  email: { type: 'string', validate: (value: string) => value.length <= 254 && EMAIL.test(value) },
  'iana-time-zone': { type: 'string', validate: isTimeZone },
} as const;
