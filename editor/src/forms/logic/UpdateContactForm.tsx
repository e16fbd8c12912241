import type { NodeData } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { problemsAt } from '../problems-at.ts';
import type { StepFormProps } from '../types.ts';
import { asObject, type Loose, pick, withKey } from './read.ts';
import { SetFields } from './SetFields.tsx';
import { StepProblems } from './StepProblems.tsx';
import { TagList } from './TagList.tsx';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** update_contact: the fields it sets, the tags it adds, the tags it removes. */
export function UpdateContactForm({
  step,
  pointer,
  problems,
  onChange,
}: StepFormProps<'update_contact'>) {
  const { t } = useTranslation();
  const data = pick(step.data, ['set', 'addTags', 'removeTags']);
  const at = (key: string) => `${pointer}/data/${key}`;
  const write = (key: string, value: unknown, field: string) =>
    onChange(withKey(data, key, value) as NodeData<'update_contact'>, field);
  const empty = Object.keys(data).length === 0;

  return (
    <div className="logic-form">
      <StepProblems
        problems={problems}
        pointer={pointer}
        claimed={[at('set'), at('addTags'), at('removeTags')]}
      />
      {empty && <p className="field__hint">{t('logic.update.nothing')}</p>}
      <SetFields
        set={asObject(data.set) as Loose}
        pointer={at('set')}
        problems={problems}
        onChange={(set, field) => write('set', set, field)}
      />
      <TagList
        legend={t('logic.update.addTags')}
        tags={list(data.addTags)}
        pointer={at('addTags')}
        problems={problemsAt(problems, at('addTags'))}
        onChange={(tags, field) => write('addTags', tags, field)}
      />
      <TagList
        legend={t('logic.update.removeTags')}
        tags={list(data.removeTags)}
        pointer={at('removeTags')}
        problems={problemsAt(problems, at('removeTags'))}
        onChange={(tags, field) => write('removeTags', tags, field)}
      />
    </div>
  );
}
