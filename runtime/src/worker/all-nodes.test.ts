import { NODE_TYPES, type Sequence, validateSequence } from '@nudge/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { type Contact, chooseBranch, simulate } from '../core/index.ts';
import { applyInput, lockEnrollment } from './apply.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { captureMessaging, smtpTransport } from './delivery/index.ts';
import { type ReceivedMail, startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { recordEvent } from './events.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import type { StepPayload } from './jobs.ts';
import { type RunningWorker, startWorker } from './runner.ts';
import { runStep } from './step.ts';
import { verifyToken } from './tracking/index.ts';

/*
 * Issue 4: one sequence with every node type, end to end on the real worker. Graphile Worker
 * runs every job that is due (the enrollments' first steps and every delivery) against
 * PostgreSQL, mail goes over SMTP on loopback, SMS and AlimTalk to the capture provider. Delays
 * and wait_for timeouts are a day or more (the schema's least is a minute), so the test is the
 * clock for wake-ups due later only: once the worker is idle, it takes the earliest such job
 * off Graphile's queue and runs the step at its due time, as the worker would then. Opens come
 * from the pixel of the received mail; the call is completed the way a person would.
 */

const db = await createTestDatabase();
const { sql } = db;
const smtp = await startSmtpServer();
const email = smtpTransport(smtp.url);
const messaging = captureMessaging();
const SECRET = 'all-nodes-secret';
const services = {
  email,
  messaging,
  publicUrl: 'https://nudge.example',
  secrets: SECRET,
  smsFrom: '0215880000',
  kakaoSenderKey: 'KA01PF-nudge',
};

const owner = { name: '최담당', email: 'owner@nudge.example', phone: '+82215880000' };
const person = (id: string, name: string, title: string, phone: string): Contact => ({
  id,
  email: `${id}@hanbit.example`,
  phone,
  name,
  company: '한빛물류',
  title,
  timezone: 'Asia/Seoul',
  owner,
  tags: ['lead'],
  attributes: { plan: 'pro' },
});
// The CEO opens and gets a call; the quiet one never opens; the others open and are split.
const ceo = person('ceo', '김민준', 'CEO', '+821011112222');
const quiet = person('quiet', '박지훈', 'Manager', '+821033334444');
const pool = Array.from({ length: 12 }, (_, i) =>
  person(`p${i}`, `이서연${i}`, 'Manager', `+8210555500${String(i).padStart(2, '0')}`),
);
const w = await createWorkspace(sql, [ceo, quiet, ...pool]);

const split = {
  branches: [
    { id: 'by-sms', weight: 50 },
    { id: 'by-kakao', weight: 50 },
  ],
};
const sequence = {
  format: 'nudge.sequence/v1',
  name: '물류 자동화',
  settings: { sender: { name: '넛지 팀', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'hello',
      type: 'email',
      data: {
        subject: '{{ 고객명 | default: "고객" }}님, {{회사명}} 물류 자동화 제안',
        body: '<p>{{고객명}}님({{직함}}), 안녕하세요. {{담당자명}}입니다. 요금제: {{ contact.attributes.plan }}</p><p><a href="https://nudge.example/demo">데모 보기</a></p>',
        format: 'html',
        mode: 'auto',
      },
    },
    {
      id: 'mark',
      type: 'update_contact',
      data: { set: { 'contact.attributes.stage': 'contacted' }, addTags: ['nudged'] },
    },
    {
      id: 'opened',
      type: 'wait_for',
      data: { rule: { event: 'opened', node: 'hello' }, timeout: { amount: 1, unit: 'days' } },
    },
    {
      id: 'is-ceo',
      type: 'condition',
      data: { rule: { field: 'contact.title', op: 'eq', value: 'CEO' } },
    },
    {
      id: 'call',
      type: 'task',
      data: {
        kind: 'call',
        title: '{{고객명}}님께 전화 ({{회사명}})',
        note: '메일을 열어 보셨습니다',
        assignee: 'owner',
        waitForCompletion: true,
      },
    },
    {
      id: 'after-call',
      type: 'email',
      data: { body: '{{고객명}}님, 통화 감사합니다.', format: 'text', mode: 'auto' },
    },
    { id: 'won', type: 'exit', data: { outcome: 'converted' } },
    { id: 'ab', type: 'split', data: split },
    {
      id: 'text',
      type: 'sms',
      data: { body: '[넛지] {{고객명}}님, {{회사명}} 자료를 메일로 보냈어요', mode: 'auto' },
    },
    {
      id: 'alimtalk',
      type: 'kakao',
      data: {
        templateCode: 'NUDGE_FOLLOWUP_01',
        body: '{{ 고객명 | default: "고객" }}님, {{회사명}} 담당 {{담당자명}}입니다. 자료를 확인해 주세요.',
        buttons: [{ name: '자료 보기', url: 'https://nudge.example/r/{{ contact.id }}' }],
        fallbackSms: '[넛지] {{고객명}}님, 자료를 확인해 주세요',
        mode: 'auto',
      },
    },
    { id: 'wait', type: 'delay', data: { amount: 2, unit: 'days' } },
    {
      id: 'bump',
      type: 'email',
      data: { body: '{{고객명}}님, 혹시 보셨나요?', format: 'text', mode: 'auto' },
    },
    {
      id: 'todo',
      type: 'task',
      data: { kind: 'todo', title: '{{회사명}} 링크드인 확인', assignee: 'owner' },
    },
    {
      id: 'last',
      type: 'email',
      data: { body: '마지막으로 연락드립니다, {{고객명}}님.', format: 'text', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'hello' },
    { id: 'e2', source: 'hello', target: 'mark' },
    { id: 'e3', source: 'mark', target: 'opened' },
    { id: 'e4', source: 'opened', sourceHandle: 'met', target: 'is-ceo' },
    { id: 'e5', source: 'opened', sourceHandle: 'timeout', target: 'wait' },
    { id: 'e6', source: 'is-ceo', sourceHandle: 'yes', target: 'call' },
    { id: 'e7', source: 'is-ceo', sourceHandle: 'no', target: 'ab' },
    { id: 'e8', source: 'call', target: 'after-call' },
    { id: 'e9', source: 'after-call', target: 'won' },
    { id: 'e10', source: 'ab', sourceHandle: 'by-sms', target: 'text' },
    { id: 'e11', source: 'ab', sourceHandle: 'by-kakao', target: 'alimtalk' },
    { id: 'e12', source: 'wait', target: 'bump' },
    { id: 'e13', source: 'bump', target: 'todo' },
    { id: 'e14', source: 'todo', target: 'last' },
  ],
} satisfies Sequence;
await publish(sql, w, 'all', sequence);

// The order in which steps wrote their sends and tasks, across both tables.
await sql.unsafe(`
  create table path_log (
    id bigint generated always as identity primary key,
    enrollment_id uuid not null,
    kind text not null,
    node text not null
  );
  create function path_logged() returns trigger language plpgsql as $$
  begin
    insert into path_log (enrollment_id, kind, node) values (new.enrollment_id, tg_argv[0], new.node);
    return null;
  end $$;
  create trigger path_send after insert on messages for each row execute function path_logged('send');
  create trigger path_task after insert on tasks for each row execute function path_logged('task');
`);

let worker: RunningWorker | undefined;
afterAll(async () => {
  await worker?.stop();
  await email.close();
  await smtp.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until nothing is due: no job to run now (or running) and no message waiting to go out. */
async function idle() {
  const started = Date.now();
  for (;;) {
    const [row] = await sql<Array<{ jobs: number; unsent: number }>>`
      select (select count(*) from graphile_worker.jobs where run_at <= now())::int as jobs,
        (select count(*) from messages where status in ('queued', 'sending'))::int as unsent`;
    if (row?.jobs === 0 && row.unsent === 0) return;
    if (Date.now() - started > 15_000) throw new Error('the worker did not settle');
    await sleep(50);
  }
}

/**
 * The clock for the wake-ups due later than now: once the worker is idle, the earliest one is
 * taken off Graphile's queue and its step run at its due time. Returns false when none is left.
 */
async function nextWakeUp(): Promise<boolean> {
  await idle();
  const [job] = await sql<Array<{ key: string; payload: StepPayload; run_at: Date }>>`
    select j.key, j.payload, j.run_at
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'step' and (j.payload->>'workspace') = ${w} and j.run_at > now()
    order by j.run_at, j.id limit 1`;
  if (!job) return false;
  await sql`select graphile_worker.remove_job(${job.key})`;
  await runStep(sql, job.payload, job.run_at.getTime());
  return true;
}

/**
 * A person marks a task done. There is no worker function for it yet: this is the smallest
 * correct route, the lock order and the `taskCompleted` input of every other transaction.
 */
async function completeTask(id: number) {
  await sql.begin(async (tx) => {
    const [task] = await tx<Array<{ enrollment_id: string; node: string }>>`
      select enrollment_id, node from tasks where id = ${id}`;
    if (!task) throw new Error(`no task ${id}`);
    const row = await lockEnrollment(tx, w, task.enrollment_id);
    await tx`update tasks set status = 'done', completed_at = now() where id = ${id} and status = 'open'`;
    if (row?.state.status === 'active')
      await applyInput(
        tx,
        row,
        (contact) => ({ kind: 'taskCompleted', node: task.node, contact }),
        Date.now(),
      );
  });
}

/** What the open pixel of a received mail records, as the tracking route does. */
async function openPixel(mail: ReceivedMail) {
  const token = /https:\/\/nudge\.example\/t\/o\/([^"]+)\.gif/.exec(String(mail.parsed.html))?.[1];
  const payload = verifyToken(SECRET, token ?? '', 'open');
  if (!payload) throw new Error('the mail has no valid open pixel');
  const [found] = await sql<
    Array<{ enrollment_id: string; contact_id: string; sequence_id: string; node: string }>
  >`
    select m.enrollment_id, e.contact_id, e.sequence_id, m.node
    from messages m join enrollments e on e.id = m.enrollment_id
    where m.workspace_id = ${String(payload.w)} and m.id = ${Number(payload.m)}`;
  if (!found) throw new Error('the pixel names no message');
  await recordEvent(sql, {
    workspace: w,
    contactId: found.contact_id,
    type: 'opened',
    enrollmentId: found.enrollment_id,
    sequenceId: found.sequence_id,
    node: found.node,
  });
}

const mailTo = (contact: string) =>
  smtp.received.filter((m) => m.envelope.to.includes(`${contact}@hanbit.example`));

describe('a sequence of every node type', () => {
  it('covers every node type of the schema, and is valid', () => {
    expect(new Set(sequence.nodes.map((n) => n.type))).toEqual(new Set(NODE_TYPES));
    expect(validateSequence(sequence)).toMatchObject({ ok: true, warnings: [] });
  });

  it('runs end to end on the real worker, each contact down its own branch', {
    timeout: 30_000,
  }, async () => {
    worker = await startWorker({ connectionString: db.url, sql, services, pollInterval: 100 });
    expect((await enroll(sql, w, 'all', ['ceo', 'quiet'])).enrolled).toBe(2);
    // The split is decided by the enrollment id: enroll until both of its branches are taken.
    const branchOf = new Map<string, string>();
    for (const p of pool) {
      if (new Set(branchOf.values()).size === 2) break;
      await enroll(sql, w, 'all', [p.id as string]);
      const [row] = await sql<Array<{ id: string }>>`
        select id from enrollments where workspace_id = ${w} and contact_id = ${p.id as string}`;
      branchOf.set(p.id as string, chooseBranch(split, row?.id as string, 'ab'));
    }
    expect(new Set(branchOf.values())).toEqual(new Set(['by-sms', 'by-kakao']));
    const openers = ['ceo', ...branchOf.keys()];
    const everyone = ['quiet', ...openers];

    // The first steps: the welcome goes out to everyone, who then waits for its open.
    await idle();
    for (const id of openers) {
      const [hello] = mailTo(id);
      expect(hello, id).toBeDefined();
      await openPixel(hello as ReceivedMail);
    }
    await idle();
    // The CEO's call, done by the owner: the thank-you goes out and the enrollment converts.
    const calls = await sql<Array<{ id: number; status: string }>>`
      select t.id, t.status from tasks t join enrollments e on e.id = t.enrollment_id
      where e.contact_id = 'ceo' and t.node = 'call'`;
    expect(calls).toEqual([{ id: expect.any(Number), status: 'open' }]);
    await completeTask(calls[0]?.id as number);
    // The quiet one: the wait_for times out a day later, the delay ends two days after that.
    let wakeUps = 0;
    while (await nextWakeUp()) wakeUps++;
    expect(wakeUps).toBe(2);
    await idle();

    const enrollments = await sql<
      Array<{
        id: string;
        contact_id: string;
        status: string;
        node: string;
        enrolled_at: number;
      }>
    >`
      select id, contact_id, status, node, (state->>'enrolledAt')::bigint as enrolled_at
      from enrollments where workspace_id = ${w} order by contact_id`;
    expect(Object.fromEntries(enrollments.map((e) => [e.contact_id, [e.status, e.node]]))).toEqual({
      ceo: ['converted', 'won'],
      quiet: ['completed', 'last'],
      ...Object.fromEntries(
        [...branchOf].map(([id, branch]) => [
          id,
          ['completed', branch === 'by-sms' ? 'text' : 'alimtalk'],
        ]),
      ),
    });

    // Each contact went the way the simulator predicts for the same start and events.
    const opens = await sql<Array<{ contact_id: string; at: Date }>>`
      select contact_id, at from events where workspace_id = ${w} and type = 'opened'`;
    const people = new Map([ceo, quiet, ...pool].map((c) => [c.id as string, c]));
    const nameOf = (id: string) => people.get(id)?.name;
    for (const e of enrollments) {
      const sim = simulate({
        sequence,
        contact: people.get(e.contact_id) as Contact,
        enrollmentId: e.id,
        start: new Date(Number(e.enrolled_at)).toISOString(),
        until: new Date(Number(e.enrolled_at) + 30 * 86_400_000).toISOString(),
        events: opens
          .filter((o) => o.contact_id === e.contact_id)
          .map((o) => ({ at: o.at.toISOString(), type: 'opened' as const, node: 'hello' })),
      });
      const predicted = sim.timeline
        .filter((t) => (t.action === 'send' && !t.skipped) || t.action === 'task')
        .map((t) => `${t.action}:${t.node}`)
        .filter((step, i, all) => all.indexOf(step) === i);
      const path = await sql<Array<{ kind: string; node: string }>>`
        select kind, node from path_log where enrollment_id = ${e.id} order by id`;
      // Sends in the walk's order, tasks in theirs: a step writes its outbox rows and its tasks
      // in a statement each, so how the two interleave in the log is not the walk's.
      const actual = path.map((p) => `${p.kind}:${p.node}`);
      const only = (steps: string[], kind: string) => steps.filter((s) => s.startsWith(`${kind}:`));
      expect(only(actual, 'send'), e.contact_id).toEqual(only(predicted, 'send'));
      expect(only(actual, 'task'), e.contact_id).toEqual(only(predicted, 'task'));
      expect(actual.length, e.contact_id).toBe(predicted.length);
      expect([e.status, e.node], e.contact_id).toEqual([sim.status, sim.timeline.at(-1)?.node]);
      const handles = sim.timeline.filter((t) => t.action === 'branch').map((t) => t.handle);
      const expected =
        e.contact_id === 'ceo'
          ? ['met', 'yes']
          : e.contact_id === 'quiet'
            ? ['timeout']
            : ['met', 'no', branchOf.get(e.contact_id)];
      expect(handles, e.contact_id).toEqual(expected);
    }

    // Nothing was cancelled or failed on the way.
    expect(
      await sql`select status, count(*)::int as n from messages where workspace_id = ${w} group by status`,
    ).toEqual([{ status: 'sent', n: 5 + 2 * branchOf.size }]);

    // The mail: each under the Message-ID stored in the outbox, once.
    const stored = await sql<
      Array<{ contact_id: string; node: string; message_id: string; subject: string }>
    >`
      select e.contact_id, m.node, m.message_id, m.content->>'subject' as subject
      from messages m join enrollments e on e.id = m.enrollment_id
      where m.workspace_id = ${w} and m.channel = 'email' and m.status = 'sent'`;
    expect(smtp.received.map((m) => m.parsed.messageId).sort()).toEqual(
      stored.map((m) => m.message_id).sort(),
    );
    const idOf = (contact: string, node: string) =>
      stored.find((m) => m.contact_id === contact && m.node === node)?.message_id;
    const received = (contact: string, node: string) => {
      const mail = smtp.received.find((m) => m.parsed.messageId === idOf(contact, node));
      if (!mail) throw new Error(`${node} to ${contact} did not arrive`);
      return mail;
    };
    expect(stored.map((m) => `${m.contact_id}:${m.node}`).sort()).toEqual(
      [
        'ceo:hello',
        'ceo:after-call',
        'quiet:hello',
        'quiet:bump',
        'quiet:last',
        ...[...branchOf.keys()].map((id) => `${id}:hello`),
      ].sort(),
    );
    for (const mail of smtp.received) {
      const raw = mail.raw.toString();
      expect(raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/nudge\.example\/u\/[^>]+>/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      expect(mail.parsed.from?.value[0]).toMatchObject({
        name: '넛지 팀',
        address: 'team@nudge.example',
      });
    }

    // The welcome: Korean subject and body decoded, merge variables rendered, links tracked.
    const hello = received('ceo', 'hello');
    expect(hello.parsed.subject).toBe('김민준님, 한빛물류 물류 자동화 제안');
    expect(hello.parsed.text).toContain('김민준님(CEO), 안녕하세요. 최담당입니다. 요금제: pro');
    expect(String(hello.parsed.html)).toContain('김민준님(CEO), 안녕하세요. 최담당입니다.');
    expect(String(hello.parsed.html)).toMatch(/href="https:\/\/nudge\.example\/t\/c\/[^"]+"/);
    expect(hello.parsed.inReplyTo).toBeUndefined();
    for (const id of ['quiet', ...branchOf.keys()])
      expect(received(id, 'hello').parsed.subject).toBe(
        `${nameOf(id)}님, 한빛물류 물류 자동화 제안`,
      );

    // Threads: `Re: ` the first subject, In-Reply-To the latest email, References all of them.
    const thread = (contact: string, node: string) => {
      const { parsed } = received(contact, node);
      return [parsed.subject, parsed.inReplyTo, [parsed.references ?? []].flat(), parsed.text];
    };
    const ceoHello = idOf('ceo', 'hello');
    expect(thread('ceo', 'after-call')).toEqual([
      'Re: 김민준님, 한빛물류 물류 자동화 제안',
      ceoHello,
      [ceoHello],
      '김민준님, 통화 감사합니다.',
    ]);
    const [quietHello, quietBump] = [idOf('quiet', 'hello'), idOf('quiet', 'bump')];
    expect(thread('quiet', 'bump')).toEqual([
      'Re: 박지훈님, 한빛물류 물류 자동화 제안',
      quietHello,
      [quietHello],
      '박지훈님, 혹시 보셨나요?',
    ]);
    expect(thread('quiet', 'last')).toEqual([
      'Re: 박지훈님, 한빛물류 물류 자동화 제안',
      quietBump,
      [quietHello, quietBump],
      '마지막으로 연락드립니다, 박지훈님.',
    ]);

    // SMS and AlimTalk, rendered, to the contacts' numbers.
    const bySms = [...branchOf].filter(([, b]) => b === 'by-sms').map(([id]) => id);
    const byKakao = [...branchOf].filter(([, b]) => b === 'by-kakao').map(([id]) => id);
    const phoneOf = (id: string) => people.get(id)?.phone;
    expect(messaging.sent.filter((m) => m.channel === 'sms')).toEqual(
      bySms.map((id) =>
        expect.objectContaining({
          to: phoneOf(id),
          from: '0215880000',
          text: `[넛지] ${nameOf(id)}님, 한빛물류 자료를 메일로 보냈어요`,
        }),
      ),
    );
    expect(messaging.sent.filter((m) => m.channel === 'alimtalk')).toEqual(
      byKakao.map((id) =>
        expect.objectContaining({
          to: phoneOf(id),
          templateCode: 'NUDGE_FOLLOWUP_01',
          senderKey: 'KA01PF-nudge',
          text: `${nameOf(id)}님, 한빛물류 담당 최담당입니다. 자료를 확인해 주세요.`,
          buttons: [{ name: '자료 보기', url: `https://nudge.example/r/${id}` }],
          fallbackSms: `[넛지] ${nameOf(id)}님, 자료를 확인해 주세요`,
        }),
      ),
    );

    // update_contact wrote every enrollee's row; the tasks are there, the call done.
    const rows = await sql<Array<{ id: string; tags: string[]; attributes: unknown }>>`
      select id, tags, attributes from contacts where workspace_id = ${w} and id = any(${everyone})`;
    for (const row of rows)
      expect(row, row.id).toMatchObject({
        tags: ['lead', 'nudged'],
        attributes: { plan: 'pro', stage: 'contacted' },
      });
    expect(rows).toHaveLength(everyone.length);
    const tasks = await sql`
      select e.contact_id, t.node, t.kind, t.title, t.note, t.assignee, t.status,
        t.completed_at is not null as completed
      from tasks t join enrollments e on e.id = t.enrollment_id
      where t.workspace_id = ${w} order by e.contact_id`;
    expect(tasks).toEqual([
      {
        contact_id: 'ceo',
        node: 'call',
        kind: 'call',
        title: '김민준님께 전화 (한빛물류)',
        note: '메일을 열어 보셨습니다',
        assignee: 'owner@nudge.example',
        status: 'done',
        completed: true,
      },
      {
        contact_id: 'quiet',
        node: 'todo',
        kind: 'todo',
        title: '한빛물류 링크드인 확인',
        note: null,
        assignee: 'owner@nudge.example',
        status: 'open',
        completed: false,
      },
    ]);
  });
});
