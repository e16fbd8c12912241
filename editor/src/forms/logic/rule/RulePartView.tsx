import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../ProblemList.tsx';
import { actionName } from '../edit-names.ts';
import { EventTest } from './EventTest.tsx';
import { FieldTest } from './FieldTest.tsx';
import type { PartProps } from './part-props.ts';
import { RuleGroup } from './RuleGroup.tsx';
import type { NotPart, OtherPart, RulePart } from './rule-model.ts';
import { TestActions } from './TestActions.tsx';

/** One part of a rule, in the view for its kind. */
export function RulePartView(props: PartProps) {
  const { part } = props;
  switch (part.kind) {
    case 'group':
      return <RuleGroup {...props} part={part} />;
    case 'field':
      return <FieldTest {...props} part={part} />;
    case 'event':
      return <EventTest {...props} part={part} />;
    case 'not':
      return <NotView {...props} part={part} />;
    default:
      return <OtherView {...props} part={part} />;
  }
}

/**
 * {"not": part}: the part with its "Not" box checked. A "not" of something with no box of its
 * own (another "not", a part the builder can't show) gets a box around it.
 */
function NotView(props: PartProps<NotPart>) {
  const { part, pointer, depth, onChange, label } = props;
  const inner = `${pointer}/not`;
  const negation = { pointer, onToggle: () => onChange(part.inner, actionName(pointer, 'not')) };
  const wrap = (next: RulePart, field: string) => onChange({ kind: 'not', inner: next }, field);
  const { kind } = part.inner;
  if (kind === 'group' || kind === 'field' || kind === 'event')
    return (
      <RulePartView
        {...props}
        part={part.inner}
        pointer={inner}
        depth={depth + 1}
        negation={negation}
        onChange={wrap}
      />
    );
  return (
    <fieldset className="rule-not-box" aria-label={label}>
      <TestActions {...props} negation={negation} kindLabel="condition" />
      <RulePartView
        {...props}
        part={part.inner}
        pointer={inner}
        depth={depth + 1}
        negation={undefined}
        onRemove={undefined}
        onChange={wrap}
      />
    </fieldset>
  );
}

const PREVIEW_CHARS = 300;

/** A part the builder can't show, as JSON (cut short), with its problems: the text mode edits it. */
function OtherView(props: PartProps<OtherPart | { kind: 'none' }>) {
  const { part, problems, label, onRemove } = props;
  const { t } = useTranslation();
  const json = part.kind === 'other' ? (JSON.stringify(part.raw) ?? String(part.raw)) : '';
  return (
    <fieldset className="rule-test rule-other" aria-label={label} data-testid="rule-other">
      <p className="field__hint">{t('logic.rule.other')}</p>
      <code className="rule-other__json">
        {json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS)}…` : json}
      </code>
      {onRemove && (
        <div className="rule-test__actions">
          <button type="button" className="button" onClick={onRemove}>
            {t('logic.rule.removeOther')}
          </button>
        </div>
      )}
      <ProblemList problems={problems} />
    </fieldset>
  );
}
