import { LIMITS } from './format.ts';

/**
 * schema/LIMITS.md: the exact limits of the format (FORMAT.md section 3a says the project
 * documents them), written from LIMITS by `pnpm --filter @nudge/schema emit` so that the page
 * and the validator can't disagree (emit.test.ts fails when the page is stale).
 */
const n = (value: number) => value.toLocaleString('en-US');
const size = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;

export function renderLimitsFile(): string {
  const { rule, contact: c, template } = LIMITS;
  const rows = (items: Array<[string, string, string]>) =>
    items.map(([what, limit, code]) => `| ${what} | ${limit} | \`${code}\` |`).join('\n');
  const head = '| what | at most | problem code |\n| --- | ---: | --- |';
  return `<!-- Written by \`pnpm --filter @nudge/schema emit\` from schema/src/format.ts (LIMITS): do not edit. -->
# Limits of the Nudge format

Every limit is checked before anything is stored: by \`nudge validate\`, \`POST /api/validate\`,
the editor, and every API route that takes a sequence, a RULE or a contact. What is over a limit
is an error that names the place (a JSON pointer, and the step or link id), never a slow answer.
Real sequences stay far below these numbers.

## Text

No string, and no property name, may hold a NUL character (\`\\u0000\`) or a lone UTF-16
surrogate (\`\\ud800\` without its pair): neither is text that can be stored. Problem code
\`invalid_text\`; the API answers 422 \`invalid_text\` for such a string anywhere in a request
(body, path or query).

## Sequence files

${head}
${rows([
  ['a file, in bytes (the API answers 413)', size(LIMITS.fileBytes), 'payload_too_large'],
  ['steps (nodes)', n(LIMITS.nodes), 'too_many_nodes'],
  ['links (edges)', n(LIMITS.edges), 'too_many_edges'],
  ['nesting of the JSON', n(LIMITS.jsonDepth), 'too_deep'],
  ['properties of one object', n(LIMITS.objectKeys), 'too_many_properties'],
  [
    'values in a file (objects, arrays, strings, numbers, booleans, nulls)',
    n(LIMITS.values),
    'too_many_values',
  ],
  ['problems listed for one file', n(LIMITS.problems), 'too_many_problems'],
])}

## Templates (subjects, bodies, titles, notes, button links)

${head}
${rows([
  ['a template, in bytes of UTF-8', size(LIMITS.templateBytes), 'template_too_large'],
  [
    'steps to render: loop turns, parts run and range numbers, nested loops multiplied',
    n(template.work),
    'template_too_costly',
  ],
  [
    'turns counted for a loop over a variable (contact data holds no more)',
    n(template.dataItems),
    'template_too_costly',
  ],
])}

A loop over a range whose bounds are not numbers, \`{% for i in (1..n) %}\`, can't be sized before
it runs and is refused (\`template_too_costly\`) unless it has a number \`limit:\`. When a
message renders, it also stops at the renderer's time and memory limits (\`RENDER_LIMITS\` in
runtime/src/core/render/engine.ts): the enrollment fails, naming the step and the field.

## RULEs (conditions, waits, goals, triggers and segments)

${head}
${rows([
  ['nesting of all / any / not', n(LIMITS.ruleDepth), 'rule_too_deep'],
  ['tests and groups in one RULE', n(rule.parts), 'rule_too_large'],
  ['values compared with in one RULE, every list item counted', n(rule.values), 'rule_too_large'],
  ['items of an `in` list or of an array value', n(rule.listItems), 'invalid_value'],
  ['characters of a string value', n(rule.valueChars), 'invalid_value'],
  ['keys after `contact.attributes` in a PATH', n(rule.attributeKeys), 'invalid_value'],
  ['characters of a PATH', n(rule.pathChars), 'invalid_value'],
  ['items of `all` / `any`', n(rule.groupItems), 'invalid_value'],
])}

## Contacts (FORMAT.md section 6)

| what | at most |
| --- | ---: |
| \`id\` | ${n(c.idChars)} characters |
| \`email\`, \`owner.email\` | ${n(c.emailChars)} characters |
| \`phone\`, \`owner.phone\` | ${n(c.phoneChars)} characters |
| \`name\`, \`company\`, \`title\`, \`owner.name\` | ${n(c.textChars)} characters |
| \`locale\` | ${n(c.localeChars)} characters |
| \`tags\` | ${n(c.tags)} tags of ${n(c.tagChars)} characters |
| properties of \`attributes\`, and of any object in them | ${n(c.attributes)} |
| an attribute's name | ${n(c.attributeKeyChars)} characters |
| objects and arrays nested in \`attributes\` (itself included) | ${n(c.attributeDepth)} levels |
| items of an array in \`attributes\` | ${n(c.attributeItems)} |
| a string in \`attributes\` | ${n(c.attributeChars)} characters |
| \`attributes\` as JSON | ${size(c.attributeBytes)} |

Text fields are never empty (leave them out instead). The API answers 422 \`invalid_contacts\`,
each problem with the contact's index and a pointer to the property; \`schema/contact.schema.json\`
is the same shape as JSON Schema.
`;
}
