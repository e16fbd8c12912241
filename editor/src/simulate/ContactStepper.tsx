import { useTranslation } from 'react-i18next';
import { contactLabel, stepContact, useChosenContact } from '../contacts/contact-choice.ts';

/** The chosen contact (shared with Preview), with arrows to the previous and next one. */
export function ContactStepper() {
  const { t } = useTranslation();
  const chosen = useChosenContact();
  return (
    <div className="simulate__contact">
      <span className="simulate__label">{t('simulate.contact')}</span>
      <button
        type="button"
        className="button"
        aria-label={t('simulate.previousContact')}
        onClick={() => stepContact(-1)}
      >
        ‹
      </button>
      <output className="simulate__contact-name" data-testid="simulate-contact" aria-live="polite">
        {contactLabel(chosen.contact)}
      </output>
      <button
        type="button"
        className="button"
        aria-label={t('simulate.nextContact')}
        onClick={() => stepContact(1)}
      >
        ›
      </button>
    </div>
  );
}
