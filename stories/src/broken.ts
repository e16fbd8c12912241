import { type Problem, validateSequence } from '@nudge/schema';

/**
 * Small broken sequences for the stories "with an error": the problems a story shows are what
 * validateSequence says about the step today, not a copy of its words that ages.
 */

/** A node as written in a sequence file. */
export interface FileNode {
  id: string;
  type: string;
  data: unknown;
}

export interface FileEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
}

export interface StorySequence {
  format: 'nudge.sequence/v1';
  name: string;
  nodes: FileNode[];
  edges: FileEdge[];
}

/** The entry most sequences here start from. */
export const ENTRY: FileNode = {
  id: 'start',
  type: 'entry',
  data: { triggers: [{ kind: 'manual' }] },
};

export function sequenceOf(nodes: FileNode[], edges: FileEdge[] = []): StorySequence {
  return { format: 'nudge.sequence/v1', name: 'Story', nodes, edges };
}

/** The node with this id, as the validator read it. */
export function nodeOf(sequence: StorySequence, id: string): FileNode {
  const node = sequence.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`the story's sequence has no node "${id}"`);
  return node;
}

/** What the validator says about one step (errors, then warnings); at least one problem. */
export function problemsAbout(sequence: StorySequence, id: string): Problem[] {
  const { errors, warnings } = validateSequence(sequence);
  const about = [...errors, ...warnings].filter((p) => p.nodeId === id);
  if (about.length === 0)
    throw new Error(
      `the validator reports nothing about "${id}" in this story's sequence (it reports ${JSON.stringify(
        errors.map((p) => p.code),
      )}): change the sequence so it shows what the story means to`,
    );
  return about;
}
