import { describe, expect, it } from 'vitest';
import { withSenderField } from './sender.ts';

describe('the default sender', () => {
  it('writes name and email together once either is typed', () => {
    expect(withSenderField(undefined, 'name', '김영업')).toEqual({ name: '김영업', email: '' });
    expect(withSenderField({ name: '김영업', email: '' }, 'email', 'sales@example.kr')).toEqual({
      name: '김영업',
      email: 'sales@example.kr',
    });
  });

  it('writes reply-to only when there is one', () => {
    const sender = { name: 'A', email: 'a@example.com' };
    expect(withSenderField(sender, 'replyTo', 'r@example.com')).toEqual({
      ...sender,
      replyTo: 'r@example.com',
    });
    expect(withSenderField({ ...sender, replyTo: 'r@example.com' }, 'replyTo', '')).toEqual(sender);
  });

  it('leaves the sender out when every field is empty (the workspace default)', () => {
    expect(withSenderField({ name: 'A', email: '' }, 'name', '')).toBeUndefined();
    expect(withSenderField(undefined, 'replyTo', '')).toBeUndefined();
  });

  it('reads junk as empty and keeps unknown keys for the validator to show', () => {
    expect(withSenderField('me', 'email', 'a@example.com')).toEqual({
      name: '',
      email: 'a@example.com',
    });
    expect(withSenderField({ name: 5, from: 'x' }, 'email', 'a@example.com')).toEqual({
      name: '',
      email: 'a@example.com',
      from: 'x',
    });
  });
});
