import type { NodeData } from '@nudge/schema';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../Field.tsx';
import { ProblemList } from '../ProblemList.tsx';
import { problemsAt } from '../problems-at.ts';
import type { StepFormProps } from '../types.ts';
import { nextBranchId } from './branch-ids.ts';
import { actionName } from './edit-names.ts';
import { IntegerField } from './IntegerField.tsx';
import { isObject, pick, withKey } from './read.ts';
import { StepProblems } from './StepProblems.tsx';
import { unclaimed } from './unclaimed.ts';

const MIN = 2;
const MAX = 10;

/** Weights that add up to 100, as even as whole numbers go: 34, 33, 33. */
export function evenWeights(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}

/**
 * split: the branches and each one's share in percent, their total shown as it changes.
 * A new branch gets the next id (a, b, c...) and weight 0, so the total stays where it was.
 */
export function SplitForm({ step, pointer, problems, onChange }: StepFormProps<'split'>) {
  const { t } = useTranslation();
  const list = pick(step.data, ['branches']).branches;
  const branches: unknown[] = Array.isArray(list) ? list : [];
  const ids = branches.map((b) => (isObject(b) && typeof b.id === 'string' ? b.id : ''));
  const total = branches.reduce<number>(
    (sum, b) => sum + (isObject(b) && typeof b.weight === 'number' ? b.weight : 0),
    0,
  );
  const at = `${pointer}/data/branches`;
  const itemAt = (i: number) => `${at}/${i}`;
  const write = (next: unknown[], field: string) =>
    onChange({ branches: next } as NodeData<'split'>, field);
  const setWeight = (i: number, weight: number | undefined) =>
    write(
      branches.map((b, j) => (j === i ? withKey(pick(b, ['id', 'weight']), 'weight', weight) : b)),
      `branches.${ids[i] || i}.weight`,
    );
  const listProblems = problemsAt(problems, at, true);
  const validatorSaysSum = listProblems.some((p) => p.code === 'split_weights');

  return (
    <div className="logic-form">
      <StepProblems problems={problems} pointer={pointer} claimed={[at]} />
      <FieldGroup legend={t('logic.split.branches')}>
        <ol className="logic-list">
          {branches.map((b, i) => {
            const name = ids[i] || `#${i + 1}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat or lack in a broken file
              <li key={i}>
                <FieldGroup legend={t('logic.split.branch', { id: name })}>
                  <div className="logic-row">
                    <IntegerField
                      label={t('logic.split.weight')}
                      pointer={`${itemAt(i)}/weight`}
                      problems={problemsAt(problems, `${itemAt(i)}/weight`)}
                      value={isObject(b) ? b.weight : undefined}
                      width={4}
                      onChange={(weight) => setWeight(i, weight)}
                    />
                    <button
                      type="button"
                      className="button logic-remove"
                      aria-label={t('logic.split.removeBranch', { id: name })}
                      disabled={branches.length <= MIN}
                      onClick={() =>
                        write(
                          branches.filter((_, j) => j !== i),
                          actionName(at, 'remove'),
                        )
                      }
                    >
                      {t('logic.remove')}
                    </button>
                  </div>
                  <ProblemList
                    problems={unclaimed(problemsAt(problems, itemAt(i)), [`${itemAt(i)}/weight`])}
                  />
                </FieldGroup>
              </li>
            );
          })}
        </ol>
        <p
          className={`logic-total${total === 100 ? '' : ' logic-total--off'}`}
          role="status"
          data-testid="split-total"
        >
          {t('logic.split.total', { total })}
          {total !== 100 && !validatorSaysSum && (
            <span className="field__hint"> {t('logic.split.notHundred', { total })}</span>
          )}
        </p>
        <ProblemList problems={listProblems} />
        <div className="logic-actions">
          <button
            type="button"
            className="button"
            disabled={branches.length >= MAX}
            onClick={() =>
              write([...branches, { id: nextBranchId(ids), weight: 0 }], actionName(at, 'add'))
            }
          >
            + {t('logic.split.add')}
          </button>
          <button
            type="button"
            className="button"
            disabled={branches.length === 0}
            onClick={() => {
              const weights = evenWeights(branches.length);
              write(
                branches.map((b, i) => ({ ...pick(b, ['id', 'weight']), weight: weights[i] })),
                actionName(at, 'even'),
              );
            }}
          >
            {t('logic.split.even')}
          </button>
        </div>
      </FieldGroup>
    </div>
  );
}
