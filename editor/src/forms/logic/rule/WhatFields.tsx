import type { Problem } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { CONTACT_FIELDS, type ContactField, choiceOf } from './contact-fields.ts';
import { type What, WhatSelect } from './WhatSelect.tsx';

interface WhatFieldsProps {
  label: string;
  hint?: string;
  what: What;
  /** The problems of the path (or the event): beside the attribute's name when it is one. */
  problems: Problem[];
  onPick(option: string): void;
  onKey(key: string): void;
  fields?: readonly ContactField[];
  events?: boolean;
}

/** The what-select and, when an attribute is chosen, the box for the attribute's name. */
export function WhatFields({
  label,
  hint,
  what,
  problems,
  onPick,
  onKey,
  fields = CONTACT_FIELDS,
  events = true,
}: WhatFieldsProps) {
  const { t } = useTranslation();
  const choice = what.kind === 'field' ? choiceOf(what.path, fields) : null;
  const attribute = choice?.kind === 'attribute';
  return (
    <>
      <Field label={label} hint={hint} problems={attribute ? [] : problems}>
        {(control) => (
          <WhatSelect {...control} what={what} onChange={onPick} fields={fields} events={events} />
        )}
      </Field>
      {attribute && (
        <Field
          label={t('logic.fields.attributeKey')}
          hint={t('logic.fields.attributeKeyHint')}
          problems={problems}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={choice.key}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => onKey(e.target.value)}
            />
          )}
        </Field>
      )}
    </>
  );
}
