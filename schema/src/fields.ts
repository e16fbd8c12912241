/** Where the templates and the RULEs of a sequence live, for checks that read them all. */

export interface TemplateField {
  /** Path of the template from the node, e.g. ['data', 'buttons', 0, 'url']. */
  path: Array<string | number>;
  text: string;
}

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Liquid templates of a node, whatever its type: subjects, bodies, titles, notes, button links. */
export function templateFields(node: { type?: unknown; data?: unknown }): TemplateField[] {
  const data = node.data;
  if (!isObject(data)) return [];
  const fields: TemplateField[] = [];
  const add = (value: unknown, ...path: Array<string | number>) => {
    if (typeof value === 'string') fields.push({ path: ['data', ...path], text: value });
  };
  switch (node.type) {
    case 'email':
      add(data.subject, 'subject');
      add(data.body, 'body');
      break;
    case 'sms':
      add(data.body, 'body');
      break;
    case 'kakao':
      add(data.body, 'body');
      add(data.fallbackSms, 'fallbackSms');
      if (Array.isArray(data.buttons))
        data.buttons.forEach((b, i) => {
          if (isObject(b)) add(b.url, 'buttons', i, 'url');
        });
      break;
    case 'task':
      add(data.title, 'title');
      add(data.note, 'note');
      break;
  }
  return fields;
}

export interface RuleField {
  rule: unknown;
  /** Path of the rule from the root of the file. */
  path: Array<string | number>;
  nodeIndex?: number;
}

/** Every RULE of a sequence: the goal, event-trigger filters, conditions and waits. */
export function ruleFields(input: unknown): RuleField[] {
  if (!isObject(input)) return [];
  const rules: RuleField[] = [];
  const settings = input.settings;
  if (isObject(settings) && isObject(settings.exit) && 'goal' in settings.exit)
    rules.push({ rule: settings.exit.goal, path: ['settings', 'exit', 'goal'] });
  const nodes = Array.isArray(input.nodes) ? input.nodes : [];
  nodes.forEach((node: unknown, i) => {
    if (!isObject(node) || !isObject(node.data)) return;
    const data = node.data;
    if ((node.type === 'condition' || node.type === 'wait_for') && 'rule' in data)
      rules.push({ rule: data.rule, path: ['nodes', i, 'data', 'rule'], nodeIndex: i });
    if (node.type === 'entry' && Array.isArray(data.triggers))
      data.triggers.forEach((t, j) => {
        if (isObject(t) && 'where' in t)
          rules.push({
            rule: t.where,
            path: ['nodes', i, 'data', 'triggers', j, 'where'],
            nodeIndex: i,
          });
      });
  });
  return rules;
}
