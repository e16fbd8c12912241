import type { AriaLabelConfig } from '@xyflow/react';
import type { TFunction } from 'i18next';

type Direction = 'up' | 'down' | 'left' | 'right';
const DIRECTIONS: readonly string[] = ['up', 'down', 'left', 'right'] satisfies Direction[];

/**
 * Every text React Flow gives screen readers, in the UI's language and in our words (step,
 * link). Typed as the whole AriaLabelConfig, so a key React Flow adds fails the type check
 * instead of staying in English.
 *
 * React Flow reads 'keyboardDisabled' when keyboard use is on (the default, as here) and
 * 'default' when it is off: the names are the other way round from what they describe.
 */
export function canvasAriaLabels(t: TFunction): AriaLabelConfig {
  return {
    'node.a11yDescription.default': t('build.aria.stepHintNoKeys'),
    'node.a11yDescription.keyboardDisabled': t('build.aria.stepHint'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      t('build.aria.moved', {
        direction: DIRECTIONS.includes(direction)
          ? t(`build.aria.directions.${direction as Direction}`)
          : direction,
        x,
        y,
      }),
    'edge.a11yDescription.default': t('build.aria.linkHint'),
    'controls.ariaLabel': t('canvas.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'controls.interactive.ariaLabel': t('build.aria.interactive'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'handle.ariaLabel': t('canvas.handle'),
  };
}
