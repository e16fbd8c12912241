import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  browserTimeZone,
  orderForBrowsing,
  searchZones,
  type ZoneOption,
  zoneOptions,
} from './time-zones.ts';

export interface TimeZoneComboboxProps {
  /** From Field: the id its label points at, the hint and problems that describe it. */
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  /** The zone the settings hold ("" when the file's is no text). */
  value: string;
  onChange(zone: string): void;
}

/**
 * The time zone field: type to filter every IANA zone by city, name (Korean too) or offset,
 * then pick one with the mouse or Up/Down and Enter. An editable combobox with a list popup
 * (WAI-ARIA APG): focus stays in the input, aria-activedescendant names the active option,
 * Escape closes and puts back the zone chosen, leaving the field never writes what was typed.
 */
export function TimeZoneCombobox({
  id,
  describedBy,
  invalid,
  value,
  onChange,
}: TimeZoneComboboxProps) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const statusId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  /** What the person typed since opening; null while they haven't (the input shows the value). */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  // The zone list costs ~0.2 ms a zone to make: only once the list is first opened.
  const options = useMemo(
    () => (open ? orderForBrowsing(zoneOptions(i18n.language), browserTimeZone()) : []),
    [open, i18n.language],
  );
  const found = useMemo(() => searchZones(options, query ?? ''), [options, query]);

  useEffect(() => {
    if (!open) return;
    const option = list.current?.children[active] as HTMLElement | undefined;
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);

  function openList(text: string | null) {
    setOpen(true);
    setQuery(text);
    if (text === null) {
      // Browsing from the current zone: start there.
      const all = orderForBrowsing(zoneOptions(i18n.language), browserTimeZone());
      setActive(
        Math.max(
          0,
          all.findIndex((o) => o.id === value),
        ),
      );
    } else setActive(0);
  }

  function close() {
    setOpen(false);
    setQuery(null);
  }

  function choose(option: ZoneOption | undefined) {
    if (!option) return;
    close();
    if (option.id !== value) onChange(option.id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open || e.altKey) openList(open ? query : null);
        else setActive((i) => Math.min(i + 1, found.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openList(null);
        else setActive((i) => Math.max(i - 1, 0));
        break;
      case 'PageDown':
        if (open) {
          e.preventDefault();
          setActive((i) => Math.min(i + 10, found.length - 1));
        }
        break;
      case 'PageUp':
        if (open) {
          e.preventDefault();
          setActive((i) => Math.max(i - 10, 0));
        }
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          choose(found[active]);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
        break;
    }
  }

  const optionId = (index: number) => `${listId}-${index}`;
  const activeOption = open ? found[active] : undefined;

  return (
    <div className="zone-combobox">
      <div className="zone-combobox__control">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          placeholder={t('settings.timezone.placeholder')}
          value={query ?? value}
          onChange={(e) => openList(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <button
          type="button"
          className="zone-combobox__toggle"
          tabIndex={-1}
          aria-label={t('settings.timezone.show')}
          aria-expanded={open}
          aria-controls={listId}
          // Keep the focus in the input: the list follows it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (open) close();
            else openList(null);
            input.current?.focus();
          }}
        >
          ▾
        </button>
      </div>
      <div
        ref={list}
        id={listId}
        role="listbox"
        aria-label={t('settings.timezone.list')}
        className="zone-combobox__list"
        hidden={!open}
      >
        {found.map((option, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input's keys choose (aria-activedescendant)
          <div
            key={option.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            data-current={option.id === value || undefined}
            className="zone-combobox__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(option)}
          >
            <span className="zone-combobox__zone">{option.id}</span>
            <span className="zone-combobox__about">
              {[option.offset, option.id === 'UTC' ? t('settings.timezone.utc') : option.name]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
        ))}
      </div>
      <p className="visually-hidden" id={statusId} role="status">
        {open &&
          (found.length === 0
            ? t('settings.timezone.noMatch', { query })
            : t('settings.timezone.count', { count: found.length }))}
      </p>
      {open && found.length === 0 && (
        // The status above says it to screen readers.
        <p className="zone-combobox__none" aria-hidden="true">
          {t('settings.timezone.noMatch', { query })}
        </p>
      )}
    </div>
  );
}
