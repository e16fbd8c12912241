import type { Sequence } from '@nudge/schema';
import { useSequence } from '../sequence/store.ts';
import type { PathLink } from './path.ts';

/** The open sequence when it can run (a valid file), else why not. */
export type Runnable =
  | { kind: 'ready'; sequence: Sequence; links: PathLink[]; entrySteps: string[]; steps: string[] }
  | { kind: 'nothing' }
  | { kind: 'invalid' };

export function useRunnable(): Runnable {
  const file = useSequence((s) => s.file);
  const errors = useSequence((s) => s.errors.length);
  const edges = useSequence((s) => s.edges);
  const nodes = useSequence((s) => s.nodes);
  if (!file) return { kind: 'nothing' };
  if (errors > 0) return { kind: 'invalid' };
  return {
    kind: 'ready',
    // The validator found no error: the file is a sequence.
    sequence: file as unknown as Sequence,
    links: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
    })),
    entrySteps: nodes.filter((n) => n.data.step.type === 'entry').map((n) => n.id),
    steps: nodes.filter((n) => n.data.step.type !== 'entry').map((n) => n.id),
  };
}
