import { logicForms, type StepForm } from '@nudge/editor';
import { type NodeType, type Problem, validateSequence } from '@nudge/schema';
import { useState } from 'react';

export type LogicType =
  | 'entry'
  | 'delay'
  | 'condition'
  | 'wait_for'
  | 'split'
  | 'update_contact'
  | 'exit';

export interface LogicFormFrameProps {
  type: LogicType;
  /** The step's data as the document holds it. */
  data: unknown;
  /** Every change the form makes: its data and the field it names. */
  onChange(data: unknown, field: string): void;
}

const STEP_ID = 'step-1';

/**
 * A small sequence holding the step: the entry, an email and an SMS (whose events rules can
 * name), then the step. An entry step is the sequence's entry itself, followed by an exit.
 */
export function sequenceWith(type: LogicType, data: unknown) {
  const step = { id: STEP_ID, type, data };
  const nodes =
    type === 'entry'
      ? [step, { id: 'bye', type: 'exit', data: {} }]
      : [
          { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
          {
            id: 'welcome',
            type: 'email',
            data: {
              subject: '{{고객명}}님, 반갑습니다',
              body: '안녕하세요',
              format: 'text',
              mode: 'auto',
            },
          },
          { id: 'reminder', type: 'sms', data: { body: '[넛지] 확인 부탁드립니다', mode: 'auto' } },
          step,
        ];
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i + 1}`,
    source: nodes[i]?.id ?? STEP_ID,
    target: node.id,
  }));
  return { format: 'nudge.sequence/v1', name: 'Story', nodes, edges };
}

/** What validateSequence says about the step there (errors, then warnings), and its pointer. */
export function problemsOfStep(
  type: LogicType,
  data: unknown,
): { problems: Problem[]; pointer: string } {
  const sequence = sequenceWith(type, data);
  const pointer = `/nodes/${sequence.nodes.findIndex((n) => n.id === STEP_ID)}`;
  const { errors, warnings } = validateSequence(sequence);
  const problems = [...errors, ...warnings].filter(
    (p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`),
  );
  return { problems, pointer };
}

/**
 * The step's form in a panel-wide column, its data kept here as the editor's store keeps it:
 * each change goes to the story's onChange (to assert on), is applied and validated again, so
 * the form shows the problems of the data as it is, live.
 */
export function LogicFormFrame(props: LogicFormFrameProps) {
  const [data, setData] = useState<unknown>(props.data);
  const { problems, pointer } = problemsOfStep(props.type, data);
  const Form = logicForms[props.type as NodeType] as StepForm | undefined;
  if (!Form) throw new Error(`no logic form for ${props.type}`);
  return (
    <section aria-label="Step settings" style={{ width: 420, padding: 12 }}>
      <Form
        step={{ id: STEP_ID, type: props.type, data }}
        pointer={pointer}
        problems={problems}
        context={{
          steps: sequenceWith(props.type, data).nodes.map(({ id, type }) => ({ id, type })),
          variables: {},
        }}
        onChange={(next, field) => {
          props.onChange(next, field);
          setData(next);
        }}
      />
    </section>
  );
}
