import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContact } from './contact.ts';
import { contactJsonSchema } from './contact-schema.ts';
import { LIMITS } from './format.ts';
import { isTimeZone } from './timezone.ts';

const messages = (value: unknown) => {
  const checked = checkContact(value);
  return checked.ok ? [] : checked.problems.map((p) => p.message);
};
const problems = (value: unknown) => {
  const checked = checkContact(value);
  return checked.ok ? [] : checked.problems;
};

describe('checkContact', () => {
  it('takes every field of FORMAT.md section 6, and an empty object', () => {
    const contact = {
      id: 'c1',
      email: 'minjun@example.com',
      phone: '+82-10-1234-5678',
      name: '김민준',
      company: '한빛상사',
      title: '팀장',
      timezone: 'Asia/Seoul',
      locale: 'ko-KR',
      owner: { name: '김지훈', email: 'jihoon@nudge.example', phone: '010-0000-0000' },
      tags: ['lead', 'vip'],
      attributes: { plan: 'pro', seats: 12, nested: { a: [1] } },
      unsubscribed: false,
    };
    expect(checkContact(contact)).toEqual({ ok: true, contact });
    expect(checkContact({})).toEqual({ ok: true, contact: {} });
  });

  it('names the property and what it must be, with a pointer to it', () => {
    expect(
      problems({
        name: 7,
        email: 'minjun',
        timezone: 'Seoul',
        tags: ['a', 2],
        attributes: [],
        unsubscribed: 'no',
      }),
    ).toEqual([
      { pointer: '/name', message: '"name" must be a string' },
      {
        pointer: '/email',
        message: '"email" must be an email address such as "minjun@example.com"',
      },
      { pointer: '/timezone', message: '"timezone" must be an IANA zone such as "Asia/Seoul"' },
      { pointer: '/tags/1', message: '"tags[1]" must be a string' },
      { pointer: '/attributes', message: '"attributes" must be an object of names to values' },
      { pointer: '/unsubscribed', message: '"unsubscribed" must be true or false' },
    ]);
    expect(messages({ timezone: '+09:00' })).toEqual([
      '"timezone" must be an IANA zone such as "Asia/Seoul"',
    ]);
  });

  it('refuses unknown properties, at the top and in the owner, saying which are allowed', () => {
    expect(messages({ nmae: 'x', owner: { name: 'a', email: 'a@b.c', mail: 'x' } })).toEqual([
      'unknown property "nmae" (allowed: id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed)',
      'unknown property "owner.mail" (allowed: name, email, phone)',
    ]);
    expect(messages(JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'))).toEqual([
      expect.stringMatching(/^unknown property "__proto__"/),
      expect.stringMatching(/^unknown property "constructor"/),
    ]);
  });

  it('wants an owner with a name and an email', () => {
    expect(problems({ owner: { phone: '1' } })).toEqual([
      { pointer: '/owner/name', message: '"owner.name" is required' },
      { pointer: '/owner/email', message: '"owner.email" is required' },
    ]);
    expect(messages({ owner: 'me' })).toEqual([
      '"owner" must be an object with name, email, phone',
    ]);
  });

  it('wants an object', () => {
    for (const value of [null, [], 'x', 1])
      expect(problems(value)).toEqual([
        { pointer: '', message: expect.stringMatching(/^a contact is a JSON object such as/) },
      ]);
  });
});

describe('contact limits', () => {
  const C = LIMITS.contact;
  const long = (n: number) => 'x'.repeat(n);

  it('bounds every text field, counting characters', () => {
    expect(messages({ id: long(C.idChars), name: '김'.repeat(C.textChars) })).toEqual([]);
    expect(problems({ id: long(3000) })).toEqual([
      { pointer: '/id', message: '"id" is 3000 characters long; at most 255 are allowed' },
    ]);
    expect(messages({ email: `${long(250)}@x.example` })).toEqual([
      '"email" is 260 characters long; at most 254 are allowed',
    ]);
    expect(messages({ phone: long(33), company: long(201), locale: long(36) })).toEqual([
      '"phone" is 33 characters long; at most 32 are allowed',
      '"company" is 201 characters long; at most 200 are allowed',
      '"locale" is 36 characters long; at most 35 are allowed',
    ]);
    expect(messages({ id: '', name: '' })).toEqual([
      '"id" must not be empty',
      '"name" must not be empty',
    ]);
  });

  it('bounds tags: how many and how long', () => {
    expect(messages({ tags: Array.from({ length: C.tags }, (_, i) => `t${i}`) })).toEqual([]);
    expect(messages({ tags: Array.from({ length: C.tags + 1 }, (_, i) => `t${i}`) })).toEqual([
      '"tags" has 101 tags; at most 100 are allowed',
    ]);
    expect(problems({ tags: ['ok', long(3000)] })).toEqual([
      { pointer: '/tags/1', message: '"tags[1]" is 3000 characters long; at most 64 are allowed' },
    ]);
  });

  it('bounds attributes: keys, depth, items, text and total size', () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    expect(messages({ attributes: many })).toEqual([
      '"attributes" has 101 properties; at most 100 are allowed',
    ]);
    expect(messages({ attributes: { a: { b: { c: { d: 1 } } } } })).toEqual([]);
    expect(problems({ attributes: { a: { b: { c: { d: {} } } } } })).toEqual([
      {
        pointer: '/attributes/a/b/c/d',
        message: '"attributes.a.b.c.d" nests deeper than 4 levels of attributes',
      },
    ]);
    expect(messages({ attributes: { list: Array.from({ length: 101 }, () => 1) } })).toEqual([
      '"attributes.list" has 101 items; at most 100 are allowed',
    ]);
    expect(messages({ attributes: { note: long(2001) } })).toEqual([
      '"attributes.note" is 2001 characters long; an attribute\'s text may have at most 2000',
    ]);
    expect(messages({ attributes: { [long(65)]: 1 } })).toEqual([
      `the attribute name "${long(65)}" must have 1 to 64 characters`,
    ]);
    expect(messages({ attributes: { '': 1 } })).toEqual([
      'the attribute name "" must have 1 to 64 characters',
    ]);
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, long(1700)]));
    expect(messages({ attributes: big })).toEqual([
      expect.stringMatching(/^"attributes" take 17\d{3} bytes as JSON; .* at most 16384$/),
    ]);
  });

  it('stops at the first problem of a deep or huge attribute value, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(messages({ attributes: { deep } })).toEqual([
      '"attributes.deep[0][0][0]" nests deeper than 4 levels of attributes',
    ]);
  });

  it('refuses NUL and lone surrogates in values and in names, anywhere', () => {
    expect(problems({ name: '김\u0000민준' })).toEqual([
      { pointer: '/name', message: '"name" holds a NUL character (\\u0000) at character 2' },
    ]);
    expect(messages({ tags: ['\ud800'] })).toEqual([
      '"tags[0]" holds a lone surrogate (\\ud800) at character 1, which is not text',
    ]);
    expect(messages({ attributes: { a: ['ok', { b: 'x\udc00' }] } })).toEqual([
      '"attributes.a[1].b" holds a lone surrogate (\\udc00) at character 2, which is not text',
    ]);
    expect(problems({ attributes: { 'k\u0000': 1 } })).toEqual([
      {
        pointer: '/attributes/k\u0000',
        message: 'the attribute name "k\\u0000" holds a NUL character (\\u0000) at character 2',
      },
    ]);
    expect(messages({ 'x\ud800': 1 })[0]).toMatch(/^unknown property "x\\ud800"/);
    expect(messages({ name: '😀 emoji are fine' })).toEqual([]);
  });
});

describe('contact.schema.json', () => {
  // What another tool does with the schema: compile it, with our one custom format.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('iana-time-zone', { type: 'string', validate: isTimeZone });
  const validate = ajv.compile(contactJsonSchema);

  /** Beyond JSON Schema (the schema's description says so): the size of the attributes. */
  const schemaAccepts = (value: unknown) => {
    if (!validate(value)) return false;
    const attributes = (value as { attributes?: unknown }).attributes;
    return (
      attributes === undefined ||
      new TextEncoder().encode(JSON.stringify(attributes)).length <= LIMITS.contact.attributeBytes
    );
  };

  const text = (max: number) =>
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.string({ minLength: max - 1, maxLength: max + 1 }),
      fc.constantFrom('', 'a@b.c', 'Asia/Seoul', 'UTC', 'Seoul', 'x y@z'),
    );
  const C = LIMITS.contact;
  const scalar = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), text(C.attributeChars));
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(text(C.attributeKeyChars), tie('tree'), { maxKeys: 3 }),
    ),
  }));
  const contact = fc.record(
    {
      id: text(C.idChars),
      email: text(C.emailChars),
      phone: text(C.phoneChars),
      name: text(C.textChars),
      timezone: text(64),
      locale: text(C.localeChars),
      owner: fc.record(
        { name: text(C.textChars), email: text(C.emailChars) },
        {
          requiredKeys: [],
        },
      ),
      tags: fc.array(text(C.tagChars), { maxLength: 3 }),
      attributes: fc.dictionary(text(C.attributeKeyChars), tree, { maxKeys: 4 }),
      unsubscribed: fc.oneof(fc.boolean(), fc.constant('no')),
    },
    { requiredKeys: [] },
  );

  it('accepts exactly what checkContact accepts (strings without NUL or lone surrogates)', () => {
    fc.assert(
      fc.property(contact, (value) => {
        expect(checkContact(value).ok, JSON.stringify(value).slice(0, 300)).toBe(
          schemaAccepts(value),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('describes its limits in the same numbers', () => {
    const properties = contactJsonSchema.properties as Record<string, { maxLength?: number }>;
    expect(properties.id?.maxLength).toBe(LIMITS.contact.idChars);
    expect(properties.email?.maxLength).toBe(254);
    expect(validate({ attributes: { a: { b: { c: { d: 1 } } } } })).toBe(true);
    expect(validate({ attributes: { a: { b: { c: { d: {} } } } } })).toBe(false);
  });
});
