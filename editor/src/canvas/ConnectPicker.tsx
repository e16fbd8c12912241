import { Command } from 'cmdk';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { StepIcon } from '../steps/StepIcon.tsx';
import { usePlacement } from '../ui/use-placement.ts';
import { type LinkTarget, searchTargets } from './link-targets.ts';
import '../palette/step-search.css';

export interface ConnectPickerProps {
  /** The steps the link may go to (link-targets.ts). */
  targets: LinkTarget[];
  at: { x: number; y: number };
  onChoose(target: string): void;
  onClose(options: { returnFocus: boolean }): void;
}

/**
 * "Connect to…": the steps a link from the chosen step may go to, searched by id or type, Up and
 * Down to choose, Enter to connect, Escape to close. The keyboard's way to draw a link between
 * two steps already on the canvas; it looks and works as the step search does.
 *
 * Test hooks: data-testid="connect-picker"; each choice is role=option with data-step-id.
 */
export default function ConnectPicker({ targets, at, onChoose, onClose }: ConnectPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const typeName = (type: string) => t(`step.types.${type as 'email'}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: typeName follows t
  const shown = useMemo(() => searchTargets(targets, query, typeName), [targets, query, t]);
  const [chosen, setChosen] = useState<string>(shown[0]?.id ?? '');
  const box = useRef<HTMLDivElement>(null);
  const place = usePlacement(box, at);
  const hintId = useId();

  useEffect(() => setChosen(shown[0]?.id ?? ''), [shown]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose({ returnFocus: false });
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  return createPortal(
    <div
      ref={box}
      className="step-search nokey nowheel"
      role="dialog"
      aria-label={t('build.connect.label')}
      aria-describedby={hintId}
      data-testid="connect-picker"
      style={place}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose({ returnFocus: true });
        }
      }}
      onBlur={(e) => {
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node))
          onClose({ returnFocus: false });
      }}
    >
      <Command
        label={t('build.connect.input')}
        shouldFilter={false}
        loop
        value={chosen}
        onValueChange={setChosen}
      >
        <Command.Input
          autoFocus
          className="step-search__input"
          value={query}
          onValueChange={setQuery}
          placeholder={t('build.connect.placeholder')}
        />
        <Command.List className="step-search__list" aria-label={t('build.connect.results')}>
          <Command.Empty className="step-search__empty">
            {targets.length === 0
              ? t('build.connect.none')
              : t('build.connect.empty', { query: query.trim() })}
          </Command.Empty>
          {shown.map((target) => (
            <Command.Item
              key={target.id}
              value={target.id}
              className="step-search__item"
              data-step-id={target.id}
              onSelect={() => onChoose(target.id)}
            >
              <span className="step-search__icon step-tint" data-type={target.type}>
                <StepIcon type={target.type} />
              </span>
              <span className="step-search__name">{target.id}</span>
              <span className="step-search__description">{typeName(target.type)}</span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
      <p id={hintId} className="step-search__hint">
        {t('build.connect.hint')}
      </p>
    </div>,
    document.body,
  );
}
