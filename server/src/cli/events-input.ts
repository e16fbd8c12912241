import { EVENT_TYPES, type EventType, type ScriptedEvent } from '@nudge/runtime/core';
import { INSTANT_EXAMPLE, parseInstant } from './instant.ts';

/**
 * The events file of `nudge simulate` (FORMAT.md section 6): a JSON array of
 * `{ "at", "type", "node"?, "name"? }`. Each problem names the event by its index,
 * `[2].at is not an ISO 8601 time …`; the caller puts the file in front. Times are passed on
 * in UTC, so that the simulator never has to guess an offset.
 */
export type CheckedEvents =
  | { ok: true; events: ScriptedEvent[] }
  | { ok: false; problems: string[] };

const ALLOWED = ['at', 'type', 'node', 'name'];
const EXAMPLE = `{"at": "${INSTANT_EXAMPLE}", "type": "opened", "node": "welcome"}`;

/**
 * `nodeIds`: the sequence's node ids, so that a misspelt `node` is caught rather than never
 * matching; null when there is no valid sequence to check against.
 */
export function checkEvents(value: unknown, nodeIds: ReadonlySet<string> | null): CheckedEvents {
  if (!Array.isArray(value))
    return { ok: false, problems: [`events are a JSON array such as [${EXAMPLE}]`] };
  const problems: string[] = [];
  const events: ScriptedEvent[] = [];
  for (const [index, item] of value.entries()) {
    const checked = checkEvent(item, `[${index}]`, nodeIds);
    if ('problems' in checked) problems.push(...checked.problems);
    else events.push(checked.event);
  }
  return problems.length ? { ok: false, problems } : { ok: true, events };
}

function checkEvent(
  item: unknown,
  name: string,
  nodeIds: ReadonlySet<string> | null,
): { event: ScriptedEvent } | { problems: string[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { problems: [`${name} must be an object such as ${EXAMPLE}`] };
  const event = item as Record<string, unknown>;
  const problems = Object.keys(event)
    .filter((key) => !ALLOWED.includes(key))
    .map((key) => `${name}: unknown property "${key}" (allowed: ${ALLOWED.join(', ')})`);

  const at = typeof event.at === 'string' ? parseInstant(event.at) : undefined;
  if (!Object.hasOwn(event, 'at')) problems.push(`${name}.at is required`);
  else if (at === undefined)
    problems.push(
      `${name}.at is not an ISO 8601 time with an offset or Z, such as "${INSTANT_EXAMPLE}"`,
    );

  const type = event.type;
  const known = typeof type === 'string' && (EVENT_TYPES as readonly string[]).includes(type);
  if (!Object.hasOwn(event, 'type')) problems.push(`${name}.type is required`);
  else if (!known)
    problems.push(
      `${name}.type must be one of ${EVENT_TYPES.join(', ')} (found ${JSON.stringify(type)})`,
    );

  const { node, name: eventName } = event;
  if (node !== undefined) {
    if (typeof node !== 'string') problems.push(`${name}.node must be a node id (a string)`);
    else if (nodeIds && !nodeIds.has(node))
      problems.push(`${name}.node ${JSON.stringify(node)} is not a node of the sequence`);
  }
  if (eventName !== undefined && typeof eventName !== 'string')
    problems.push(`${name}.name must be a string`);
  else if (type === 'custom' && !eventName)
    problems.push(`${name}.name is required for a custom event`);
  else if (known && type !== 'custom' && eventName !== undefined)
    problems.push(`${name}.name is only for custom events (this one is ${JSON.stringify(type)})`);

  if (problems.length || at === undefined) return { problems };
  return {
    event: {
      at: new Date(at).toISOString(),
      type: type as EventType,
      ...(typeof node === 'string' ? { node } : {}),
      ...(typeof eventName === 'string' ? { name: eventName } : {}),
    },
  };
}
