import { checkContact } from './contact.ts';
import { LIMITS } from './format.ts';
import { type Problem, pointerOf } from './problem.ts';
import { problemWith } from './problem-messages/index.ts';

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stand-ins for the owner's required fields, so that one owner field is checked alone. */
const OWNER = { name: 'owner', email: 'owner@nudge.example' };

/**
 * The values an update_contact step sets must fit a contact (LIMITS.contact, checkContact):
 * an email that is an email, a name of at most 200 characters, an attribute's text of at most
 * 2,000. Else every enrollee reaching the step would fail there, or write what the contacts
 * table refuses. Null clears a field and is always fine.
 */
export function updateProblems(input: Loose): Problem[] {
  const problems: Problem[] = [];
  const nodes = Array.isArray(input.nodes) ? input.nodes : [];
  nodes.forEach((node: unknown, index) => {
    if (!isObject(node) || node.type !== 'update_contact' || !isObject(node.data)) return;
    const set = node.data.set;
    if (!isObject(set)) return;
    for (const [path, value] of Object.entries(set)) {
      // Null clears; objects and arrays are the shape check's to refuse.
      if (value === null || typeof value === 'object') continue;
      const params = valueProblem(path, value);
      if (params)
        problems.push({
          severity: 'error',
          ...problemWith('invalid_value', params),
          pointer: pointerOf('nodes', index, 'data', 'set', path),
          ...(typeof node.id === 'string' ? { nodeId: node.id } : {}),
        });
    }
  });
  return problems;
}

function valueProblem(path: string, value: unknown): Record<string, string> | null {
  const [root, field, ...rest] = path.split('.');
  if (root !== 'contact' || field === undefined) return null; // the shape check names it
  if (field === 'attributes') {
    if (typeof value === 'string' && value.length > LIMITS.contact.attributeChars)
      return {
        kind: 'attribute_text',
        path,
        length: String(value.length),
        limit: String(LIMITS.contact.attributeChars),
      };
    const long = rest.find((key) => key.length > LIMITS.contact.attributeKeyChars);
    return long === undefined
      ? null
      : {
          kind: 'attribute_name',
          name: long.slice(0, 80),
          limit: String(LIMITS.contact.attributeKeyChars),
        };
  }
  const contact =
    field === 'owner' && rest[0] !== undefined
      ? { owner: { ...OWNER, [rest[0]]: value } }
      : { [field]: value };
  const checked = checkContact(contact);
  return checked.ok ? null : { kind: 'contact', detail: String(checked.problems[0]?.message) };
}
