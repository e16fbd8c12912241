import type { Contact } from '@nudge/schema';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactLabel } from '../contacts/contact-choice.ts';
import { Dialog } from '../document/Dialog.tsx';
import { saveStateOf, useDocumentLife } from '../document/life.ts';
import { TokenForm } from '../outbox/TokenForm.tsx';
import { readToken, saveToken } from '../outbox/token.ts';
import { useSequence } from '../sequence/store.ts';
import { sendTest, TestSendFailure } from './test-send.ts';
import '../outbox/outbox.css';

type Outcome =
  | { state: 'idle' | 'sending' }
  | { state: 'sent'; to: string; subject?: string }
  | { state: 'failed'; message: string };

/** The address the author last sent a test to, per channel kind, for the next time. */
const lastTo: { email: string; phone: string } = { email: '', phone: '' };

/**
 * **Send test**: the step, rendered for the chosen contact, sent to an address the author
 * types, through the server (POST /api/sequences/:id/test-send). The server sends its saved
 * draft, so the dialog says so when the document is not there or has changes not saved.
 * Test hook: data-testid="test-send-dialog"; the field is named "Send to (email address)" or
 * "Send to (phone number)", the button "Send test", the outcome has role="status" or "alert".
 */
export function TestSendDialog({
  stepId,
  channel,
  contact,
  onClose,
}: {
  stepId: string;
  channel: 'email' | 'sms' | 'kakao';
  contact: Contact;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const file = useSequence((s) => s.file);
  const origin = useDocumentLife((life) => life.origin);
  const saveState = useDocumentLife((life) => saveStateOf(file, life));
  const kind = channel === 'email' ? 'email' : 'phone';
  const [to, setTo] = useState(lastTo[kind]);
  const [token, setToken] = useState(readToken);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const send = async () => {
    if (!origin || !token) return;
    setOutcome({ state: 'sending' });
    try {
      const sent = await sendTest(token, origin.id, { node: stepId, to: to.trim(), contact });
      lastTo[kind] = to.trim();
      setOutcome({
        state: 'sent',
        to: sent.to,
        ...(sent.subject ? { subject: sent.subject } : {}),
      });
    } catch (error) {
      if (error instanceof TestSendFailure && error.status === 401) {
        setToken(null);
        setOutcome({ state: 'idle' });
        return;
      }
      const message =
        error instanceof TestSendFailure && error.status === 429
          ? t('preview.test.tooMany', { seconds: error.retryAfter ?? 60 })
          : t('preview.test.failed', { detail: (error as Error).message });
      setOutcome({ state: 'failed', message });
    }
  };
  return (
    <Dialog title={t('preview.test.title')} onClose={onClose} testId="test-send-dialog">
      <p className="test-send__explain">
        {t('preview.test.explain', { name: contactLabel(contact) })}
      </p>
      {!origin ? (
        <p className="test-send__warn" role="alert">
          {t('preview.test.notOnServer')}
        </p>
      ) : !token ? (
        <TokenForm
          explain={t('preview.test.needsToken')}
          onSubmit={(next) => {
            saveToken(next);
            setToken(next);
          }}
        />
      ) : (
        <form
          className="test-send"
          onSubmit={(e) => {
            e.preventDefault();
            if (outcome.state !== 'sending') void send();
          }}
        >
          {saveState === 'unsaved' && (
            <p className="test-send__warn">{t('preview.test.unsaved')}</p>
          )}
          <label htmlFor={id}>
            {t(kind === 'email' ? 'preview.test.toEmail' : 'preview.test.toPhone')}
          </label>
          <input
            id={id}
            type={kind === 'email' ? 'email' : 'tel'}
            required
            maxLength={254}
            autoComplete={kind === 'email' ? 'email' : 'tel'}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={outcome.state === 'sending'}
          >
            {outcome.state === 'sending' ? t('preview.test.sending') : t('preview.test.send')}
          </button>
          {outcome.state === 'sent' && (
            <p className="test-send__sent" role="status">
              {outcome.subject
                ? t('preview.test.sentSubject', { to: outcome.to, subject: outcome.subject })
                : t('preview.test.sent', { to: outcome.to })}
            </p>
          )}
          {outcome.state === 'failed' && (
            <p className="test-send__error" role="alert">
              {outcome.message}
            </p>
          )}
        </form>
      )}
      <div className="doc-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('preview.test.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
