import { PROBLEM_CODES } from '@nudge/schema';
import { describe, expect, it, vi } from 'vitest';
import { en } from './en.ts';
import { i18n, setLanguage } from './i18n.ts';
import { ko } from './ko.ts';
import { initialLanguage } from './language.ts';

/** Every leaf as "a.b.c" → its text. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object' && value !== null)
      for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

describe('translations', () => {
  it('have exactly the same keys in English and Korean', () => {
    expect([...leaves(ko).keys()].sort()).toEqual([...leaves(en).keys()].sort());
  });

  it('have no empty texts', () => {
    for (const [language, tree] of Object.entries({ en, ko }))
      for (const [key, value] of leaves(tree)) {
        expect(typeof value, `${language} ${key}`).toBe('string');
        expect((value as string).trim(), `${language} ${key}`).not.toBe('');
      }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: unknown) =>
      [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const korean = leaves(ko);
    for (const [key, text] of leaves(en))
      expect(placeholders(korean.get(key)), key).toEqual(placeholders(text));
  });
});

describe('words', () => {
  it('call a node of the sequence a step (단계), as its users do', () => {
    // Keys may say "node" (they follow the schema's codes); the texts people read may not.
    const shown = (text: unknown) => String(text).replace(/\{\{\w+\}\}/g, '');
    for (const [key, text] of leaves(en)) expect(shown(text), key).not.toMatch(/\bnodes?\b/i);
    for (const [key, text] of leaves(ko)) expect(shown(text), key).not.toMatch(/노드/);
    expect(i18n.getFixedT('en')('problems.node', { id: 'welcome' })).toBe('step welcome');
    expect(i18n.getFixedT('ko')('problems.node', { id: 'welcome' })).toBe('단계 welcome');
  });
});

describe('problem titles', () => {
  it('exist in both languages for every code the validator can report, and only for those', () => {
    const codes = Object.keys(PROBLEM_CODES).sort();
    for (const [language, tree] of Object.entries({ en, ko })) {
      const titled = [...leaves(tree).keys()]
        .filter((key) => key.startsWith('problems.codes.'))
        .map((key) => key.slice('problems.codes.'.length))
        .sort();
      expect(titled, language).toEqual(codes);
    }
  });

  it('are the headline the UI shows, in the chosen language', () => {
    expect(i18n.getFixedT('en')('problems.codes.unreachable')).toBe("Step that can't be reached");
    expect(i18n.getFixedT('ko')('problems.codes.unreachable')).toBe('도달할 수 없는 단계');
  });
});

describe('language choice', () => {
  it('is remembered and marks the document', () => {
    setLanguage('ko');
    expect(i18n.language).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(localStorage.getItem('nudge.language')).toBe('ko');
    expect(initialLanguage()).toBe('ko');
    setLanguage('en');
    expect(initialLanguage()).toBe('en');
  });

  it('follows the browser on a first visit', () => {
    localStorage.removeItem('nudge.language');
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ko-KR', 'en-US']);
    try {
      expect(initialLanguage()).toBe('ko');
      languages.mockReturnValue(['fr-FR']);
      expect(initialLanguage()).toBe('en');
    } finally {
      languages.mockRestore();
    }
  });
});
