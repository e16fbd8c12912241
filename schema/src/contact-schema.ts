import { CONTACT_EMAIL } from './contact.ts';
import { LIMITS } from './format.ts';

/**
 * The JSON Schema of a contact (FORMAT.md section 6) with its limits, for the OpenAPI document
 * and other tools: the same shape that checkContact() accepts (contact.test.ts holds the two
 * together). Beyond JSON Schema: no string holds NUL or a lone surrogate, the timezone is an
 * IANA zone, and the attributes take at most LIMITS.contact.attributeBytes as JSON.
 */
const C = LIMITS.contact;

const text = (maxLength: number, description: string) => ({
  type: 'string',
  minLength: 1,
  maxLength,
  description,
});

const email = {
  type: 'string',
  minLength: 1,
  maxLength: C.emailChars,
  pattern: CONTACT_EMAIL,
  description: 'an email address',
};

/** An attribute value nested `depth` levels deep at most (0: a scalar only). */
function attributeValue(depth: number): Record<string, unknown> {
  const scalars = [
    { type: 'string', maxLength: C.attributeChars },
    { type: ['number', 'boolean', 'null'] },
  ];
  if (depth === 0) return { anyOf: scalars };
  return { anyOf: [...scalars, attributeList(depth), attributeObject(depth)] };
}

const attributeList = (depth: number) => ({
  type: 'array',
  maxItems: C.attributeItems,
  items: attributeValue(depth - 1),
});

const attributeObject = (depth: number) => ({
  type: 'object',
  maxProperties: C.attributes,
  propertyNames: { minLength: 1, maxLength: C.attributeKeyChars },
  additionalProperties: attributeValue(depth - 1),
});

export const contactJsonSchema: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://nudge.dev/schema/contact/v1.json',
  title: 'Nudge contact',
  description: `A contact: upserted by id, else by email. No string may hold NUL or a lone surrogate; the attributes take at most ${C.attributeBytes} bytes as JSON.`,
  type: 'object',
  additionalProperties: false,
  properties: {
    id: text(C.idChars, 'your own id of the contact; absent: found by email, else a new id'),
    email,
    phone: text(C.phoneChars, 'a phone number, for SMS and AlimTalk'),
    name: text(C.textChars, 'the full name'),
    company: text(C.textChars, 'the company'),
    title: text(C.textChars, 'the job title'),
    timezone: {
      type: 'string',
      format: 'iana-time-zone',
      maxLength: 64,
      description: 'an IANA time zone such as "Asia/Seoul"',
    },
    locale: text(C.localeChars, 'a language tag such as "ko-KR"'),
    owner: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'email'],
      properties: {
        name: text(C.textChars, "the owner's name"),
        email,
        phone: text(C.phoneChars, "the owner's phone"),
      },
      description: 'the person responsible for the contact ({{ 담당자명 }})',
    },
    tags: {
      type: 'array',
      maxItems: C.tags,
      items: text(C.tagChars, 'a tag'),
    },
    attributes: {
      ...attributeObject(C.attributeDepth),
      description: `your own fields: objects and arrays nest at most ${C.attributeDepth} levels (attributes included)`,
    },
    unsubscribed: { type: 'boolean' },
  },
};
