import {
  consentsToNightAds,
  isTimeZone,
  type NodeType,
  type Problem,
  problemMessage,
  type ResolvedSettings,
  resolveSettings,
  type Sequence,
  type SequenceNode,
  validateSequence,
} from '@nudge/schema';
import { isHolidayCountry, type SendPolicy, sendPolicy } from './policy/index.ts';
import type { Contact, Sender } from './types.ts';

/** A node with its outgoing edges indexed by handle (null for the one unnamed handle). */
export interface CompiledNode {
  node: SequenceNode;
  next: ReadonlyMap<string | null, string>;
}

/** A validated sequence indexed for the interpreter: compile once per version, advance often. */
export interface CompiledSequence {
  sequence: Sequence;
  settings: ResolvedSettings;
  entry: string;
  nodes: ReadonlyMap<string, CompiledNode>;
  /** The sequence's sender, else the workspace default given to `compile`. */
  sender: Sender | null;
}

export class CompileError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[]) {
    super(message);
    this.name = 'CompileError';
    this.problems = problems;
  }
}

export interface CompileOptions {
  /** The workspace's default sender, used when `settings.sender` is absent. */
  sender?: Sender | null;
}

const cache = new WeakMap<Sequence, CompiledSequence>();

/**
 * Checks and indexes a sequence. It must pass `validateSequence`, and every holiday country
 * must have a calendar: the runtime refuses what it can't run faithfully, with the same
 * problems (pointer, node id) the validator gives. Cached per sequence object.
 */
export function compile(sequence: Sequence, options: CompileOptions = {}): CompiledSequence {
  const cached = options.sender === undefined ? cache.get(sequence) : undefined;
  if (cached) return cached;
  // A stored version: one published before a limit on authoring was added still runs.
  const result = validateSequence(sequence, { stored: true });
  const problems = result.errors.slice();
  const settings = resolveSettings(sequence.settings);
  settings.holidays.forEach((country, i) => {
    if (!isHolidayCountry(country))
      problems.push({
        severity: 'error',
        code: 'invalid_value',
        // Params as the validator's problems have them: the editor says it in Korean too.
        params: { kind: 'holiday_calendar', country },
        message: problemMessage('invalid_value', { kind: 'holiday_calendar', country }),
        pointer: `/settings/holidays/${i}`,
      });
  });
  if (problems.length > 0)
    throw new CompileError(
      `the sequence can't run: ${problems
        .slice(0, 3)
        .map((p) => `${p.pointer || '/'}: ${p.message}`)
        .join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
      problems,
    );

  const next = new Map<string, Map<string | null, string>>();
  for (const node of sequence.nodes) next.set(node.id, new Map());
  for (const edge of sequence.edges)
    next.get(edge.source)?.set(edge.sourceHandle ?? null, edge.target);
  const nodes = new Map<string, CompiledNode>();
  for (const node of sequence.nodes)
    nodes.set(node.id, { node, next: next.get(node.id) ?? new Map() });
  const entry = sequence.nodes.find((n) => n.type === 'entry')?.id as string;
  const compiled: CompiledSequence = {
    sequence,
    settings,
    entry,
    nodes,
    sender: settings.sender
      ? { name: settings.sender.name, email: settings.sender.email, ...replyTo(settings) }
      : (options.sender ?? null),
  };
  if (options.sender === undefined) cache.set(sequence, compiled);
  return compiled;
}

const replyTo = (settings: ResolvedSettings) =>
  settings.sender?.replyTo ? { replyTo: settings.sender.replyTo } : {};

/** The enrollment's zone: the contact's when allowed and valid, else the sequence's. */
export function zoneOf(compiled: CompiledSequence, contact: Contact): string {
  const zone = contact.timezone;
  return compiled.settings.useContactTimezone && typeof zone === 'string' && isTimeZone(zone)
    ? zone
    : compiled.settings.timezone;
}

/** The send policy of an enrollment (memoised by the policy module). */
export function policyOf(compiled: CompiledSequence, contact: Contact): SendPolicy {
  return sendPolicy({
    zone: zoneOf(compiled, contact),
    schedule: compiled.settings.schedule,
    holidays: compiled.settings.holidays,
    quietNights: compiled.settings.advertising && !consentsToNightAds(contact),
  });
}

export function nodeOf(compiled: CompiledSequence, id: string): CompiledNode {
  const node = compiled.nodes.get(id);
  if (!node) throw new Error(`the sequence has no node "${id}"`);
  return node;
}

export type { NodeType };
