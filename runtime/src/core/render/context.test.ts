import { describe, expect, it } from 'vitest';
import { contextOf, KIM, SENDER } from './context.test-support.ts';
import { scopeOf, valueAt } from './context.ts';

describe('scopeOf', () => {
  it('holds the roots of the merge context', () => {
    const scope = scopeOf(contextOf(), []);
    expect(scope.contact).toBe(KIM);
    expect(scope.owner).toBe(KIM.owner);
    expect(scope.sender).toBe(SENDER);
    expect(scope.sequence).toEqual({ name: '체험 후속' });
    expect(Object.getPrototypeOf(scope)).toBeNull();
  });

  it('resolves the aliases it is asked for, built-ins included', () => {
    const scope = scopeOf(contextOf(), ['고객명', '회사명', '직함', '담당자명']);
    expect({ ...scope }).toMatchObject({
      고객명: '김민준',
      회사명: '한빛소프트',
      직함: '팀장',
      담당자명: '이서연',
    });
  });

  it('resolves only those, or all of them given null', () => {
    expect(Object.keys(scopeOf(contextOf(), ['고객명']))).not.toContain('회사명');
    expect(Object.keys(scopeOf(contextOf(), null))).toEqual(
      expect.arrayContaining(['고객명', '회사명', '직함', '담당자명']),
    );
  });

  it('follows settings.variables, which may override a built-in', () => {
    const context = contextOf(KIM, {
      settings: {
        variables: { 고객명: 'contact.attributes.plan', 요금제: 'contact.attributes.plan' },
      },
    });
    expect(scopeOf(context, ['고객명', '요금제'])).toMatchObject({ 고객명: 'pro', 요금제: 'pro' });
  });

  it('never lets an alias shadow a root or read a prototype', () => {
    const context = {
      ...contextOf(),
      variables: { contact: 'sender.email', toString: 'contact.name', x: 'contact.constructor' },
    };
    const scope = scopeOf(context, ['contact', 'constructor', 'x', 'hasOwnProperty']);
    expect(scope.contact).toBe(KIM);
    expect(scope.x).toBeUndefined();
    expect('constructor' in scope).toBe(false);
    expect('hasOwnProperty' in scope).toBe(false);
  });
});

describe('valueAt', () => {
  it('walks own properties', () => {
    expect(valueAt({ contact: KIM }, 'contact.attributes.seats')).toBe(12);
    expect(valueAt({ contact: KIM }, 'contact.tags')).toEqual(['vip', 'trial']);
    expect(valueAt({ contact: KIM }, 'contact.attributes.missing')).toBeUndefined();
    expect(valueAt({ contact: KIM }, 'contact.name.length')).toBeUndefined();
    expect(valueAt({ contact: KIM }, 'contact.constructor')).toBeUndefined();
    expect(valueAt({ contact: KIM }, 'contact.__proto__')).toBeUndefined();
    expect(valueAt({ sender: null }, 'sender.email')).toBeUndefined();
  });
});
