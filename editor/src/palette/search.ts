import { en } from '../i18n/en.ts';
import { ko } from '../i18n/ko.ts';
import { PALETTE_TYPES, type PaletteType } from './step-types.ts';

/**
 * The step search's filter: a query in English or Korean, whatever the UI language, finds
 * step types by name, by the words of their description and by common synonyms ("text" for
 * SMS, "카톡" for AlimTalk). Korean may be typed as initial consonants only (ㅇㅁㅇ finds
 * 이메일), as Korean search boxes allow. Best matches come first; ties keep the palette's
 * order, so the list never jumps around between keystrokes that match equally.
 */

interface Entry {
  type: PaletteType;
  /** Names in both languages: the palette's and the card's. */
  names: string[];
  /** Description and synonyms, in both languages, as single words. */
  words: string[];
}

const LANGUAGES = [en, ko];

const ENTRIES: Entry[] = PALETTE_TYPES.map((type) => ({
  type,
  names: unique(
    LANGUAGES.flatMap((r) => [type === 'split' ? r.build.palette.split : '', r.step.types[type]])
      .filter((n) => n !== '')
      .map(normalize),
  ),
  words: unique(
    LANGUAGES.flatMap((r) =>
      `${r.build.palette.descriptions[type]} ${r.build.palette.keywords[type]}`.split(/[\s,()·/]+/),
    )
      .map(normalize)
      .filter((w) => w.length > 0),
  ),
}));

/** How well one query word matches an entry; lower is better, undefined is no match. */
function wordScore(entry: Entry, word: string): number | undefined {
  let best: number | undefined;
  const better = (score: number) => {
    if (best === undefined || score < best) best = score;
  };
  for (const name of entry.names) {
    const compact = name.replace(/\s+/g, '');
    if (name === word || compact === word) better(0);
    else if (name.startsWith(word) || compact.startsWith(word)) better(1);
    else if (name.split(/\s+/).some((part) => part.startsWith(word))) better(2);
    else if (name.includes(word)) better(3);
  }
  if (best !== undefined) return best;
  for (const w of entry.words) {
    if (w.startsWith(word)) better(4);
    else if (w.includes(word)) better(5);
  }
  if (best !== undefined) return best;
  if (isInitials(word))
    for (const text of [...entry.names, ...entry.words])
      if (initials(text.replace(/\s+/g, '')).includes(word)) better(6);
  return best;
}

/**
 * The step types that match `query`, best first. Every word of the query must match; an
 * empty query lists every type in the palette's order.
 */
export function searchSteps(query: string): PaletteType[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...PALETTE_TYPES];
  const scored: Array<{ type: PaletteType; score: number; order: number }> = [];
  ENTRIES.forEach((entry, order) => {
    let score = 0;
    for (const word of words) {
      const s = wordScore(entry, word);
      if (s === undefined) return;
      score += s;
    }
    scored.push({ type: entry.type, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((s) => s.type);
}

function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().trim();
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** The initial consonants of Hangul syllables, in the order Unicode composes them. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const SYLLABLES = { first: 0xac00, last: 0xd7a3, perInitial: 21 * 28 };

/** A word of initial consonants only, such as ㅇㅁㅇ. */
function isInitials(word: string): boolean {
  return [...word].every((c) => INITIALS.includes(c));
}

/** Each Hangul syllable replaced by its initial consonant; other characters kept. */
export function initials(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out +=
      code >= SYLLABLES.first && code <= SYLLABLES.last
        ? INITIALS[Math.floor((code - SYLLABLES.first) / SYLLABLES.perInitial)]
        : c;
  }
  return out;
}
