import { LIMITS } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { loadErrorText } from './load-error-text.ts';

const MiB = 1024 * 1024;
const en = i18n.getFixedT('en');
const ko = i18n.getFixedT('ko');

describe('a file too large to open', () => {
  it('is measured against the one limit of the CLI, the API and the editor, in MiB', () => {
    expect(LIMITS.fileBytes).toBe(16 * MiB);
    expect(loadErrorText({ kind: 'too_large', bytes: 20.5 * MiB }, en)).toBe(
      'This file is 20.5 MiB; Nudge opens sequence files of up to 16 MiB.',
    );
    expect(loadErrorText({ kind: 'too_large', bytes: 20.5 * MiB }, ko)).toBe(
      '파일 크기가 20.5MiB입니다. 시퀀스 파일은 16MiB까지 열 수 있습니다.',
    );
  });

  it('never reads as if it were at the limit: more digits, then bytes', () => {
    // 16.045 MiB would show as "16.0 MiB ... up to 16 MiB" with one digit; digits are cut, not rounded.
    expect(loadErrorText({ kind: 'too_large', bytes: Math.round(16.045 * MiB) }, en)).toBe(
      'This file is 16.04 MiB; Nudge opens sequence files of up to 16 MiB.',
    );
    expect(loadErrorText({ kind: 'too_large', bytes: LIMITS.fileBytes + 1 }, en)).toBe(
      'This file is 16,777,217 bytes; Nudge opens sequence files of up to 16 MiB (16,777,216 bytes).',
    );
    expect(loadErrorText({ kind: 'too_large', bytes: LIMITS.fileBytes + 1 }, ko)).toBe(
      '파일 크기가 16,777,217바이트입니다. 시퀀스 파일은 16MiB(16,777,216바이트)까지 열 수 있습니다.',
    );
  });
});
