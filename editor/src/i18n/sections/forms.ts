/**
 * The step settings panel: a labelled form for each step type.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('forms.…')`.
 */
export const en = {};

export const ko: typeof en = {};
