import { SequenceSettingsForm, type SequenceSettingsFormProps } from '@nudge/editor';
import { validateSequence } from '@nudge/schema';
import { useState } from 'react';

type Fields = SequenceSettingsFormProps['sequence'];

/** The sequence a story's fields stand in: an entry step and one email to name in rules. */
export const STEPS = [
  { id: 'start', type: 'entry' },
  { id: 'welcome', type: 'email' },
];

/** The validator's problems (errors, then warnings) of a sequence with these fields. */
export function problemsOf(fields: Fields) {
  const { errors, warnings } = validateSequence({
    format: 'nudge.sequence/v1',
    ...fields,
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'welcome',
        type: 'email',
        data: { subject: 'Hi', body: 'Hi {{고객명}}', format: 'text', mode: 'auto' },
      },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
  });
  return [...errors, ...warnings];
}

/**
 * The form in a side panel, its sequence kept here as the editor's store keeps it: each change
 * goes to the story's onChange (to assert on), is applied (a key given as undefined leaves)
 * and is validated again, so the form shows the problems of what was typed.
 */
export function SettingsFrame(props: SequenceSettingsFormProps) {
  const [sequence, setSequence] = useState(props.sequence);
  const [problems, setProblems] = useState(props.problems);
  return (
    <section aria-label="Sequence settings" style={{ width: 380, padding: 12 }}>
      <SequenceSettingsForm
        sequence={sequence}
        problems={problems}
        context={props.context}
        onChange={(fields, field) => {
          props.onChange(fields, field);
          const next: Record<string, unknown> = { ...sequence, ...fields };
          for (const [key, value] of Object.entries(fields))
            if (value === undefined) delete next[key];
          setSequence(next);
          setProblems(problemsOf(next));
        }}
      />
    </section>
  );
}
