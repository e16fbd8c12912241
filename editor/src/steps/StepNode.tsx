import type { Problem } from '@nudge/schema';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { StepFlowNode } from '../canvas/flow-types.ts';
import type { TargetProblems } from '../problems/by-target.ts';
import { problemTitle } from '../problems/title.ts';
import { acceptsEdges } from '../sequence/file.ts';
import { SimulationMark } from '../simulate/marks.tsx';
import { useStepMark } from '../simulate/store.ts';
import { useCardText } from './card-text.tsx';
import { type HandleLabel, handleLabels } from './handles.ts';
import { StepIcon } from './StepIcon.tsx';
import { summarizeStep } from './summary.ts';
import './step.css';

/**
 * The box of one step on the canvas, shared by every type: icon and colour, type label, node
 * id, a summary of its settings, and its handles (labelled when the step branches).
 *
 * Test hooks: the root has data-testid="step", data-type and data-state ("ok" | "warning" |
 * "error"); the problem count badge is data-testid="step-badge"; each branch handle's label
 * is data-testid="step-handle" with data-handle-id. React Flow's wrapper around it keeps
 * data-id (the node id) and gets the `selected` class. Drawn inside CardTextProvider.
 */
export const StepNode = memo(function StepNode({ id, data }: NodeProps<StepFlowNode>) {
  const { t } = useCardText();
  const mark = useStepMark(id);
  const { step, problems, stray } = data;
  const summary = summarizeStep(step, t);
  const state =
    problems.errors.length > 0 ? 'error' : problems.warnings.length > 0 ? 'warning' : 'ok';
  const messages = [...problems.errors, ...problems.warnings].map((p) => describe(p, t));
  return (
    <div
      className={`step step--${state}${mark.onPath ? ' step--on-path' : ''}${mark.here ? ' step--here' : ''}`}
      data-testid="step"
      data-type={step.type}
      data-state={state}
      title={messages.length > 0 ? messages.join('\n') : undefined}
    >
      {(acceptsEdges(step) || stray.target) && (
        <Handle
          type="target"
          position={Position.Top}
          className={acceptsEdges(step) ? undefined : 'step__handle--stray'}
        />
      )}
      <div className="step__head">
        <StepIcon type={step.type} />
        <span className="step__type">{t(`step.types.${step.type}`)}</span>
        <span className="step__id">{step.id}</span>
        <ProblemBadge problems={problems} t={t} />
      </div>
      <SimulationMark mark={mark} />
      {summary.length > 0 && (
        <div className="step__summary" title={summary.join('\n')}>
          {summary.map((line, i) => (
            // Lines can repeat (two identical triggers); their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      <StepHandles handles={handleLabels(step, t, stray.sources)} t={t} />
    </div>
  );
});

function ProblemBadge({ problems, t }: { problems: TargetProblems; t: TFunction }) {
  const errors = problems.errors.length;
  const count = errors > 0 ? errors : problems.warnings.length;
  if (count === 0) return null;
  const label = errors > 0 ? t('step.errors', { count }) : t('step.warnings', { count });
  const messages = (errors > 0 ? problems.errors : problems.warnings).map((p) => describe(p, t));
  return (
    <span
      className="step__badge"
      data-testid="step-badge"
      role="img"
      aria-label={`${label}: ${messages.join('; ')}`}
      title={messages.join('\n')}
    >
      {count}
    </span>
  );
}

/** A problem in a line: its title in the UI language, then the validator's message. */
function describe(problem: Problem, t: TFunction): string {
  return `${problemTitle(problem, t)}: ${problem.message}`;
}

/**
 * One plain handle at the bottom, or a row of labelled branch handles; none for exit.
 * Stray handles (used by links, unknown to the type) are drawn in red so those links show.
 */
function StepHandles({ handles, t }: { handles: HandleLabel[]; t: TFunction }) {
  const [first] = handles;
  if (!first) return null;
  if (handles.length === 1 && first.id === null && !first.stray)
    return <Handle type="source" position={Position.Bottom} />;
  return (
    <div className="step__branches">
      {handles.map((h) => (
        <div
          className={h.stray ? 'step__branch step__branch--stray' : 'step__branch'}
          key={h.id ?? ''}
        >
          <span
            className="step__branch-label"
            data-testid="step-handle"
            data-handle-id={h.id}
            data-stray={h.stray}
            title={h.stray ? `${h.label}: ${t('step.handles.strayHint')}` : h.label}
          >
            {h.label}
          </span>
          <Handle
            type="source"
            id={h.id ?? undefined}
            position={Position.Bottom}
            className={h.stray ? 'step__handle--stray' : undefined}
          />
        </div>
      ))}
    </div>
  );
}
