/**
 * A problem found in a sequence file. Every problem names where it is (a JSON pointer into
 * the file) and, when it concerns one, the node or edge by id, so that the CLI can print it,
 * the API can return it and the editor can select what it points at.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable, machine-readable code: see PROBLEM_CODES. */
  code: ProblemCode;
  /** One sentence a person can act on. */
  message: string;
  /** RFC 6901 JSON pointer into the file ('' is the whole file). */
  pointer: string;
  nodeId?: string;
  edgeId?: string;
  /**
   * The values the message names, by name: every problem the validator makes has them, and
   * its message is their English (problem-messages/en.ts), so a UI can say the same in its
   * language (problemText). Absent only from problems made before params existed.
   */
  params?: Record<string, string>;
}

/** Every code a problem can carry, with what it means. Kept in one place so docs and tests can list them. */
export const PROBLEM_CODES = {
  // The file as a whole
  not_an_object: 'the file is not a JSON object',
  unsupported_format: 'the `format` is missing or is not a version this Nudge reads',
  too_deep: 'the JSON nests deeper than Nudge accepts',
  too_many_nodes: 'more nodes than the limit',
  too_many_edges: 'more edges than the limit',
  too_many_properties: 'an object with more properties than the limit',
  too_many_values: 'a file with more values (objects, arrays, strings, numbers...) than the limit',
  too_many_problems: 'more problems than are reported for one file',
  invalid_text:
    'a string (or a property name) holding a NUL character or a lone surrogate, which is not storable text',
  // Shape (JSON Schema)
  missing_property: 'a required property is absent',
  unknown_property: 'a property that this place does not have (often a typo)',
  invalid_type: 'a value of the wrong JSON type',
  invalid_value: 'a value outside what this place allows',
  invalid_timezone: 'not an IANA time zone',
  invalid_rule: 'a RULE that is not one of all/any/not/field/event',
  rule_too_deep: 'a RULE nested deeper than the limit',
  rule_too_large: 'a RULE with more tests, groups or values than the limit',
  template_too_large: 'a template larger than the limit',
  // Graph (FORMAT.md section 3a)
  entry_missing: 'no entry node',
  entry_multiple: 'more than one entry node',
  edge_into_entry: 'an edge that targets the entry node',
  unknown_source: 'an edge whose source is not a node',
  unknown_target: 'an edge whose target is not a node',
  duplicate_node_id: 'two nodes with one id',
  duplicate_edge_id: 'two edges with one id',
  duplicate_branch_id: 'two split branches with one id',
  unknown_handle: 'an edge from a handle that its source node does not have',
  handle_multiple_edges: 'two edges from one handle',
  cycle: 'the graph has a cycle',
  unreachable: 'a node that no path from the entry reaches',
  unknown_node_ref: 'a RULE names a node that does not exist',
  invalid_node_ref: 'a RULE names a node that sends no message',
  schedule_empty_window: 'a send window whose end is not after its start',
  liquid_syntax: 'a template that does not parse',
  template_too_costly:
    'a template that could take more steps to render than the limit (long or nested loops, large ranges), or that loops over a range of unknown size',
  thread_without_email:
    'a threaded email (no subject) that some path reaches with no earlier email',
  // Warnings
  unconnected_handle: 'a branch handle with no edge: the enrollment completes there',
  unknown_variable: 'a merge variable that no contact field or alias provides',
  variable_without_default:
    'a subject or a text message (SMS, AlimTalk, fallback SMS) that starts or ends with a merge variable that has no `default`: a contact without it gets the rest alone ("님, 안녕하세요")',
  split_weights: 'split weights that do not sum to 100',
  // Warnings of an advertising sequence (settings.advertising; advertising.ts)
  ad_label_missing: 'an advertising email subject or SMS that does not start with "(광고)"',
  ad_unsubscribe_missing:
    'an advertising email whose body does not say how to unsubscribe: no {{ unsubscribe_url }}, no 수신거부 or "unsubscribe", and settings.unsubscribeFooter off',
  ad_sender_missing: 'an advertising email with no sender: no settings.sender and no `from`',
  ad_opt_out_missing:
    'an advertising SMS with no free way to refuse: a refusal word (수신거부, 무료거부) and an 080 number',
  ad_alimtalk:
    'an AlimTalk step in an advertising sequence: AlimTalk is for informational messages only',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from its tokens. */
export function pointerOf(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Splits a JSON pointer into its unescaped tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
