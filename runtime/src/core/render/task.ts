import type { NodeData } from '@nudge/schema';
import type { MergeContext } from './context.ts';
import { guarded } from './run-job.ts';
import { type Rendered, renderField } from './template.ts';

export interface RenderedTask {
  title: string;
  note?: string;
  /** An email address, or null when nobody is known. */
  assignee: string | null;
}

/** A task step (renderTaskHere), under the host's render guard if it set one (guard.ts). */
export function renderTask(data: NodeData<'task'>, context: MergeContext): Rendered<RenderedTask> {
  return guarded({ kind: 'task', data, context });
}

/** A task step: title and note as text; `assignee: "owner"` (or none) is the contact's owner. */
export function renderTaskHere(
  data: NodeData<'task'>,
  context: MergeContext,
): Rendered<RenderedTask> {
  const title = renderField('title', data.title, context);
  const warnings = [...title.warnings];
  const note = data.note !== undefined ? renderField('note', data.note, context) : null;
  if (note) warnings.push(...note.warnings);
  const ownerEmail = context.contact.owner?.email ?? null;
  let assignee: string | null;
  if (data.assignee === 'owner') {
    assignee = ownerEmail;
    if (!assignee)
      warnings.push(
        "assignee: the contact's owner has no email address, so the task is unassigned",
      );
  } else assignee = data.assignee ?? ownerEmail;
  return {
    value: { title: title.text, ...(note ? { note: note.text } : {}), assignee },
    warnings,
  };
}
