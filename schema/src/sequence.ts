import { type Static, Type } from '@sinclair/typebox';
import { FORMAT_V1, LIMITS } from './format.ts';
import { NodeSchema, type SequenceNode } from './nodes.ts';
import { NodeId, SequenceId } from './primitives.ts';
import { RuleDefinition } from './rule.ts';
import { type Settings, SettingsSchema } from './settings.ts';

/*
 * Glossary
 * - sequence: a directed acyclic graph of steps that enrolled contacts walk through.
 * - node (step): one place in the graph: the entry, a message, a task, a delay, a branch.
 * - edge: a link from a node's handle to the next node.
 * - handle: where an edge leaves a node; branching nodes name theirs (yes/no, met/timeout,
 *   a split's branch ids), other nodes have one unnamed handle, exit has none.
 * - enrollment: one contact's walk through one version of a sequence.
 * - send window: the local hours and days in which automatic sends may go out.
 */

export const EdgeSchema = Type.Object(
  {
    id: NodeId,
    source: { ...NodeId, description: 'the id of the node the edge leaves' },
    target: { ...NodeId, description: 'the id of the node the edge enters' },
    sourceHandle: Type.Optional({
      ...NodeId,
      description:
        'the handle of a branching node: yes/no (condition), met/timeout (wait_for) or a branch id (split); absent for other nodes',
    }),
  },
  { additionalProperties: false },
);
export type SequenceEdge = Static<typeof EdgeSchema>;

export interface Sequence {
  format: typeof FORMAT_V1;
  id?: string;
  name: string;
  description?: string;
  settings?: Settings;
  nodes: SequenceNode[];
  edges: SequenceEdge[];
}

/** The JSON Schema of a v1 sequence file, as emitted to `schema/sequence.schema.json`. */
export const sequenceJsonSchema: Record<string, unknown> = JSON.parse(
  JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://nudge.dev/schema/sequence/v1.json',
    title: 'Nudge sequence (format v1)',
    description:
      'A follow-up sequence: a directed acyclic graph of steps with one entry. Graph rules (one entry, no cycles, every node reachable, handles, threaded emails) are checked by `nudge validate` beyond this schema.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'name', 'nodes', 'edges'],
    properties: {
      format: { const: FORMAT_V1, description: `the format version: "${FORMAT_V1}"` },
      id: { ...SequenceId, description: 'the sequence id (optional on import)' },
      name: Type.String({ minLength: 1, maxLength: 200, description: 'the sequence name' }),
      description: Type.String({ maxLength: 2000, description: 'what the sequence is for' }),
      settings: SettingsSchema,
      nodes: Type.Array(NodeSchema, { maxItems: LIMITS.nodes }),
      edges: Type.Array(EdgeSchema, { maxItems: LIMITS.edges }),
    },
    $defs: { rule: RuleDefinition },
  }),
);
