import { messageForms, type StepForm } from '@nudge/editor';
import { type NodeType, type Problem, validateSequence } from '@nudge/schema';
import { useState } from 'react';

export type MessageType = 'email' | 'sms' | 'kakao' | 'task';

export interface MessageFormFrameProps {
  type: MessageType;
  /** The step's data as the document holds it. */
  data: unknown;
  /** Every change the form makes: its data and the field it names. */
  onChange(data: unknown, field: string): void;
  /** The sequence's merge-variable aliases (settings.variables). */
  variables?: Record<string, string>;
  /** An email step before this one, so that an email without subject has a thread to reply in. */
  afterEmail?: boolean;
}

const STEP_ID = 'step-1';

/**
 * A small sequence holding the step: the entry, an email first when asked, then the step.
 * What the form shows as problems is what validateSequence says about it there.
 */
export function sequenceWith(
  props: Pick<MessageFormFrameProps, 'type' | 'data' | 'afterEmail' | 'variables'>,
) {
  const before = props.afterEmail
    ? [
        {
          id: 'intro',
          type: 'email',
          data: {
            subject: '넛지 소개',
            body: '안녕하세요 {{고객명}}님',
            format: 'text',
            mode: 'auto',
          },
        },
      ]
    : [];
  const nodes = [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    ...before,
    { id: STEP_ID, type: props.type, data: props.data },
  ];
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i + 1}`,
    source: nodes[i]?.id ?? 'start',
    target: node.id,
  }));
  return {
    format: 'nudge.sequence/v1',
    name: 'Story',
    ...(props.variables ? { settings: { variables: props.variables } } : {}),
    nodes,
    edges,
  };
}

/** The validator's problems (errors, then warnings) about the step, and its pointer. */
export function problemsOfStep(props: Parameters<typeof sequenceWith>[0]): {
  problems: Problem[];
  pointer: string;
} {
  const sequence = sequenceWith(props);
  const pointer = `/nodes/${sequence.nodes.length - 1}`;
  const { errors, warnings } = validateSequence(sequence);
  const problems = [...errors, ...warnings].filter(
    (p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`),
  );
  return { problems, pointer };
}

/**
 * The step's form in a panel-wide column, its data kept here as the editor's store keeps it:
 * each change goes to the story's onChange (to assert on), is applied and validated again, so
 * the form shows the problems of what was typed, live.
 */
export function MessageFormFrame(props: MessageFormFrameProps) {
  const [data, setData] = useState<unknown>(props.data);
  const { problems, pointer } = problemsOfStep({ ...props, data });
  const Form = messageForms[props.type as NodeType] as StepForm | undefined;
  if (!Form) throw new Error(`no message form for ${props.type}`);
  return (
    <section aria-label="Step settings" style={{ width: 380, padding: 12 }}>
      <Form
        step={{ id: STEP_ID, type: props.type, data }}
        pointer={pointer}
        problems={problems}
        context={{
          steps: sequenceWith({ ...props, data }).nodes,
          variables: props.variables ?? {},
        }}
        onChange={(next, field) => {
          props.onChange(next, field);
          setData(next);
        }}
      />
    </section>
  );
}
