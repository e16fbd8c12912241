import { type EdgeRef, pointerTokens, type SequenceDiff } from '@nudge/schema';
import { type CliIo, paint } from './io.ts';
import { clean } from './report.ts';

type Json = Record<string, unknown>;

/**
 * The readable form of a diff, one line per difference: `+` added, `-` removed, `~` changed,
 * each changed field under its step with the value before and after. Moves on the canvas are
 * listed apart, as they change nothing for the people a sequence writes to.
 */
export function formatDiff(
  diff: SequenceDiff,
  files: { a: string; b: string; before: Json; after: Json },
  io: Pick<CliIo, 'color'>,
): string {
  const [green, red, yellow, dim] = (['green', 'red', 'yellow', 'dim'] as const).map((style) =>
    paint(io, style),
  ) as [Paint, Paint, Paint, Paint];
  const a = clean(files.a);
  const b = clean(files.b);
  if (diff.equal) return `${a} and ${b}: the same sequence\n`;
  const lines: string[] = [dim(`--- ${a}`), dim(`+++ ${b}`)];
  const field = (pointer: string, before: unknown, after: unknown) =>
    `    ${clean(pointer || '/')}: ${show(at(before, pointer))} → ${show(at(after, pointer))}`;

  if (diff.name)
    lines.push(`${yellow('~')} name: ${show(diff.name.before)} → ${show(diff.name.after)}`);
  if (diff.description)
    lines.push(
      `${yellow('~')} description: ${show(diff.description.before)} → ${show(diff.description.after)}`,
    );
  if (diff.settings.length > 0) {
    lines.push(`${yellow('~')} settings`);
    for (const p of diff.settings)
      lines.push(field(p, files.before.settings, files.after.settings));
  }
  // The first node of an id, as diffSequences compares them.
  const nodes = (doc: Json) =>
    new Map(
      list(doc.nodes)
        .reverse()
        .map((n) => [String(n.id), n]),
    );
  const [oldNodes, newNodes] = [nodes(files.before), nodes(files.after)];
  for (const step of diff.steps.added) lines.push(`${green('+')} step ${stepName(step)}`);
  for (const step of diff.steps.removed) lines.push(`${red('-')} step ${stepName(step)}`);
  const moved = diff.steps.changed.filter((s) => s.positionOnly);
  for (const step of diff.steps.changed.filter((s) => !s.positionOnly)) {
    const type = step.typeBefore ? `${step.typeBefore} → ${step.type}` : step.type;
    lines.push(`${yellow('~')} step ${clean(step.id)} (${clean(type)})`);
    for (const p of step.fields) lines.push(field(p, oldNodes.get(step.id), newNodes.get(step.id)));
  }
  for (const edge of diff.edges.added) lines.push(`${green('+')} edge ${edgeName(edge)}`);
  for (const edge of diff.edges.removed) lines.push(`${red('-')} edge ${edgeName(edge)}`);
  for (const { before, after } of diff.edges.rewired)
    lines.push(
      `${yellow('~')} edge ${edgeName(before)}, now ${edgeName(after, after.id === before.id)}`,
    );
  for (const p of diff.other)
    lines.push(`${yellow('~')} ${field(p, files.before, files.after).trim()}`);
  if (moved.length > 0)
    lines.push(dim(`  moved on the canvas only: ${moved.map((s) => clean(s.id)).join(', ')}`));
  return `${lines.join('\n')}\n`;
}

/** A one-line count of the differences, for the end of the output. */
export function summary(diff: SequenceDiff): string {
  const count = (n: number, what: string) => (n > 0 ? [`${n} ${what}`] : []);
  const moved = diff.steps.changed.filter((s) => s.positionOnly).length;
  const parts = [
    ...count(diff.steps.added.length, 'added'),
    ...count(diff.steps.removed.length, 'removed'),
    ...count(diff.steps.changed.length - moved, 'changed'),
    ...count(moved, 'moved'),
  ];
  const edges = [
    ...count(diff.edges.added.length, 'added'),
    ...count(diff.edges.removed.length, 'removed'),
    ...count(diff.edges.rewired.length, 'rewired'),
  ];
  const all = [
    ...(parts.length > 0 ? [`steps: ${parts.join(', ')}`] : []),
    ...(edges.length > 0 ? [`edges: ${edges.join(', ')}`] : []),
    ...count(diff.settings.length, `setting${diff.settings.length === 1 ? '' : 's'} changed`),
    ...(diff.name ? ['renamed'] : []),
    ...count(diff.other.length, `other difference${diff.other.length === 1 ? '' : 's'}`),
  ];
  return all.join('; ');
}

type Paint = (text: string) => string;

function stepName(step: { id: string; type: string }): string {
  return `${clean(step.id)} (${clean(step.type)})`;
}

function edgeName(edge: EdgeRef, withoutId = false): string {
  const handle = edge.sourceHandle === undefined ? '' : ` [${clean(edge.sourceHandle)}]`;
  const ends = `${clean(edge.source)}${handle} → ${clean(edge.target)}`;
  return withoutId ? ends : `${clean(edge.id)}: ${ends}`;
}

/** The value at a JSON pointer, or undefined. */
function at(value: unknown, pointer: string): unknown {
  let here = value;
  for (const token of pointerTokens(pointer)) {
    if (typeof here !== 'object' || here === null || !Object.hasOwn(here, token)) return undefined;
    here = (here as Json)[token];
  }
  return here;
}

/** A value on one line, long ones cut: `"Hello {{고객명}}"`, `(none)`. */
function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = clean(JSON.stringify(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function list(value: unknown): Json[] {
  return Array.isArray(value)
    ? value.filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}
