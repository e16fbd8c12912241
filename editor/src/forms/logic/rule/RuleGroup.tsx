import { useTranslation } from 'react-i18next';
import { Field } from '../../Field.tsx';
import { ProblemList } from '../../ProblemList.tsx';
import { problemsAt } from '../../problems-at.ts';
import { actionName } from '../edit-names.ts';
import { unclaimed } from '../unclaimed.ts';
import { AddButtons } from './AddButtons.tsx';
import type { PartProps } from './part-props.ts';
import { RulePartView } from './RulePartView.tsx';
import type { GroupPart, Match, RulePart } from './rule-model.ts';
import { TestActions } from './TestActions.tsx';

/** An "all" or "any" group: its parts, joined by "and" or "or", and the buttons that add more. */
export function RuleGroup(props: PartProps<GroupPart>) {
  const { part, pointer, problems, onChange, depth, label, context } = props;
  const { t } = useTranslation();
  const items = `${pointer}/${part.match}`;
  const itemPointer = (i: number) => `${items}/${i}`;
  const setItems = (next: RulePart[], field: string) => onChange({ ...part, items: next }, field);
  const joiner = (part.match === 'all' ? t('rule.and') : t('rule.or')).trim();

  return (
    <fieldset className="rule-group" aria-label={label || undefined} data-testid="rule-group">
      <div className="rule-group__head">
        <Field label={t('logic.rule.match')} problems={problemsAt(problems, items, true)}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={part.match}
              onChange={(e) => onChange({ ...part, match: e.target.value as Match }, items)}
            >
              <option value="all">{t('logic.rule.matchAll')}</option>
              <option value="any">{t('logic.rule.matchAny')}</option>
            </select>
          )}
        </Field>
        <TestActions {...props} kindLabel="group" />
      </div>
      {part.items.length === 0 ? (
        <p className="field__hint">{t('logic.rule.empty')}</p>
      ) : (
        <ol className="rule-group__items">
          {part.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a rule's parts have no ids; their place is their name
            <li key={i}>
              {i > 0 && (
                <span className="rule-group__joiner" aria-hidden="true">
                  {joiner}
                </span>
              )}
              <RulePartView
                part={item}
                pointer={itemPointer(i)}
                problems={problemsAt(problems, itemPointer(i))}
                context={context}
                depth={depth + 1}
                n={i + 1}
                label={
                  (item.kind === 'not' ? item.inner : item).kind === 'group'
                    ? t('logic.rule.group', { n: i + 1 })
                    : t('logic.rule.condition', { n: i + 1 })
                }
                onChange={(next, field) =>
                  setItems(
                    part.items.map((it, j) => (j === i ? next : it)),
                    field,
                  )
                }
                onRemove={() =>
                  setItems(
                    part.items.filter((_, j) => j !== i),
                    actionName(items, 'remove'),
                  )
                }
              />
            </li>
          ))}
        </ol>
      )}
      <AddButtons
        depth={depth}
        count={part.items.length}
        onAdd={(added) => setItems([...part.items, added], actionName(items, 'add'))}
      />
      <ProblemList
        problems={unclaimed(
          problems.filter((p) => p.pointer !== items),
          part.items.map((_, i) => itemPointer(i)),
        )}
      />
    </fieldset>
  );
}
