import type { NodeData, NodeType } from '@nudge/schema';

/**
 * The data of a new step of each type. A step is valid as added where a sensible value
 * exists (a delay of 1 day, a 50/50 split); where only the author can say what to write (an
 * email's body, a task's title), the text is left empty and the validator's problem points
 * at the field to fill. No prose is put in: the UI's language is not known here, and text
 * in the wrong language would be sent to contacts if left in.
 *
 * - email: subject '' is valid when an earlier email is on every path (it then replies in
 *   that thread, the usual follow-up); else the validator asks for a subject, at the field.
 *   The body is required: flagged until written.
 * - sms, kakao: body (and AlimTalk's template code) flagged until written.
 * - task: a call (the usual task of a sales sequence); its title flagged until written.
 * - update_contact: nothing to do yet, flagged ("must set at least 1 property") until a field
 *   or a tag is chosen, rather than a valid step that silently does nothing.
 * - entry, delay, condition, wait_for, split, exit: valid as they are.
 */
const DEFAULTS: { [T in NodeType]: () => NodeData<T> } = {
  entry: () => ({ triggers: [{ kind: 'manual' }] }),
  email: () => ({ subject: '', body: '', format: 'text', mode: 'auto' }),
  sms: () => ({ body: '', mode: 'auto' }),
  kakao: () => ({ templateCode: '', body: '', mode: 'auto' }),
  task: () => ({ kind: 'call', title: '' }),
  delay: () => ({ amount: 1, unit: 'days' }),
  condition: () => ({ rule: { event: 'opened' } }),
  wait_for: () => ({ rule: { event: 'opened' }, timeout: { amount: 3, unit: 'days' } }),
  split: () => ({
    branches: [
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ],
  }),
  update_contact: () => ({}),
  exit: () => ({ outcome: 'completed' }),
};

/** Fresh data (never shared between steps) for a new step of `type`. */
export function defaultData<T extends NodeType>(type: T): NodeData<T> {
  return (DEFAULTS[type] as () => NodeData<T>)();
}
