import { afterAll, describe, expect, it } from 'vitest';
import type { Contact } from '../core/index.ts';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { runDelivery } from './deliver.ts';
import { captureMessaging, smtpTransport } from './delivery/index.ts';
import { startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { recordEvent } from './events.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { type RunningWorker, startWorker } from './runner.ts';
import { verifyToken } from './tracking/index.ts';

/*
 * The whole worker on real components: Graphile Worker runs the step and deliver jobs against
 * PostgreSQL, mail goes over SMTP to a server on loopback, SMS to the capture provider.
 */

const db = await createTestDatabase();
const { sql } = db;
const smtp = await startSmtpServer((address) =>
  address.startsWith('nobody@') ? [550, 'mailbox unavailable'] : null,
);
const email = smtpTransport(smtp.url);
const messaging = captureMessaging();
const SECRET = 'test-secret';
const services = {
  email,
  messaging,
  publicUrl: 'https://nudge.example',
  secrets: SECRET,
  smsFrom: '0215880000',
};

const person = (id: string, name: string, address: string): Contact => ({
  id,
  email: address,
  phone: '+821012345678',
  name,
  company: '한빛물류',
  timezone: 'Asia/Seoul',
  tags: [],
  attributes: {},
});
const w = await createWorkspace(sql, [
  person('minjun', '김민준', 'minjun@hanbit.example'),
  person('seoyeon', '이서연', 'seoyeon@hanbit.example'),
  person('ghost', '없는사람', 'nobody@hanbit.example'),
  person('late', '나중에', 'late@hanbit.example'),
]);
await publish(sql, w, 'hello', {
  format: 'nudge.sequence/v1',
  name: 'Hello',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '{{고객명}}님, 안녕하세요',
        body: '<p>{{회사명}} 팀께 <a href="https://nudge.example/start?a=1&amp;b=2">시작하기</a></p>',
        format: 'html',
        mode: 'auto',
      },
    },
    { id: 'bump', type: 'email', data: { body: '혹시 보셨나요?', format: 'text', mode: 'auto' } },
    {
      id: 'text',
      type: 'sms',
      data: { body: '[넛지] {{고객명}}님, 메일을 확인해 주세요', mode: 'auto' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'welcome' },
    { id: 'e2', source: 'welcome', target: 'bump' },
    { id: 'e3', source: 'bump', target: 'text' },
  ],
});

let worker: RunningWorker | undefined;
afterAll(async () => {
  await worker?.stop();
  email.close();
  await smtp.close();
});

async function until(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the worker', () => {
  it('enrolls, steps and delivers: threaded emails over SMTP with their headers, and the SMS', async () => {
    worker = await startWorker({ connectionString: db.url, sql, services, pollInterval: 200 });
    const result = await enroll(sql, w, 'hello', ['minjun', 'seoyeon', 'ghost']);
    expect(result.enrolled).toBe(3);
    await until(async () => {
      const [row] =
        await sql`select count(*)::int as n from messages where workspace_id = ${w} and status in ('queued', 'sending')`;
      const [all] = await sql`select count(*)::int as n from messages where workspace_id = ${w}`;
      return row?.n === 0 && (all?.n ?? 0) >= 5;
    }, 'every message delivered');

    const toMinjun = smtp.received.filter((m) => m.envelope.to.includes('minjun@hanbit.example'));
    expect(toMinjun.map((m) => m.parsed.subject).sort()).toEqual([
      'Re: 김민준님, 안녕하세요',
      '김민준님, 안녕하세요',
    ]);
    const welcome = toMinjun.find((m) => m.parsed.subject === '김민준님, 안녕하세요');
    const bump = toMinjun.find((m) => m.parsed.subject?.startsWith('Re:'));
    const [stored] = await sql`
      select m.message_id from messages m join enrollments e on e.id = m.enrollment_id
      where e.contact_id = 'minjun' and m.node = 'welcome'`;
    expect(welcome?.parsed.messageId).toBe(stored?.message_id);
    expect(bump?.parsed.inReplyTo).toBe(stored?.message_id);
    expect(bump?.parsed.references).toEqual(stored?.message_id);
    expect(welcome?.parsed.from?.value[0]).toMatchObject({
      address: 'team@nudge.example',
      name: '넛지',
    });
    expect(welcome?.raw.toString()).toMatch(
      /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m,
    );
    expect(welcome?.raw.toString()).toMatch(
      /^List-Unsubscribe:\s+<https:\/\/nudge\.example\/u\/[^>]+>/m,
    );
    // The link goes through a signed click URL that leads back to the original.
    const link = /href="(https:\/\/nudge\.example\/t\/c\/[^"]+)"/.exec(
      String(welcome?.parsed.html),
    )?.[1];
    const token = link?.slice('https://nudge.example/t/c/'.length) ?? '';
    expect(verifyToken(SECRET, token, 'click')?.u).toBe('https://nudge.example/start?a=1&b=2');

    expect(
      messaging.sent
        // The ghost's SMS was queued in the same step as its email: it may go out before the
        // email's permanent failure fails the enrollment (which cancels what is still queued).
        .filter((m) => m.channel === 'sms' && !m.text.includes('없는사람'))
        .map((m) => m.text)
        .sort(),
    ).toEqual(['[넛지] 김민준님, 메일을 확인해 주세요', '[넛지] 이서연님, 메일을 확인해 주세요']);
    const enrollments =
      await sql`select contact_id, status, exit_reason from enrollments where workspace_id = ${w} order by contact_id`;
    expect(enrollments.map((e) => [e.contact_id, e.status])).toEqual([
      ['ghost', 'failed'],
      ['minjun', 'completed'],
      ['seoyeon', 'completed'],
    ]);
    expect(enrollments[0]?.exit_reason).toMatch(/mailbox unavailable/);
  });

  it('a message whose enrollment ended before delivery is cancelled, never sent', async () => {
    await worker?.stop();
    worker = undefined;
    // Still active after its first send: the welcome, then a day's wait.
    await publish(sql, w, 'held', {
      format: 'nudge.sequence/v1',
      name: 'Held',
      settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        {
          id: 'welcome',
          type: 'email',
          data: { subject: 'Hi', body: 'Hello', format: 'text', mode: 'auto' },
        },
        { id: 'wait', type: 'delay', data: { amount: 1, unit: 'days' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'welcome' },
        { id: 'e2', source: 'welcome', target: 'wait' },
      ],
    });
    await enroll(sql, w, 'held', ['late']);
    const [job] = await sql<
      Array<{ id: string }>
    >`select id from enrollments where contact_id = 'late'`;
    // Run the step by hand (the worker is stopped), then the reply, then the delivery.
    const { runStep } = await import('./step.ts');
    await runStep(sql, { workspace: w, enrollment: job?.id as string, version: 0 });
    await recordEvent(sql, { workspace: w, contactId: 'late', type: 'replied' });
    const messages = await sql<Array<{ id: number }>>`
      select m.id from messages m join enrollments e on e.id = m.enrollment_id where e.contact_id = 'late'`;
    const before = smtp.received.length;
    for (const m of messages)
      expect(await runDelivery(sql, { workspace: w, message: Number(m.id) }, services)).toBe(
        'done already',
      );
    expect(smtp.received.length).toBe(before);
    const statuses =
      await sql`select m.status, m.last_error from messages m join enrollments e on e.id = m.enrollment_id where e.contact_id = 'late'`;
    expect(
      statuses.every(
        (s) => s.status === 'failed' && /cancelled: the contact replied/.test(s.last_error),
      ),
    ).toBe(true);
  });
});
