import type { NodeType, Position, SequenceNode } from '@nudge/schema';
import { defaultData } from './default-data.ts';

/** A new step object, keys in the format's order; without a position, the canvas places it. */
export function newStep(id: string, type: NodeType, position?: Position): SequenceNode {
  return (
    position
      ? { id, type, position, data: defaultData(type) }
      : { id, type, data: defaultData(type) }
  ) as SequenceNode;
}
