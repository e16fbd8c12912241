import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ContactEntry,
  chooseContact,
  contactLabel,
  stepContact,
  useContactEntries,
} from './contact-choice.ts';
import { FindContactDialog } from './FindContactDialog.tsx';
import { PasteContactDialog } from './PasteContactDialog.tsx';
import './contacts.css';

/**
 * Which contact Preview (and Simulate) shows the sequence for: a list of the sample contacts,
 * those found on the server and those pasted, with arrows stepping through them (Alt+← / Alt+→
 * too, anywhere in the panel that mounts it), and the ways to add one.
 * Test hooks: data-testid="contact-picker", its select is named "Contact".
 */
export function ContactPicker() {
  const { t } = useTranslation();
  const id = useId();
  const { entries, index } = useContactEntries();
  const [dialog, setDialog] = useState<'paste' | 'find' | null>(null);
  const groups = (['sample', 'server', 'pasted'] as const)
    .map((source) => ({ source, entries: entries.filter((e) => e.source === source) }))
    .filter((g) => g.entries.length > 0);
  return (
    <div className="contact-picker" data-testid="contact-picker">
      <label htmlFor={id} className="contact-picker__label">
        {t('preview.contact.label')}
      </label>
      <div className="contact-picker__row">
        <button
          type="button"
          className="button button--icon"
          aria-label={t('preview.contact.previous')}
          title={t('preview.contact.previous')}
          onClick={() => stepContact(-1)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <select
          id={id}
          className="contact-picker__select"
          value={entries[index]?.key}
          onChange={(e) => chooseContact(e.target.value)}
        >
          {groups.map((group) => (
            <optgroup key={group.source} label={t(`preview.contact.${group.source}`)}>
              {group.entries.map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {optionText(entry, t('preview.contact.noName'))}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('preview.contact.next')}
          title={t('preview.contact.next')}
          onClick={() => stepContact(1)}
        >
          <span aria-hidden="true">›</span>
        </button>
        <span className="contact-picker__position" aria-live="polite">
          {t('preview.contact.position', { index: index + 1, count: entries.length })}
        </span>
      </div>
      <div className="contact-picker__more">
        <button type="button" className="button button--small" onClick={() => setDialog('find')}>
          {t('preview.contact.find')}
        </button>
        <button type="button" className="button button--small" onClick={() => setDialog('paste')}>
          {t('preview.contact.paste')}
        </button>
      </div>
      {dialog === 'paste' && <PasteContactDialog onClose={() => setDialog(null)} />}
      {dialog === 'find' && <FindContactDialog onClose={() => setDialog(null)} />}
    </div>
  );
}

/** "김민지 · minji@example.co.kr": a name alone can be ambiguous, an address alone unfriendly. */
function optionText(entry: ContactEntry, noName: string): string {
  const { contact } = entry;
  const name = contact.name ?? noName;
  const reach = contact.email ?? contact.phone;
  return reach ? `${name} · ${reach}` : name === noName ? contactLabel(contact) : name;
}
