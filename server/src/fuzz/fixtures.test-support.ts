import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rule as anyRule, validSequence } from '@nudge/schema/testing';
import fc from 'fast-check';
import { apiOn, createWorkspace, type TestWorkspace } from '../api.test-support.ts';
import type { Sql } from '../db/types.ts';
import { examplesDir } from '../test-support.ts';
import type { Hints } from './schema-arbitrary.test-support.ts';

/**
 * The data the fuzzer's requests point at: two workspaces, each with published sequences,
 * contacts, enrollments, tasks and captured mail, made through the API where it can make them
 * (tasks and captured mail need the worker: they are inserted as it would write them). The
 * second workspace is the "other tenant": its ids are path tricks, its token a caller.
 */
export interface Tenant {
  workspace: TestWorkspace;
  sequences: string[];
  contacts: Array<{ id: string; email: string }>;
  enrollments: string[];
  tasks: string[];
  messages: string[];
  /** The draft only test send's example uses (a welcome email no other request replaces). */
  testSend: string;
  /** Template ids: an SMS one first (the valid PUT body below is an SMS template's). */
  templates: string[];
}

export interface Fixtures {
  ours: Tenant;
  other: Tenant;
  /** The example sequence files (schema/examples), as parsed. */
  examples: Array<Record<string, unknown>>;
  /** Node ids of the examples. */
  nodes: string[];
  /** The ids behind a path's `{param}`, by the collection it follows: /api/<collection>/{id}. */
  ids(tenant: Tenant): Record<string, string[]>;
}

export function readExamples(): Array<Record<string, unknown>> {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')));
}

export async function createFixtures(sql: Sql): Promise<Fixtures> {
  const examples = readExamples();
  const { call } = apiOn(sql);
  const must = async (token: string, method: string, path: string, body?: unknown) => {
    const answer = await call(token, method, path, body);
    if (answer.status >= 300)
      throw new Error(`fixture ${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
    return answer;
  };

  const tenant = async (
    name: string,
    prefix: string,
    files: Array<Record<string, unknown>>,
  ): Promise<Tenant> => {
    const workspace = await createWorkspace(sql, name);
    const token = workspace.tokens.admin;
    const sequences: string[] = [];
    for (const file of files) {
      const { json } = await must(token, 'POST', '/api/sequences', file);
      sequences.push(json.id);
      await must(token, 'POST', `/api/sequences/${json.id}/publish`, {});
    }
    const owner = { name: '이서연', email: `seoyeon@${prefix}.example` };
    const contacts = [
      { id: 'c1', email: `minjun@${prefix}.example`, name: '김민준', company: '한빛물류', owner },
      { id: `${prefix}-2`, email: `jiwoo@${prefix}.example`, name: '박지우', tags: ['vip'] },
      { id: `${prefix}-3`, email: `ann@${prefix}.example`, name: 'Ann Lee', timezone: 'UTC' },
      { id: `${prefix}-4`, email: `gone@${prefix}.example`, unsubscribed: true },
    ];
    await must(token, 'POST', '/api/contacts', { contacts });
    for (const sequence of sequences)
      await must(token, 'POST', `/api/sequences/${sequence}/enrollments`, {
        contactIds: contacts.map((c) => c.id),
      });
    const enrollments = await sql<Array<{ id: string }>>`
      select id from enrollments where workspace_id = ${workspace.id} order by enrolled_at, id`;
    const tasks: string[] = [];
    const messages: string[] = [];
    for (const [i, { id }] of enrollments.slice(0, 3).entries()) {
      const [task] = await sql<Array<{ id: string }>>`
        insert into tasks (workspace_id, enrollment_id, node, kind, title, assignee)
        values (${workspace.id}, ${id}, 'call', 'call', ${`전화 ${i}`}, ${owner.email})
        returning id`;
      tasks.push(String(task?.id));
      const [message] = await sql<Array<{ id: string }>>`
        insert into messages (workspace_id, enrollment_id, node, channel, status, content,
                              message_id, sent_at)
        values (${workspace.id}, ${id}, 'welcome', 'email', 'sent', '{}',
                ${`<${prefix}-${i}@nudge.test>`}, now())
        returning id`;
      const raw = [
        `Message-ID: <${prefix}-${i}@nudge.test>`,
        `To: ${contacts[0]?.email}`,
        'From: Nudge <team@nudge.test>',
        'Subject: =?UTF-8?B?7JWI64WV7ZWY7IS47JqU?=',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `안녕하세요 https://nudge.test/u/${prefix}${i}.signature`,
        '',
      ].join('\r\n');
      await sql`insert into captured_mail (message_id, workspace_id, raw)
                values (${message?.id as string}, ${workspace.id}, ${Buffer.from(raw)})`;
      messages.push(String(message?.id));
    }
    const templates: string[] = [];
    for (const starter of ['sms-reminder-ko', 'sms-reminder-en', 'email-welcome-ko'])
      templates.push((await must(token, 'POST', '/api/templates', { starter })).json.id);
    // The first is linked by a draft, so no delete takes it from the other operations'
    // examples (a 409); the last is the delete's own example.
    const linked = {
      ...(files[0] as Record<string, unknown>),
      id: `${prefix}-linked`,
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        {
          id: 'remind',
          type: 'sms',
          data: { body: '내일 뵙겠습니다', mode: 'auto', template: { id: templates[0] } },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'remind' }],
    };
    await sql`insert into sequences (workspace_id, id, name, draft)
              values (${workspace.id}, ${linked.id}, 'linked', ${sql.json(linked as never)})`;
    // Test send's example takes a draft of its own: the other operations' requests replace the
    // drafts of `sequences` with anything, welcome step or not.
    const testSend = { ...(files[0] as Record<string, unknown>), id: `${prefix}-test-send` };
    await sql`insert into sequences (workspace_id, id, name, draft)
              values (${workspace.id}, ${testSend.id}, 'test send', ${sql.json(testSend as never)})`;
    return {
      workspace,
      sequences,
      contacts: contacts.map(({ id, email }) => ({ id, email })),
      enrollments: enrollments.map((e) => e.id),
      tasks,
      messages,
      templates,
      testSend: testSend.id,
    };
  };

  const ours = await tenant('fuzz', 'fuzz', examples);
  // The other tenant has one sequence of our ids and one of its own: a tenant check that
  // looked at the id alone would let one through.
  const other = await tenant('other', 'other', [
    examples[0] as Record<string, unknown>,
    { ...(examples[0] as Record<string, unknown>), id: 'other-only' },
  ]);
  const nodes = [
    ...new Set(examples.flatMap((e) => (e.nodes as Array<{ id: string }>).map((n) => n.id))),
  ];
  return {
    ours,
    other,
    examples,
    nodes,
    ids: (t) => ({
      sequences: t.sequences,
      enrollments: t.enrollments,
      tasks: t.tasks,
      outbox: t.messages,
      contacts: t.contacts.map((c) => c.id),
      templates: t.templates,
      deleteTemplate: t.templates.slice(-1),
      testSend: [t.testSend],
    }),
  };
}

/** Hints for the document's schemas, from the fixtures (see schema-arbitrary.test-support.ts). */
export function hintsOf(f: Fixtures): Hints {
  const contactIds = f.ours.contacts.map((c) => c.id);
  const emails = f.ours.contacts.map((c) => c.email);
  // Now and then the other tenant's: it has them, this workspace must act as if it had not.
  const ours = <T>(mine: readonly T[], theirs: readonly T[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...mine) },
      { weight: 1, arbitrary: fc.constantFrom(...theirs) },
    );
  const fresh = (prefix: string) => fc.nat({ max: 10_000 }).map((n) => `${prefix}${n}`);
  const name = fc.constantFrom('김민준', '박지우', 'Ann Lee', '이서연 과장', 'Ωmega');
  const contact = fc.record(
    {
      id: fc.oneof(fc.constantFrom(...contactIds), fresh('fz-')),
      email: fc.oneof(
        fc.constantFrom(...emails),
        fresh('fz').map((s) => `${s}@fuzz.example`),
      ),
      phone: fc.constantFrom('+821012345678', '010-1234-5678'),
      name,
      company: fc.constantFrom('한빛물류', 'Acme'),
      timezone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'UTC'),
      locale: fc.constantFrom('ko-KR', 'en'),
      tags: fc.uniqueArray(fc.constantFrom('vip', 'trial', '고객'), { maxLength: 3 }),
      attributes: fc.record(
        { plan: fc.constantFrom('pro', 'free'), seats: fc.nat({ max: 500 }) },
        { requiredKeys: [] },
      ),
      owner: fc.constant({ name: '이서연', email: 'seoyeon@fuzz.example' }),
      unsubscribed: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const fieldRule = fc.oneof(
    fc.record({
      field: fc.constantFrom('contact.name', 'contact.company', 'contact.attributes.plan'),
      op: fc.constantFrom('eq', 'neq', 'contains'),
      value: fc.constantFrom('pro', '김민준', '한빛'),
    }),
    fc.record({ field: fc.constant('contact.tags'), op: fc.constant('contains'), value: name }),
    fc.record({
      field: fc.constant('contact.attributes.seats'),
      op: fc.constantFrom('gt', 'lte'),
      value: fc.nat({ max: 100 }),
    }),
  );
  const sequence = fc
    .tuple(fc.oneof(fc.constantFrom(...f.examples), validSequence), fc.nat({ max: 3 }), fresh(''))
    .map(([file, idChoice, n]) => {
      const { id, ...rest } = file as Record<string, unknown>;
      // Its own id, none (a slug of the name), a fresh one, or the other tenant's own.
      if (idChoice === 0 && id !== undefined) return { ...rest, id };
      if (idChoice === 1) return rest;
      if (idChoice === 2) return { ...rest, id: `fz-${n}` };
      return { ...rest, id: 'other-only' };
    });
  return {
    refs: { Sequence: sequence, Rule: fc.oneof(fieldRule, anyRule) },
    properties: {
      contactId: ours(
        contactIds,
        f.other.contacts.map((c) => c.id),
      ),
      email: ours(
        emails,
        f.other.contacts.map((c) => c.email),
      ),
      contactIds: fc.oneof(
        fc.subarray(contactIds, { minLength: 1 }),
        fc.subarray([...contactIds, ...f.other.contacts.map((c) => c.id)], { minLength: 1 }),
      ),
      contacts: fc.array(contact, { minLength: 1, maxLength: 3 }),
      sequenceId: ours(f.ours.sequences, f.other.sequences),
      node: fc.constantFrom(...f.nodes),
      migrate: fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.constantFrom(...f.nodes), fc.constantFrom(...f.nodes), {
          maxKeys: 3,
          noNullPrototype: true,
        }),
      ),
      assignee: fc.constantFrom('seoyeon@fuzz.example', 'SEOYEON@FUZZ.EXAMPLE', 'nobody@x'),
      after: ours(
        [...f.ours.enrollments, ...f.ours.tasks],
        [...f.other.enrollments, ...f.other.tasks],
      ),
      before: ours(f.ours.messages, f.other.messages),
    },
  };
}

/**
 * A valid body for operations whose schema says too little for one to be drawn from it (an
 * event needs `contactId` or `email`, not both): the first request of each operation, which
 * must be answered with a 2xx. The document's own examples come first (operations.test-support.ts).
 */
export function validBodies(f: Fixtures): Record<string, unknown> {
  const file = { ...(f.examples[0] as Record<string, unknown>) };
  return {
    importSequence: { ...file, id: 'fz-first-import' },
    putSequence: file,
    validateSequence: file,
    publishSequence: {},
    enroll: { contactIds: [f.ours.contacts[0]?.id] },
    upsertContacts: { contacts: [{ id: f.ours.contacts[0]?.id, name: '김민준' }] },
    recordEvent: { contactId: f.ours.contacts[1]?.id, type: 'opened' },
    stopEnrollment: { reason: 'fuzz' },
    testSend: { node: 'welcome', to: 'me@fuzz.example', contact: { name: '김민준' } },
    createTemplate: { starter: 'email-meeting-en' },
    updateTemplate: { name: '리마인더', tags: ['fuzz'], content: { body: '내일 뵙겠습니다' } },
  };
}
