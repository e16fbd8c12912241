import type { Contact } from '@nudge/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TestSendDialog } from './TestSendDialog.tsx';

/** **Send test…** under the preview, opening the dialog for this step and contact. */
export function TestSendButton({
  stepId,
  channel,
  contact,
}: {
  stepId: string;
  channel: 'email' | 'sms' | 'kakao';
  contact: Contact;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="preview__test">
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('preview.test.open')}
      </button>
      {open && (
        <TestSendDialog
          stepId={stepId}
          channel={channel}
          contact={contact}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
