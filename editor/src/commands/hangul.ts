/**
 * Korean in Latin letters, by the Revised Romanization of Korean, syllable by syllable (the
 * sound changes between syllables are left out: 신라 gives "sinra", not "silla"). Ids are
 * Latin letters and digits, and Korean teams name their sequences in Korean: "가입 후속 안내"
 * gives an id a person can still read, "gaip husok annae", rather than none.
 */
const INITIALS = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];
const FIRST = 0xac00;
const LAST = 0xd7a3;

/** `text` with each Hangul syllable written in Latin letters; everything else as it was. */
export function romanizeHangul(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < FIRST || code > LAST) {
      out += char;
      continue;
    }
    const index = code - FIRST;
    out +=
      INITIALS[Math.floor(index / 588)] +
      (VOWELS[Math.floor((index % 588) / 28)] as string) +
      FINALS[index % 28];
  }
  return out;
}
