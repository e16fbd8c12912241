import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTemplate, linkOf, type TemplateChannel, unlink } from './apply.ts';
import type { LoadLibrary, SaveToLibrary } from './library-client.ts';
import { SaveTemplateDialog } from './SaveTemplateDialog.tsx';
import { TemplateDialog } from './TemplateDialog.tsx';
import './templates.css';

export interface TemplatePickerProps<T extends object> {
  channel: TemplateChannel;
  /** The step's data as its form reads it (the link included). */
  data: T;
  /** The step's new data: a template's content copied or linked in, or the link removed. */
  onChange(data: T): void;
  load?: LoadLibrary;
  save?: SaveToLibrary;
  token?: string | null;
}

/**
 * "Choose template…" in a message step's settings (issue 14 §1a), and, on a linked step, the
 * template's name with Unlink. Mounted in each message form; what choosing does is apply.ts.
 * Test hooks: data-testid="template-picker", "template-link-badge".
 */
export function TemplatePicker<T extends object>({
  channel,
  data,
  onChange,
  load,
  save,
  token,
}: TemplatePickerProps<T>) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'choose' | 'save' | null>(null);
  const [said, setSaid] = useState('');
  const link = linkOf(data);
  return (
    <div className="template-picker" data-testid="template-picker">
      {link && (
        <div className="template-link" data-testid="template-link-badge">
          <span className="template-link__badge">
            {link.name ? t('templates.linked', { name: link.name }) : t('templates.linkedUnnamed')}
          </span>
          <p className="template-link__hint">{t('templates.linkedHint')}</p>
        </div>
      )}
      <div className="template-picker__buttons">
        <button type="button" className="button" onClick={() => setOpen('choose')}>
          {t('templates.choose')}
        </button>
        <button type="button" className="button" onClick={() => setOpen('save')}>
          {t('templates.saveAs')}
        </button>
        {link && (
          <button
            type="button"
            className="button"
            aria-label={t('templates.unlinkLabel')}
            onClick={() => {
              onChange(unlink(data));
              setSaid(t('templates.unlinked'));
            }}
          >
            {t('templates.unlink')}
          </button>
        )}
      </div>
      <p className="template-picker__status" role="status">
        {said}
      </p>
      {open === 'save' && (
        <SaveTemplateDialog
          channel={channel}
          data={data}
          {...(save ? { save } : {})}
          {...(token !== undefined ? { token } : {})}
          onClose={() => setOpen(null)}
          onSaved={(template, link) => {
            if (link && template.id !== undefined)
              onChange({ ...data, template: { id: template.id, name: template.name } });
            setSaid(t('templates.saved', { name: template.name }));
          }}
        />
      )}
      {open === 'choose' && (
        <TemplateDialog
          channel={channel}
          {...(load ? { load } : {})}
          {...(token !== undefined ? { token } : {})}
          onClose={() => setOpen(null)}
          onChoose={(template, how) => {
            onChange(applyTemplate(data, template, how));
            setSaid(
              t(how === 'link' ? 'templates.linkedNow' : 'templates.applied', {
                name: template.name,
              }),
            );
          }}
        />
      )}
    </div>
  );
}
