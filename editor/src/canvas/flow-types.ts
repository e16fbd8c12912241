import type { Edge, Node } from '@xyflow/react';
import type { TargetProblems } from '../problems/by-target.ts';
import type { FileLink, FileStep } from '../sequence/file.ts';

/** What a step component gets: the node as read from the file and the problems naming it. */
export interface StepData extends Record<string, unknown> {
  step: FileStep;
  problems: TargetProblems;
  /** Handles that links use but the step doesn't have, drawn so those links show. */
  stray: StrayHandles;
}

export interface StrayHandles {
  /** Outgoing handles beyond the type's own (null: a link without a handle on a branching step). */
  sources: Array<string | null>;
  /** An incoming handle on a step that takes none (links into the entry). */
  target: boolean;
}

/**
 * A node on the canvas; its React Flow type is the step's type ('unknown' for types we don't
 * know), its id the step's canvas key (its file id, unless another node has that id first).
 */
export type StepFlowNode = Node<StepData, FileStep['type']>;

export interface LinkData extends Record<string, unknown> {
  link: FileLink;
  problems: TargetProblems;
}

/** An edge on the canvas; its id is the link's canvas key. */
export type LinkFlowEdge = Edge<LinkData>;
