import type { TimelineLanguage } from '@nudge/runtime/core';

/** The timeline's language for the UI's: Korean for Korean, English otherwise. */
export function timelineLanguage(uiLanguage: string | undefined): TimelineLanguage {
  return uiLanguage?.startsWith('ko') ? 'ko' : 'en';
}
