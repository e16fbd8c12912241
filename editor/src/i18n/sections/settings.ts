/**
 * The sequence settings panel.
 * English and Korean side by side; `ko` must have exactly the keys of `en` (typed, and tested
 * in i18n.test.ts). The texts are reached as `t('settings.…')`.
 */
export const en = {};

export const ko: typeof en = {};
