import { describe, expect, it } from 'vitest';
import { checkContact } from './contact-input.ts';

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

  it('names the property and what it must be', () => {
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
      '"name" must be a string',
      '"email" must be an email address such as "minjun@example.com"',
      '"timezone" must be an IANA zone such as "Asia/Seoul"',
      '"tags[1]" must be a string',
      '"attributes" must be an object of names to values',
      '"unsubscribed" must be true or false',
    ]);
    expect(problems({ timezone: '+09:00' })).toEqual([
      '"timezone" must be an IANA zone such as "Asia/Seoul"',
    ]);
  });

  it('refuses unknown properties, at the top and in the owner, saying which are allowed', () => {
    expect(problems({ nmae: 'x', owner: { name: 'a', email: 'a@b.c', mail: 'x' } })).toEqual([
      'unknown property "nmae" (allowed: id, email, phone, name, company, title, timezone, locale, owner, tags, attributes, unsubscribed)',
      'unknown property "owner.mail" (allowed: name, email, phone)',
    ]);
    expect(problems(JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'))).toEqual([
      expect.stringMatching(/^unknown property "__proto__"/),
      expect.stringMatching(/^unknown property "constructor"/),
    ]);
  });

  it('wants an owner with a name and an email', () => {
    expect(problems({ owner: { phone: '1' } })).toEqual([
      '"owner.name" is required',
      '"owner.email" is required',
    ]);
    expect(problems({ owner: 'me' })).toEqual([
      '"owner" must be an object with name, email, phone',
    ]);
  });

  it('wants an object', () => {
    for (const value of [null, [], 'x', 1])
      expect(problems(value)).toEqual([
        expect.stringMatching(/^a contact is a JSON object such as/),
      ]);
  });
});
