import { useTranslation } from 'react-i18next';
import { NotToggle } from './NotToggle.tsx';
import type { PartProps } from './part-props.ts';

/** The "Not" box and the remove button of a condition or a group. */
export function TestActions(props: PartProps & { kindLabel: 'condition' | 'group' }) {
  const { t } = useTranslation();
  const { onRemove, n, kindLabel } = props;
  return (
    <div className="rule-test__actions">
      <NotToggle {...props} />
      {onRemove && (
        <button
          type="button"
          className="button rule-remove"
          // The visible word starts the accessible name, which says which one goes.
          aria-label={
            kindLabel === 'condition'
              ? t('logic.rule.removeCondition', { n })
              : t('logic.rule.removeGroup', { n })
          }
          onClick={onRemove}
        >
          {t('logic.remove')}
        </button>
      )}
    </div>
  );
}
