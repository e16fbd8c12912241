import type { MessageCatalogue, Params } from './types.ts';

/**
 * The validator's messages, in English, from each problem's params. A producer makes its
 * message here (problemMessage), so the English a UI shows from the params is the message.
 */

/** A value as the messages quote it: strings in JSON quotes, arrays and objects by kind. */
function what(p: Params): string {
  if (p.valueKind === 'array') return 'an array';
  if (p.valueKind === 'object') return 'an object';
  return p.value ?? '';
}

/** A step as messages name it: `email "welcome"`. */
const step = (p: Params) => `${p.nodeType || 'node'} "${p.nodeId}"`;

function article(noun: string): string {
  if (noun.includes(',')) return `one of ${noun}`;
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const plural = (count: string | undefined, one: string, many: string) =>
  count === '1' ? one : many;

/** A number as the messages write it: 10,000. */
const number = (n: string | undefined) => Number(n).toLocaleString('en-US');

function steps(p: Params): string {
  return p.work === 'unbounded' ? 'steps without bound' : `about ${number(p.work)} steps`;
}

const ANNOTATIONS: Record<string, string> = {
  assignee: 'the assignee must be "owner" (the contact\'s owner) or an email address',
  set_value: 'a contact field is set to a string, a number, true/false or null',
  exists_value: 'the "exists" comparison takes no value (use {"not": RULE} for "does not exist")',
  compare_value: 'gt, gte, lt and lte compare with a number or a date string',
  event_name: '"name" is only for custom events',
};

function invalidValue(p: Params): string {
  switch (p.kind) {
    case 'name':
      return `"${p.name}" is not ${p.description || 'a name allowed here'}`;
    case 'enum':
      return `${what(p)} is not one of ${p.allowed}`;
    case 'const':
      return `must be ${p.allowed}, not ${what(p)}`;
    case 'format':
      return `${what(p)} is not ${article(p.format === 'email' ? 'email address' : `${p.format}`)}`;
    case 'pattern':
      return `${what(p)} is not ${p.description || `of the form ${p.pattern}`}`;
    case 'empty':
      return 'must not be empty';
    case 'minLength':
      return `must be at least ${p.limit} characters`;
    case 'maxLength':
      return `must be at most ${p.limit} characters`;
    case 'minItems':
      return `must have at least ${p.limit} ${plural(p.limit, 'item', 'items')}`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'uniqueItems':
      return `items ${p.first} and ${p.second} are the same`;
    case 'minProperties':
      return `must set at least ${p.limit} ${plural(p.limit, 'property', 'properties')}`;
    case 'maxProperties':
      return `must have at most ${p.limit} properties`;
    case 'compare':
      return `${what(p)} must be ${p.comparison} ${p.limit}`;
    case 'whole':
      return 'must be a whole number';
    case 'attribute_text':
      return `"${p.path}" is set to ${p.length} characters; an attribute's text may have at most ${p.limit}`;
    case 'attribute_name':
      return `the attribute name "${p.name}" must have 1 to ${p.limit} characters`;
    case 'contact':
      return `the step sets ${p.detail}`;
    case 'holiday_calendar':
      return `there is no holiday calendar for "${p.country}"`;
    default:
      return ANNOTATIONS[p.kind ?? ''] ?? p.detail ?? 'is not valid here';
  }
}

function costly(p: Params): string {
  const at = `${p.source} (line ${p.line}, column ${p.column})`;
  const limit = number(p.limit);
  const counts = '(each loop turn, each part it runs and each number of a range counts one)';
  switch (p.kind) {
    case 'unsized':
      return `uses a range whose bounds are not numbers, ${at}: its size can't be known before it runs. Write the numbers (only a loop with "limit: N" may go over such a range)`;
    case 'unbounded':
      return `has a loop over a range whose bounds are not numbers, ${at}: its size can't be known before it runs. Write the numbers, or add "limit: N" to the loop`;
    case 'loop':
      return `could take ${steps(p)} to render, from ${at}; a template may take at most ${limit} ${counts}: loop over fewer items, or add "limit: N"`;
    default:
      return `could take ${steps(p)} to render; a template may take at most ${limit} ${counts}`;
  }
}

function withoutDefault(p: Params): string {
  const place =
    p.at === 'only'
      ? `is only ${p.output}`
      : `${p.at === 'start' ? 'starts' : 'ends'} with ${p.output}`;
  const gets = p.gets === '' ? `an empty ${p.field}` : `"${p.gets}"`;
  return `the ${p.field} ${place}, which has no default: a contact without it gets ${gets}; add | default: "${p.fix}"`;
}

function badText(p: Params): string {
  const what =
    p.kind === 'name' ? `the property name ${p.name}` : p.name ? `"${p.name}"` : 'this string';
  const problem =
    p.character === '\\u0000'
      ? `holds a NUL character (\\u0000) at character ${p.position}`
      : `holds a lone surrogate (${p.character}) at character ${p.position}, which is not text`;
  return `${what} ${problem}: Nudge stores text only`;
}

export const en: MessageCatalogue = {
  not_an_object: () =>
    'a sequence file is a JSON object with "format", "name", "nodes" and "edges"',
  unsupported_format: (p) =>
    p.kind === 'missing'
      ? `the file has no "format": a v1 sequence starts with "format": "${p.supported}"`
      : `the format ${p.found} is not supported${p.kind === 'newer' ? ' (written by a newer Nudge?)' : ''}: this Nudge reads "${p.supported}"`,
  too_deep: (p) =>
    p.line === undefined
      ? `the file nests deeper than ${p.limit} levels`
      : `the file nests deeper than ${p.limit} levels (line ${p.line}, column ${p.column}); Nudge reads no further`,
  too_many_nodes: (p) => `the sequence has ${p.count} nodes; at most ${p.limit} are allowed`,
  too_many_edges: (p) => `the sequence has ${p.count} edges; at most ${p.limit} are allowed`,
  too_many_properties: (p) =>
    `this object has ${p.count} properties; at most ${p.limit} are allowed`,
  too_many_values: (p) =>
    `the file holds more than ${number(p.limit)} values (objects, arrays, strings, numbers...); no sequence needs that many`,
  too_many_problems: (p) =>
    p.kind === 'unknown'
      ? 'more problems are not listed: fix these first'
      : `${p.kind === 'atLeast' ? 'at least ' : ''}${p.count} more problems are not listed: fix these first`,
  invalid_text: badText,
  missing_property: (p) => `missing required property "${p.property}"`,
  unknown_property: (p) =>
    `unknown property "${p.property}"${p.hint ? `: did you mean "${p.hint}"?` : p.allowed ? ` (allowed: ${p.allowed})` : ''}`,
  invalid_type: (p) => `must be ${article(p.expected ?? '')}, not ${what(p)}`,
  invalid_value: invalidValue,
  invalid_timezone: (p) => `${what(p)} is not an IANA time zone (e.g. "Asia/Seoul", "UTC")`,
  invalid_rule: () => 'a RULE needs one of "all", "any", "not", "field" or "event"',
  rule_too_deep: (p) => `this RULE nests deeper than ${p.limit} levels`,
  rule_too_large: (p) =>
    p.kind === 'values'
      ? `this RULE compares with more than ${p.limit} values in all`
      : `this RULE has more than ${p.limit} tests and groups`,
  template_too_large: (p) =>
    `the ${p.field} is ${p.bytes} bytes; a template may have at most ${p.limit}`,
  entry_missing: () => 'the sequence has no entry node: add one node of type "entry"',
  entry_multiple: (p) =>
    `a sequence has exactly one entry, and "${p.entry}" is already one: put several triggers on one entry instead`,
  edge_into_entry: (p) => `no edge may enter the entry node "${p.target}"`,
  unknown_source: (p) => `the source "${p.source}" is not a node of this sequence`,
  unknown_target: (p) => `the target "${p.target}" is not a node of this sequence`,
  duplicate_node_id: (p) => `another node already has the id "${p.id}"`,
  duplicate_edge_id: (p) => `another edge already has the id "${p.id}"`,
  duplicate_branch_id: (p) => `another branch of this split is already "${p.id}"`,
  unknown_handle: (p) => {
    switch (p.kind) {
      case 'end':
        return `${step(p)} ends the sequence and can't have outgoing edges`;
      case 'unnamed':
        return `${step(p)} has one unnamed handle: remove "sourceHandle"`;
      case 'missing':
        return `an edge from ${step(p)} needs a "sourceHandle": ${p.handles?.split(', ').join(' or ')}`;
      default:
        return `${step(p)} has no handle ${p.handle} (it has ${p.handles})`;
    }
  },
  handle_multiple_edges: (p) =>
    `${p.handle ? `the "${p.handle}" handle` : 'the handle'} of ${step(p)} already leads to "${p.target}"${p.edge ? ` (edge "${p.edge}")` : ''}: one handle has one edge`,
  cycle: (p) =>
    `this edge closes a cycle (${p.path}): a sequence can't loop back to an earlier step`,
  unreachable: (p) => `no path from the entry reaches ${step(p)}`,
  unknown_node_ref: (p) => `the RULE names node "${p.nodeId}", which is not in this sequence`,
  invalid_node_ref: (p) =>
    `the RULE names ${step(p)}, which sends no message: name an email, sms or kakao node`,
  schedule_empty_window: (p) =>
    `the send window ends (${p.end}) before it starts (${p.start}): no send could go out`,
  liquid_syntax: (p) => `the ${p.field} is not a valid template: ${p.error}`,
  template_too_costly: (p) => `the ${p.field} ${costly(p)}`,
  thread_without_email: (p) =>
    `email "${p.nodeId}" has no subject, so it replies in the thread of an earlier email, but some path reaches it with no email before it: give it a subject`,
  unconnected_handle: (p) =>
    `the "${p.handle}" handle of ${step(p)} leads nowhere: enrollments that take it complete there`,
  unknown_variable: (p) =>
    `the ${p.field} uses {{ ${p.name} }} (line ${p.line}, column ${p.column}), which no contact field or alias provides: it will render empty`,
  variable_without_default: withoutDefault,
  ad_label_missing: (p) =>
    `the ${p.field} of advertising ${step(p)} does not start with "${p.label}": an advertising ${p.nodeType === 'sms' ? 'text message' : 'email'} must say so first`,
  ad_unsubscribe_missing: (p) =>
    `advertising ${step(p)} does not say how to unsubscribe: add a line such as "수신을 원하지 않으시면 수신거부를 눌러 주세요" with the link {{ unsubscribe_url }} to its body, or turn on the unsubscribe footer in the settings`,
  ad_sender_missing: (p) =>
    `advertising ${step(p)} does not say who sends it: set the sender in the settings, or its "from"`,
  ad_opt_out_missing: (p) =>
    `advertising ${step(p)} has no free way to refuse: add a line such as "무료수신거부 080-123-4567"`,
  ad_alimtalk: (p) =>
    `${step(p)} is AlimTalk, which may carry informational messages only, not advertising: send an SMS or a Friendtalk instead`,
  split_weights: (p) =>
    `the weights of split "${p.nodeId}" sum to ${p.sum}, not 100: each branch gets its weight's share of the total`,
};
