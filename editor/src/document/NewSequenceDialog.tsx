import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uniqueSequenceId } from '../commands/new-sequence.ts';
import { Dialog } from './Dialog.tsx';
import { failureText } from './failure-text.ts';
import { idProblem, NAME_MAX, nameProblem } from './new-sequence-fields.ts';
import { type ServerIds, useServerIds } from './use-server-ids.ts';

export interface NewSequenceDialogProps {
  /** The ids taken on the server; null without a token (nothing to check against). */
  loadTakenIds: (() => Promise<string[]>) | null;
  /** The open sequence has changes that creating a new one would replace. */
  replacing: boolean;
  onCreate(name: string, id: string): void;
  onClose(): void;
}

/**
 * **New sequence**: asks for the name, and shows the id derived from it (unique among the
 * server's sequences when the editor can read them). The id follows the name until it is
 * edited. Test hooks: data-testid="new-sequence-dialog", "new-sequence-id"; the fields are
 * labelled **Name** and **ID**, the button **Create**.
 */
export function NewSequenceDialog({
  loadTakenIds,
  replacing,
  onCreate,
  onClose,
}: NewSequenceDialogProps) {
  const { t } = useTranslation();
  const taken = useServerIds(loadTakenIds);
  const [name, setName] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const nameId = useId();
  const idId = useId();
  const id = typedId ?? (name.trim() === '' ? '' : uniqueSequenceId(name.trim(), taken.ids));
  const badName = nameProblem(name);
  const badId = idProblem(id, taken.ids);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!badName && !badId && taken.state !== 'loading') onCreate(name.trim(), id);
  };
  const showName = tried && badName;
  // The id is checked as it is typed: it is short, and its rules are not obvious.
  const showId = (tried || typedId !== null) && badId;
  return (
    <Dialog title={t('document.new.title')} onClose={onClose} testId="new-sequence-dialog">
      <form className="doc-form" onSubmit={submit} noValidate>
        <label htmlFor={nameId}>{t('document.new.name')}</label>
        <input
          id={nameId}
          value={name}
          autoComplete="off"
          aria-invalid={showName ? true : undefined}
          aria-describedby={`${nameId}-hint`}
          onChange={(event) => setName(event.target.value)}
          autoFocus
        />
        <p id={`${nameId}-hint`} className={showName ? 'doc-form__error' : 'doc-form__hint'}>
          {showName
            ? t(`document.new.nameProblem.${badName}`, { max: NAME_MAX })
            : t('document.new.nameHint')}
        </p>
        <label htmlFor={idId}>{t('document.new.id')}</label>
        <input
          id={idId}
          value={id}
          autoComplete="off"
          spellCheck={false}
          className="doc-form__code"
          aria-invalid={showId ? true : undefined}
          aria-describedby={`${idId}-hint ${idId}-check`}
          data-testid="new-sequence-id"
          onChange={(event) => setTypedId(event.target.value)}
        />
        <p id={`${idId}-hint`} className={showId ? 'doc-form__error' : 'doc-form__hint'}>
          {showId ? t(`document.new.idProblem.${badId}`) : t('document.new.idHint')}
        </p>
        <p id={`${idId}-check`} className="doc-form__hint" aria-live="polite">
          {checkText(taken, t)}
        </p>
        {replacing && <p className="doc-form__warning">{t('document.replaces')}</p>}
        <div className="doc-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('document.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={taken.state === 'loading'}
          >
            {t('document.new.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function checkText(taken: ServerIds, t: TFunction): string {
  switch (taken.state) {
    case 'unchecked':
      return t('document.new.unchecked');
    case 'loading':
      return t('document.new.checking');
    case 'checked':
      return t('document.new.checked', { count: taken.ids.size });
    case 'failed':
      return t('document.new.checkFailed', { reason: failureText(taken.error, t) });
  }
}
