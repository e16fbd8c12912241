import { type FileStep, isObject, readSteps, type SequenceFile } from '../sequence/file.ts';
import type { PublishPreview } from './api.ts';

/**
 * What the publish dialog shows, read from the API's publish preview: the steps added, removed
 * and changed against the published version, how many enrollees wait at each removed or
 * changed step, and the `migrate` mapping the person's choices make.
 *
 * Waiting enrollees move to the new version only when the publish sends a mapping (FORMAT.md:
 * same id = same place, the mapping says where a removed step's enrollees go); without one
 * everyone stays on the version they are on.
 */

export interface PlannedStep {
  id: string;
  /** The step as the version that has it holds it: for its type and its summary. */
  step: FileStep | undefined;
  type: string;
  /** Enrollees waiting at it, in any version. */
  waiting: number;
  /** For a changed step: what changed (the last part of each pointer: subject, body...). */
  fields: string[];
}

export interface PublishPlan {
  /** Nothing is published yet: this is version 1. */
  first: boolean;
  /** The version publishing makes. */
  version: number;
  publishedVersion: number | null;
  /** The draft is the published version exactly. */
  same: boolean;
  added: PlannedStep[];
  removed: PlannedStep[];
  changed: PlannedStep[];
  /** Steps only moved on the canvas: no change for the people in the sequence. */
  movedOnly: number;
  /** Links added, removed or rewired. */
  links: number;
  settings: boolean;
  renamed: boolean;
  /** Enrollees in the sequence, on any version. */
  waitingTotal: number;
  /** Of those, waiting at steps the published version no longer has (older versions). */
  waitingElsewhere: number;
  /** The counts stopped at the server's cap: each is at least what it says. */
  capped: boolean;
}

export function planPublish(preview: PublishPreview, draft?: SequenceFile): PublishPlan {
  const { published, changes, waiting } = preview;
  // Added steps are shown as the draft has them (a delay says how long), removed ones as the
  // published version had them.
  const after = stepsById(draft);
  const waitingAt = (id: string) =>
    waiting.filter((w) => w.node === id).reduce((sum, w) => sum + w.count, 0);
  const before = stepsById(published?.definition);
  const planned = (ref: { id: string; type: string }, step: FileStep | undefined, fields = []) => ({
    id: ref.id,
    type: ref.type,
    step,
    waiting: waitingAt(ref.id),
    fields: fields as string[],
  });
  const real = changes?.steps.changed.filter((c) => !c.positionOnly) ?? [];
  const waitingTotal = waiting.reduce((sum, w) => sum + w.count, 0);
  return {
    first: published === null,
    version: (published?.version ?? 0) + 1,
    publishedVersion: published?.version ?? null,
    same: changes?.equal ?? false,
    added: (changes?.steps.added ?? []).map((ref) => planned(ref, after.get(ref.id))),
    removed: (changes?.steps.removed ?? []).map((ref) => planned(ref, before.get(ref.id))),
    changed: real.map((c) => ({ ...planned(c, before.get(c.id)), fields: fieldNames(c.fields) })),
    movedOnly: (changes?.steps.changed.length ?? 0) - real.length,
    links: changes
      ? changes.edges.added.length + changes.edges.removed.length + changes.edges.rewired.length
      : 0,
    settings: (changes?.settings.length ?? 0) > 0,
    renamed: changes?.name != null || changes?.description != null,
    waitingTotal,
    waitingElsewhere: waiting
      .filter((w) => w.node !== null && published !== null && !before.has(w.node))
      .reduce((sum, w) => sum + w.count, 0),
    capped: preview.waitingCapped === true,
  };
}

const MESSAGE_TYPES = new Set(['email', 'sms', 'kakao']);

/**
 * The draft's steps a removed step's enrollees can be moved to, as the runtime moves them
 * (runtime/src/core/move.ts): one waiting out a delay goes to a delay, one waiting for an event
 * to a wait for, one waiting for the send window to a message sent automatically. A task waits
 * for its completion under its own id: its enrollees can only stay.
 */
export function targetsFor(removed: PlannedStep, draft: FileStep[]): FileStep[] {
  const type = removed.type;
  return draft.filter((step) => {
    if (type === 'delay' || type === 'wait_for') return step.type === type;
    if (MESSAGE_TYPES.has(type))
      return (
        MESSAGE_TYPES.has(step.type) && isObject(step.data) && (step.data.mode ?? 'auto') === 'auto'
      );
    return false;
  });
}

/** The steps a choice is asked for: removed, with enrollees waiting there. */
export function stepsToMap(plan: PublishPlan): PlannedStep[] {
  return plan.removed.filter((s) => s.waiting > 0);
}

/**
 * The `migrate` to send: none when nobody is to move (or nothing was published: nobody is in
 * the sequence); else each removed step mapped to the draft step chosen for it. Removed steps
 * left out stay on their version, as the server then reports.
 */
export function migrateOf(
  plan: PublishPlan,
  move: boolean,
  choices: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  if (plan.first || !move) return undefined;
  const removed = new Set(plan.removed.map((s) => s.id));
  return Object.fromEntries(
    Object.entries(choices).filter(([from, to]) => removed.has(from) && to !== ''),
  );
}

function stepsById(definition: SequenceFile | undefined): Map<string, FileStep> {
  const steps = new Map<string, FileStep>();
  if (definition)
    for (const step of readSteps(definition)) if (!steps.has(step.id)) steps.set(step.id, step);
  return steps;
}

/** `/data/subject`, `/data/buttons/0/url` → subject, buttons; where it is placed is left out. */
function fieldNames(pointers: string[]): string[] {
  const names = pointers
    .filter((p) => !p.startsWith('/position'))
    .map((p) => {
      const parts = p.split('/').filter(Boolean);
      return parts[0] === 'data' && parts[1] !== undefined ? parts[1] : (parts[0] ?? '');
    })
    .map((name) => name.replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter(Boolean);
  return [...new Set(names)];
}
