/**
 * Adding, connecting and removing steps: the palette, the step search, the edge + button, the context menu, undo/redo, copy/paste, and why a connection is refused.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('build.…')`.
 */
export const en = {};

export const ko: typeof en = {};
