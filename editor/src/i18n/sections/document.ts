/**
 * The document's life: New sequence, saved/unsaved, Save, Publish, Export.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('document.…')`.
 */
export const en = {};

export const ko: typeof en = {};
