import type { NodeType } from '@nudge/schema';
import type { TFunction } from 'i18next';

/**
 * The step types a person can add, in the palette's order: messages first, then waiting and
 * branching, then the rest. Never the entry: a sequence has exactly one, made with it.
 */
export const PALETTE_TYPES = [
  'email',
  'sms',
  'kakao',
  'task',
  'delay',
  'condition',
  'wait_for',
  'split',
  'update_contact',
  'exit',
] as const satisfies readonly Exclude<NodeType, 'entry'>[];

export type PaletteType = (typeof PALETTE_TYPES)[number];

export function isPaletteType(type: unknown): type is PaletteType {
  return (PALETTE_TYPES as readonly unknown[]).includes(type);
}

/**
 * A type's name in the palette and the step search: the card's label, except that a split is
 * "Split" here (its card says "A/B split", which is what it is for, not what it is).
 */
export function paletteName(type: PaletteType, t: TFunction): string {
  return type === 'split' ? t('build.palette.split') : t(`step.types.${type}`);
}

export function paletteDescription(type: PaletteType, t: TFunction): string {
  return t(`build.palette.descriptions.${type}`);
}
