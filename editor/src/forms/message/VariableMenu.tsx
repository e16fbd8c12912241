import { Command } from 'cmdk';
import { type KeyboardEvent, type RefObject, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsertTarget } from './insert-target.ts';
import {
  matchChoices,
  type VariableChoice,
  type VariableGroup,
  variableTag,
} from './variable-choices.ts';
import './variable-menu.css';

export interface VariableMenuProps {
  /** The id of the field's label: it describes the button (which field it inserts into). */
  labelId: string;
  choices: readonly VariableChoice[];
  /** The field the variable goes into, at its cursor. */
  target: RefObject<InsertTarget | null>;
}

const GROUPS: readonly VariableGroup[] = ['fields', 'attributes', 'aliases', 'links'];

/**
 * The "Insert variable" button of a template field and its menu: a search box over the merge
 * variables in groups (cmdk gives the combobox and the options their keys and roles). Enter or
 * a click inserts `{{ name }}` at the field's cursor and focuses the field; Escape closes the
 * menu and returns to the field. Test hooks: data-testid="variable-menu" on the popup, and
 * data-variable on each option.
 */
export function VariableMenu({ labelId, choices, target }: VariableMenuProps) {
  const { t } = useTranslation();
  const popupId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const describe = (choice: VariableChoice) => describeChoice(choice, t);
  const matches = useMemo(
    () => matchChoices(choices, query, (c) => describeChoice(c, t)),
    [choices, query, t],
  );
  const [chosen, setChosen] = useState('');
  const close = (refocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (refocus) target.current?.focus();
  };
  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Taken here: the step settings panel would take Escape back to the canvas.
    event.preventDefault();
    event.stopPropagation();
    close(true);
  };
  const insert = (choice: VariableChoice) => {
    close(false);
    target.current?.insert(variableTag(choice));
  };

  return (
    <div className="variable-menu" ref={wrapper}>
      <button
        type="button"
        className="variable-menu__button"
        aria-describedby={labelId}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
        onKeyDown={onEscape}
      >
        {t('compose.variables.insert')}
      </button>
      {open && (
        <div
          id={popupId}
          className="variable-menu__popup"
          role="dialog"
          aria-label={t('compose.variables.menu')}
          data-testid="variable-menu"
          onKeyDown={onEscape}
          onBlur={(event) => {
            if (!wrapper.current?.contains(event.relatedTarget as Node | null)) close(false);
          }}
        >
          <Command
            label={t('compose.variables.search')}
            shouldFilter={false}
            loop
            value={chosen}
            onValueChange={setChosen}
          >
            <Command.Input
              autoFocus
              className="variable-menu__search"
              aria-label={t('compose.variables.search')}
              placeholder={t('compose.variables.placeholder')}
              value={query}
              onValueChange={(next) => {
                setQuery(next);
                setChosen('');
              }}
            />
            <Command.List className="variable-menu__list" aria-label={t('compose.variables.menu')}>
              <Command.Empty className="variable-menu__empty">
                {t('compose.variables.empty')}
              </Command.Empty>
              {GROUPS.map((group) => {
                const inGroup = matches.filter((choice) => choice.group === group);
                if (inGroup.length === 0) return null;
                return (
                  <Command.Group
                    key={group}
                    heading={t(`compose.variables.groups.${group}`)}
                    className="variable-menu__group"
                  >
                    {inGroup.map((choice) => (
                      <Command.Item
                        key={choice.name}
                        value={choice.name}
                        className="variable-menu__item"
                        data-variable={choice.name}
                        onSelect={() => insert(choice)}
                      >
                        <code className="variable-menu__name">{variableTag(choice)}</code>
                        <span className="variable-menu__description">{describe(choice)}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                );
              })}
            </Command.List>
          </Command>
        </div>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** A choice in the author's words: "Name", "reads contact.company", "attribute of the contact". */
function describeChoice(choice: VariableChoice, t: Translate): string {
  // Keys made of a variable's name: typed keys can't be checked, and a name with no words is ''.
  const say = t as unknown as (key: string, options?: object) => string;
  const byKey = (key: string) => say(key, { defaultValue: '' });
  switch (choice.group) {
    case 'fields':
      return byKey(`compose.variables.fields.${choice.name}`);
    case 'attributes':
      return say('compose.variables.attribute');
    case 'aliases':
      return say('compose.variables.aliasOf', { path: choice.path });
    case 'links':
      return byKey(`compose.variables.links.${choice.name}`);
  }
}
