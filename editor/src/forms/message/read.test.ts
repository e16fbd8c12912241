import { describe, expect, it } from 'vitest';
import { oneOf, textsOf, withOptional } from './read.ts';

describe('withOptional', () => {
  const task: { title: string; note?: string; waitForCompletion?: boolean; tags?: string[] } = {
    title: 'Call',
    note: 'old',
  };

  it('sets a field, leaving the data it was given as it was', () => {
    expect(withOptional(task, 'note', 'new')).toEqual({ title: 'Call', note: 'new' });
    expect(withOptional(task, 'waitForCompletion', true)).toEqual({
      title: 'Call',
      note: 'old',
      waitForCompletion: true,
    });
    expect(task).toEqual({ title: 'Call', note: 'old' });
  });

  it('leaves a field out when it is emptied: absent is what the defaults mean', () => {
    expect(withOptional(task, 'note', '')).toEqual({ title: 'Call' });
    expect(withOptional(task, 'note', undefined)).toEqual({ title: 'Call' });
    expect(withOptional(task, 'waitForCompletion', false)).toEqual({ title: 'Call', note: 'old' });
    expect(withOptional(task, 'tags', [])).toEqual({ title: 'Call', note: 'old' });
  });
});

describe('reading values', () => {
  it('takes one of the allowed values, else the fallback', () => {
    expect(oneOf('html', ['text', 'html'], 'text')).toBe('html');
    expect(oneOf('HTML', ['text', 'html'], 'text')).toBe('text');
    expect(oneOf(undefined, ['text', 'html'], 'text')).toBe('text');
  });

  it('takes the texts of a list', () => {
    expect(textsOf(['a', 1, null, 'b'])).toEqual(['a', 'b']);
    expect(textsOf('a')).toEqual([]);
  });
});
