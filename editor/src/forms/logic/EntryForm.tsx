import type { NodeData } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import type { StepFormProps } from '../types.ts';
import { actionName } from './edit-names.ts';
import { pick } from './read.ts';
import { StepProblems } from './StepProblems.tsx';
import { TriggerFields } from './TriggerFields.tsx';

const MAX = 20;

/** entry: the triggers by which contacts enter the sequence, one at least. */
export function EntryForm({ step, pointer, problems, onChange, context }: StepFormProps<'entry'>) {
  const { t } = useTranslation();
  const list = pick(step.data, ['triggers']).triggers;
  const triggers: unknown[] = Array.isArray(list) ? list : [];
  const at = `${pointer}/data/triggers`;
  const write = (next: unknown[], field: string) =>
    onChange({ triggers: next } as NodeData<'entry'>, field);

  return (
    <div className="logic-form">
      <StepProblems problems={problems} pointer={pointer} claimed={[at]} />
      <FieldGroup legend={t('logic.entry.triggers')}>
        <ol className="logic-list">
          {triggers.map((trigger, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: triggers have no ids; their place is their name
            <li key={i}>
              <TriggerFields
                trigger={trigger}
                n={i + 1}
                pointer={`${at}/${i}`}
                problems={problemsAt(problems, `${at}/${i}`)}
                context={context}
                removeLabel={t('logic.entry.removeTrigger', { n: i + 1 })}
                onChange={(next, field) =>
                  write(
                    triggers.map((tr, j) => (j === i ? next : tr)),
                    field,
                  )
                }
                onRemove={
                  triggers.length > 1
                    ? () =>
                        write(
                          triggers.filter((_, j) => j !== i),
                          actionName(at, 'remove'),
                        )
                    : undefined
                }
              />
            </li>
          ))}
        </ol>
        <ProblemList problems={problemsAt(problems, at, true)} />
        <div className="logic-actions">
          <button
            type="button"
            className="button"
            disabled={triggers.length >= MAX}
            onClick={() => write([...triggers, { kind: 'manual' }], actionName(at, 'add'))}
          >
            + {t('logic.entry.add')}
          </button>
        </div>
      </FieldGroup>
    </div>
  );
}
