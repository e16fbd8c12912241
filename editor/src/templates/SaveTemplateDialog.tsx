import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../document/Dialog.tsx';
import { TokenForm } from '../outbox/TokenForm.tsx';
import { readToken, saveToken } from '../outbox/token.ts';
import { contentOf, type LibraryTemplate, type TemplateChannel } from './apply.ts';
import { LibraryFailure, type SaveToLibrary, saveTemplate } from './library-client.ts';
import '../outbox/outbox.css';
import './templates.css';

export interface SaveTemplateDialogProps {
  channel: TemplateChannel;
  /** The step's data: its content is what is saved. */
  data: object;
  /** Saved: the template, and whether the author asked to link the step to it. */
  onSaved(template: LibraryTemplate, link: boolean): void;
  onClose(): void;
  save?: SaveToLibrary;
  token?: string | null;
}

type Saving =
  | { state: 'editing' | 'saving' }
  | { state: 'failed'; detail: string; status: number | null };

/**
 * "Save as template…": the step's content saved in the workspace's library under a name and
 * tags, the step linked to it unless the author unticks it. Test hook:
 * data-testid="save-template-dialog".
 */
export function SaveTemplateDialog({
  channel,
  data,
  onSaved,
  onClose,
  save = saveTemplate,
  token: givenToken,
}: SaveTemplateDialogProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const tagsId = useId();
  const [token, setToken] = useState(() => (givenToken === undefined ? readToken() : givenToken));
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [link, setLink] = useState(true);
  const [saving, setSaving] = useState<Saving>({ state: 'editing' });
  const refused = saving.state === 'failed' && saving.status === 401;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token || name.trim() === '') return;
    setSaving({ state: 'saving' });
    try {
      const saved = await save(token, {
        channel,
        name: name.trim(),
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
        content: contentOf(channel, data),
      });
      onSaved(saved, link);
      onClose();
    } catch (error) {
      setSaving({
        state: 'failed',
        detail: (error as Error).message,
        status: error instanceof LibraryFailure ? error.status : null,
      });
    }
  };
  return (
    <Dialog title={t('templates.saveTitle')} onClose={onClose} testId="save-template-dialog">
      {!token || refused ? (
        <TokenForm
          refused={refused}
          explain={t('templates.needsToken')}
          onSubmit={(next) => {
            saveToken(next);
            setToken(next);
            setSaving({ state: 'editing' });
          }}
        />
      ) : (
        <form className="template-dialog" onSubmit={submit}>
          <label htmlFor={nameId}>{t('templates.name')}</label>
          <input
            id={nameId}
            className="template-dialog__search"
            value={name}
            maxLength={100}
            required
            // The dialog opens to name the template.
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor={tagsId}>{t('templates.tags')}</label>
          <input
            id={tagsId}
            className="template-dialog__search"
            value={tags}
            maxLength={500}
            onChange={(e) => setTags(e.target.value)}
          />
          <label className="template-dialog__check">
            <input type="checkbox" checked={link} onChange={(e) => setLink(e.target.checked)} />
            {t('templates.linkAfterSave')}
          </label>
          {saving.state === 'failed' && (
            <p className="template-dialog__error" role="alert">
              {t('templates.saveFailed', { detail: saving.detail })}
            </p>
          )}
          <div className="doc-dialog__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={saving.state === 'saving' || name.trim() === ''}
            >
              {saving.state === 'saving' ? t('templates.saving') : t('templates.save')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('templates.cancel')}
            </button>
          </div>
        </form>
      )}
      {(!token || refused) && (
        <div className="doc-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('templates.cancel')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
