import { depthExceededAt, FORMAT_V1, LIMITS, migrate, parseJson } from '@nudge/schema';
import { CLIPBOARD_FORMAT, type Clipboard, isCopyable } from './clipboard.ts';
import { isObject, isPosition } from './read.ts';
import { type Refusal, refuse } from './refusal.ts';

/**
 * Reads pasted text: steps copied in Nudge ("nudge.steps/v1"), or a whole sequence file
 * (its steps but the entry, and the edges between them). Anything else is refused
 * 'not_steps', saying what it is. Bounded like a file: at most LIMITS.fileBytes, nesting and
 * steps as a file may have.
 */
export function readClipboard(text: string): Clipboard | Refusal {
  if (typeof text !== 'string' || text.trim() === '') return notSteps('the clipboard is empty');
  const bytes = utf8Bytes(text);
  if (bytes > LIMITS.fileBytes)
    return notSteps(
      `the pasted text is ${megabytes(bytes)} MB; a sequence is at most ${megabytes(LIMITS.fileBytes)} MB`,
    );
  if (depthExceededAt(text, LIMITS.jsonDepth) >= 0)
    return notSteps(`the pasted JSON nests deeper than ${LIMITS.jsonDepth} levels`);
  const parsed = parseJson(text);
  if (!parsed.ok) return notSteps('the pasted text is not JSON, so it holds no Nudge steps');
  const value = parsed.value;
  if (!isObject(value))
    return notSteps('the pasted JSON is not Nudge steps or a Nudge sequence (not an object)');
  const source = value.format === CLIPBOARD_FORMAT ? { file: value } : sequenceFile(value);
  if ('refused' in source) return source;
  const { nodes, edges } = source.file;
  if (!Array.isArray(nodes))
    return notSteps(`the pasted "${CLIPBOARD_FORMAT}" has no list of "nodes"`);
  if (nodes.length > LIMITS.nodes)
    return notSteps(
      `the pasted JSON has ${nodes.length} steps; a sequence has at most ${LIMITS.nodes}`,
    );
  const steps = nodes.filter(isCopyable).map(({ id, type, position, data }) => ({
    id,
    type,
    ...(isPosition(position) ? { position: { x: position.x, y: position.y } } : {}),
    data,
  })) as Clipboard['nodes'];
  if (steps.length === 0) return notSteps('the pasted JSON holds no steps to paste');
  const ids = new Set(steps.map((s) => s.id));
  const links = (Array.isArray(edges) ? edges : []).flatMap((e: unknown) =>
    isObject(e) &&
    typeof e.id === 'string' &&
    typeof e.source === 'string' &&
    typeof e.target === 'string' &&
    ids.has(e.source) &&
    ids.has(e.target) &&
    (e.sourceHandle === undefined || typeof e.sourceHandle === 'string')
      ? [
          {
            id: e.id,
            source: e.source,
            target: e.target,
            ...(typeof e.sourceHandle === 'string' ? { sourceHandle: e.sourceHandle } : {}),
          },
        ]
      : [],
  );
  return { format: CLIPBOARD_FORMAT, nodes: steps, edges: links };
}

/** A sequence file in the current format, or why the JSON is not one. */
function sequenceFile(value: Record<string, unknown>): { file: Record<string, unknown> } | Refusal {
  const format = value.format;
  if (typeof format === 'string' && format.startsWith('nudge.sequence/')) {
    const migrated = migrate(value);
    return migrated.ok ? { file: migrated.value } : notSteps(migrated.problem.message);
  }
  if (format === undefined)
    return notSteps(
      `the pasted JSON has no "format": Nudge pastes steps ("${CLIPBOARD_FORMAT}") and sequences ("${FORMAT_V1}")`,
    );
  return notSteps(
    `the pasted JSON is in the format ${JSON.stringify(format).slice(0, 80)}: Nudge pastes steps ("${CLIPBOARD_FORMAT}") and sequences ("${FORMAT_V1}")`,
  );
}

function notSteps(message: string): Refusal {
  return refuse('not_steps', message);
}

/** UTF-8 bytes of a text, counted without encoding it: a pasted text may be large. */
function utf8Bytes(text: string): number {
  if (text.length > LIMITS.fileBytes) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
