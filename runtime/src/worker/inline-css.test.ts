import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './db/test-database.test-support.ts';
import { runDelivery } from './deliver.ts';
import { captureMessaging, smtpTransport } from './delivery/index.ts';
import { startSmtpServer } from './delivery/smtp.test-support.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { runStep } from './step.ts';

/*
 * An HTML email's <style> rules reach the mailbox inline (issue 14 §2): Gmail and Outlook
 * drop <style> blocks, so what the author styled there must be on the elements themselves.
 * The whole path, on real components: step, outbox, delivery, SMTP on loopback.
 */

const db = await createTestDatabase();
const { sql } = db;
const smtp = await startSmtpServer();
const email = smtpTransport(smtp.url);
afterAll(async () => {
  email.close();
  await smtp.close();
});
const services = {
  email,
  messaging: captureMessaging(),
  publicUrl: 'https://nudge.example',
  secrets: 'test-secret',
};

const w = await createWorkspace(sql, [
  {
    id: 'kim',
    email: 'kim@hanbit.example',
    name: '김민준',
    timezone: 'Asia/Seoul',
    tags: [],
    attributes: {},
  },
]);
await publish(sql, w, 'styled', {
  format: 'nudge.sequence/v1',
  name: 'Styled',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'hello',
      type: 'email',
      data: {
        subject: '안녕하세요',
        body: '<html><head><style>.lead { color: #1a56db; font-weight: bold } @media (max-width: 600px) { .lead { font-size: 14px } }</style></head><body><p class="lead">{{ 고객명 }}님, 안녕하세요.</p></body></html>',
        format: 'html',
        mode: 'auto',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'hello' }],
});

describe('an HTML email with a <style> block', () => {
  it('is sent with the rule inline on the element, the media query kept', async () => {
    await enroll(sql, w, 'styled', ['kim']);
    const [enrollment] = await sql<Array<{ id: string }>>`
      select id from enrollments where workspace_id = ${w} and contact_id = 'kim'`;
    await runStep(sql, { workspace: w, enrollment: enrollment?.id as string, version: 0 });
    const [message] = await sql<Array<{ id: string }>>`
      select id from messages where enrollment_id = ${enrollment?.id as string} and node = 'hello'`;
    expect(await runDelivery(sql, { workspace: w, message: Number(message?.id) }, services)).toBe(
      'sent',
    );

    const parsed = smtp.received.at(-1)?.parsed;
    const html = String(parsed?.html);
    expect(html).toContain(
      '<p class="lead" style="color: #1a56db; font-weight: bold;">김민준님, 안녕하세요.</p>',
    );
    expect(html).toMatch(/<style>[^<]*@media \(max-width: 600px\)/);
    expect(parsed?.text?.trim()).toBe('김민준님, 안녕하세요.');
  });
});
