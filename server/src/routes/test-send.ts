import {
  type Contact,
  type EmailContent,
  type MergeContext,
  RenderError,
  renderEmail,
  renderKakao,
  renderSms,
  type Sender,
  type Thread,
} from '@nudge/runtime/core';
import { type ContactRow, contactOf, holdRenderGuard } from '@nudge/runtime/worker';
import {
  captureMessaging,
  captureTransport,
  composeEmail,
  DeliveryError,
  type EmailTransport,
  generateMessageId,
  type MessagingProvider,
} from '@nudge/runtime/worker/delivery';
import { type Secrets, trackingUrls } from '@nudge/runtime/worker/tracking';
import {
  checkContact,
  LIMITS,
  type NodeData,
  resolveSettings,
  type Sequence,
  type SequenceNode,
  validateSequence,
} from '@nudge/schema';
import type { Context, Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { findDraft } from '../db/sequences.ts';
import {
  lockRecentSends,
  markTestSendFailed,
  markTestSendSent,
  recordTestSend,
} from '../db/test-sends.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { isObject, onlyKnown, readJsonObject } from '../json-body.ts';

/** What a test send goes through: the worker's delivery, as the server is configured. */
export interface TestSendServices {
  /** SMTP_URL's transport, else the capture into the outbox (the worker's choice, worker.ts). */
  email: EmailTransport;
  /** SMS and AlimTalk: the worker's provider (today the in-memory capture, worker.ts). */
  messaging: MessagingProvider;
  /** PUBLIC_URL, the base of the signed links; absent: the origin the request came to. */
  publicUrl?: () => string | undefined;
  /** NUDGE_SECRET, as the worker signs links with it. */
  secrets: Secrets;
  smsFrom?: string;
  kakaoSenderKey?: string;
}

/** Test sends one token may make in a minute (a 429 with Retry-After past it). */
export const TEST_SENDS_PER_MINUTE = 10;
/** A test send's body: a step id, an address and one contact (contacts are far smaller). */
export const TEST_SEND_BODY_BYTES = 256 * 1024;
/** What a test message carries at the start of its subject (SMS: of its text). */
export const TEST_MARK = '[TEST] ';

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
/** E.164-ish: an optional +, then 8 to 15 digits once spaces, dashes, dots and brackets go. */
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;
const PHONE_DIGITS = /^\+?[0-9]{8,15}$/;
const MESSAGE_TYPES = ['email', 'sms', 'kakao'] as const;
type MessageType = (typeof MESSAGE_TYPES)[number];
type MessageStep = SequenceNode & { type: MessageType };

interface TestSendBody {
  node: string;
  to: string;
  contactId?: string;
  contact?: Contact;
}

/**
 * POST /api/sequences/:id/test-send `{ node, to, contactId | contact }` → 200
 * `{ id, channel, to, subject?, messageId?, warnings }`: one message step of the draft, rendered
 * for the contact with the worker's renderer (under the worker's hard render limit), sent to
 * `to` through the server's delivery (SMTP_URL, else captured into the outbox; SMS and
 * AlimTalk through the worker's provider), marked `[TEST] `. The draft may be invalid
 * elsewhere: only a step that is not a message step, or whose own data (or the settings it
 * renders with) is invalid or fails to render, is refused (422, naming it).
 *
 * A test send is kept in `test_sends`, never in `messages`: it starts no enrollment, counts in
 * no stats, and reads and changes no consent. The contact's unsubscribe does not stop it (the
 * mail goes to the address typed, not the contact's), but an address on the workspace's
 * suppression list is refused (422 `address_suppressed`): it bounced or asked to get nothing,
 * and a test is no reason to write to it again. Its links are signed as the worker's, for the
 * test send's id, which no message has: a click redirects and records nothing, the unsubscribe
 * page finds no message and unsubscribes no one. Each token may test-send
 * TEST_SENDS_PER_MINUTE times a minute (attempts, counted in the database, so across servers).
 */
export function testSendRoutes(api: Hono<ApiEnv>, sql: Sql, services: TestSendServices): void {
  api.post('/sequences/:id/test-send', limitBody(TEST_SEND_BODY_BYTES), async (c) => {
    const workspace = c.var.workspace;
    const sequenceId = c.req.param('id');
    const body = await readJsonObject(c, '{ "node", "to", "contactId" | "contact" }');
    onlyKnown(body, ['node', 'to', 'contactId', 'contact']);
    const request = checkBody(body);
    const draft = await findDraft(sql, workspace, sequenceId);
    const step = messageStep(draft, request.node);
    const channel = step.type;
    const to = addressFor(channel, request.to);
    const contact = request.contact ?? (await storedContact(sql, workspace, request.contactId));
    await refuseSuppressed(sql, workspace, channel, to);
    const context = await mergeContext(sql, workspace, draft, contact);

    // Rendered under the token's lock, after its count: a refused render writes nothing and
    // counts nothing, and one token renders one step at a time.
    const { id, rendered } = await reserve(sql, c, { sequenceId, node: step.id, channel, to }, () =>
      render(draft, step, context),
    );
    const failed = async (error: ApiError) => {
      await markTestSendFailed(sql, workspace, id, error.message);
      return error;
    };
    try {
      if (rendered.channel === 'email') {
        const content = rendered.value;
        const subject = `${TEST_MARK}${content.subject}`;
        const messageId = generateMessageId((content.from ?? context.sender)?.email);
        const mail = composeEmail({
          content: { ...content, subject },
          to: { address: to },
          messageId,
          ...(context.sender ? { defaultSender: context.sender } : {}),
          thread: null,
          links: trackingUrls(publicUrlOf(c, services), services.secrets, {
            workspaceId: workspace,
            messageId: id,
          }),
          tracking: resolveSettings(draft.settings).tracking,
          headers: { 'X-Nudge-Test': 'yes' },
        });
        const sent = await services.email.send(mail);
        await markTestSendSent(sql, workspace, id, {
          providerId: sent.providerId,
          subject,
          messageId,
          raw: sent.raw ?? null,
        });
        return c.json({ id, channel, to, subject, messageId, warnings: rendered.warnings });
      }
      const sent =
        rendered.channel === 'sms'
          ? await services.messaging.sendSms({
              to,
              text: `${TEST_MARK}${rendered.value.text}`,
              from: services.smsFrom ?? '',
            })
          : await services.messaging.sendAlimTalk({
              to,
              templateCode: rendered.value.templateCode,
              // The text must match the approved template to the letter: it goes as rendered,
              // and the fallback SMS, which is free text, carries the mark.
              text: rendered.value.text,
              buttons: rendered.value.buttons,
              ...(rendered.value.fallbackSms !== undefined
                ? { fallbackSms: `${TEST_MARK}${rendered.value.fallbackSms}` }
                : {}),
              senderKey: services.kakaoSenderKey ?? '',
              ...(services.smsFrom ? { from: services.smsFrom } : {}),
            });
      await markTestSendSent(sql, workspace, id, { providerId: sent.providerId });
      return c.json({ id, channel, to, messageId: sent.providerId, warnings: rendered.warnings });
    } catch (error) {
      if (error instanceof DeliveryError) throw await failed(deliveryFailed(error));
      await failed(new ApiError(422, 'delivery_failed', String(error)));
      throw error;
    }
  });
  api.all('/sequences/:id/test-send', methodNotAllowed(['POST']));
}

/** The services of a server given none: mail captured into the outbox, SMS kept in memory. */
export function captureServices(secrets: Secrets): TestSendServices {
  return { email: captureTransport(), messaging: captureMessaging(), secrets };
}

function checkBody(body: Record<string, unknown>): TestSendBody {
  const bad = (message: string, pointer: string) =>
    new ApiError(400, 'invalid_test_send', message, { pointer });
  const limits: Record<string, number> = { node: 64, to: 254, contactId: LIMITS.contact.idChars };
  for (const [key, max] of Object.entries(limits)) {
    const value = body[key];
    if (value === undefined && key === 'contactId') continue;
    if (typeof value !== 'string' || value.trim() === '')
      throw bad(`"${key}" must be a non-empty string`, `/${key}`);
    if (value.length > max)
      throw bad(
        `"${key}" is ${value.length} characters long; at most ${max} are allowed`,
        `/${key}`,
      );
  }
  const to = (body.to as string).trim();
  if (!EMAIL.test(to) && !isPhone(to))
    throw bad(
      `"to" must be an email address (minjun@example.com) or a phone number (+82 10-1234-5678, 010-1234-5678): got ${JSON.stringify(to)}`,
      '/to',
    );
  if ((body.contactId === undefined) === (body.contact === undefined))
    throw bad(
      'name the contact to render for with "contactId" (a contact of the workspace) or give it as "contact" (one of them)',
      '',
    );
  if (body.contact !== undefined) {
    const checked = checkContact(body.contact);
    if (!checked.ok) {
      const problems = checked.problems.map(({ pointer, message }) => ({
        pointer: `/contact${pointer}`,
        message,
      }));
      throw new ApiError(
        422,
        'invalid_contacts',
        `the contact is not valid: ${problems[0]?.message} (at ${problems[0]?.pointer})`,
        { problems: problems.slice(0, 100) },
      );
    }
    return { node: body.node as string, to, contact: checked.contact };
  }
  return { node: body.node as string, to, contactId: body.contactId as string };
}

function isPhone(text: string): boolean {
  return PHONE_CHARS.test(text) && PHONE_DIGITS.test(text.replace(/[ ().-]/g, ''));
}

/** The address as the channel takes it, or 400: an email step goes to an email address. */
function addressFor(channel: MessageType, to: string): string {
  const wanted = channel === 'email' ? 'an email address' : 'a phone number';
  if (channel === 'email' ? EMAIL.test(to) : isPhone(to)) return to;
  throw new ApiError(
    400,
    'invalid_test_send',
    `this step is ${channel === 'email' ? 'an email' : channel === 'sms' ? 'an SMS' : 'an AlimTalk'}: "to" must be ${wanted}, not ${JSON.stringify(to)}`,
    { pointer: '/to' },
  );
}

/** The step, if it is a message step whose own data is valid; else a 404 or a 422 naming it. */
function messageStep(draft: Sequence, node: string): MessageStep {
  const nodes: unknown[] = Array.isArray(draft.nodes) ? draft.nodes : [];
  const index = nodes.findIndex((n) => isObject(n) && n.id === node);
  const step = nodes[index] as SequenceNode | undefined;
  if (!step) throw new ApiError(404, 'step_not_found', `the draft has no step "${node}"`, { node });
  if (!(MESSAGE_TYPES as readonly string[]).includes(step.type))
    throw new ApiError(
      422,
      'not_a_message_step',
      `step "${node}" is ${JSON.stringify(step.type)}, not a message step: only email, sms and kakao steps can be test-sent`,
      { node, type: step.type },
    );
  // Problems of this step's own data, and of the settings a render reads: the rest of the
  // draft (links, other steps) may be unfinished.
  const own = [`/nodes/${index}/`, '/settings/variables', '/settings/sender', '/settings/tracking'];
  const problems = validateSequence(draft)
    .errors.filter((p) => own.some((prefix) => `${p.pointer}/`.startsWith(prefix)))
    .map(({ code, message, pointer }) => ({ code, message, pointer }));
  if (problems.length > 0)
    throw new ApiError(
      422,
      'cannot_render',
      `step "${node}" can't be rendered: ${problems[0]?.message} (at ${problems[0]?.pointer})`,
      { node, problems: problems.slice(0, 100) },
    );
  return step as MessageStep;
}

async function storedContact(sql: Sql, workspace: string, id: string | undefined) {
  const [row] = await sql<ContactRow[]>`
    select id, email, phone, name, company, title, timezone, locale, owner, tags, attributes,
      unsubscribed
    from contacts where workspace_id = ${workspace} and id = ${id ?? ''}`;
  if (!row)
    throw new ApiError(
      404,
      'contact_not_found',
      `there is no contact "${id}" in this workspace: nothing was sent`,
      { contactId: id },
    );
  return contactOf(row);
}

/** An address on the workspace's suppression list gets nothing, tests included. */
async function refuseSuppressed(sql: Sql, workspace: string, channel: MessageType, to: string) {
  const email = channel === 'email';
  const addresses = email ? [to.toLowerCase()] : [to, to.replace(/[ ().-]/g, '')];
  const [row] = await sql<Array<{ reason: string | null }>>`
    select reason from suppressions
    where workspace_id = ${workspace} and channel = ${email ? 'email' : 'phone'}
      and address = any(${addresses})`;
  if (row)
    throw new ApiError(
      422,
      'address_suppressed',
      `${to} is on the workspace's suppression list${row.reason ? ` (${row.reason})` : ''}: it gets nothing, test sends included`,
      { to, ...(row.reason ? { reason: row.reason } : {}) },
    );
}

/** The merge context as the worker builds it (compile + Walk): the sender falls back to the workspace's. */
async function mergeContext(
  sql: Sql,
  workspace: string,
  draft: Sequence,
  contact: Contact,
): Promise<MergeContext> {
  const settings = resolveSettings(draft.settings);
  const [row] = await sql<Array<{ default_sender: Sender | null }>>`
    select default_sender from workspaces where id = ${workspace}`;
  const sender: Sender | null = settings.sender
    ? {
        ...(settings.sender.name !== undefined ? { name: settings.sender.name } : {}),
        email: settings.sender.email,
        ...(settings.sender.replyTo ? { replyTo: settings.sender.replyTo } : {}),
      }
    : (row?.default_sender ?? null);
  return {
    contact,
    sender,
    sequence: { name: draft.name },
    variables: settings.variables,
    unsubscribeFooter: settings.unsubscribeFooter,
  };
}

/**
 * Counts the token's test sends of the last minute, under a lock of the token (so two requests
 * can't both take the last one), runs `prepare` (the render) and records this send; 429 with
 * Retry-After past the limit. Whatever `prepare` throws rolls it all back.
 */
async function reserve<T>(
  sql: Sql,
  c: Context<ApiEnv>,
  send: { sequenceId: string; node: string; channel: MessageType; to: string },
  prepare: () => T,
): Promise<{ id: number; rendered: T }> {
  const workspace = c.var.workspace;
  const tokenId = c.var.tokenId ?? null;
  return sql.begin(async (tx) => {
    const wait = await lockRecentSends(tx, workspace, tokenId, TEST_SENDS_PER_MINUTE);
    if (wait !== undefined) {
      const seconds = Math.max(1, Math.ceil(wait));
      c.header('Retry-After', String(seconds));
      throw new ApiError(
        429,
        'too_many_requests',
        `at most ${TEST_SENDS_PER_MINUTE} test sends a minute per token: try again in ${seconds} s`,
        { retryAfter: seconds, limit: TEST_SENDS_PER_MINUTE },
      );
    }
    const rendered = prepare();
    return { id: await recordTestSend(tx, workspace, tokenId, send), rendered };
  });
}

type RenderedStep =
  | { channel: 'email'; value: EmailContent; warnings: string[] }
  | { channel: 'sms'; value: ReturnType<typeof renderSms>['value']; warnings: string[] }
  | { channel: 'kakao'; value: ReturnType<typeof renderKakao>['value']; warnings: string[] };

/**
 * The step rendered as the worker renders it (core's renderEmail/renderSms/renderKakao), under
 * the worker's hard render limit (a render thread for the while); a RenderError is a 422
 * naming the step and the field. An email that replies (no subject) is rendered in the thread
 * of the nearest email before it that has a subject, as an enrollee who went that way gets it.
 */
function render(draft: Sequence, step: MessageStep, context: MergeContext): RenderedStep {
  const hold = holdRenderGuard();
  try {
    if (step.type === 'email') {
      const data = step.data as NodeData<'email'>;
      const thread = (data.subject ?? '').trim() === '' ? threadBefore(draft, step, context) : null;
      return { channel: 'email', ...renderEmail(data, context, thread) };
    }
    if (step.type === 'sms')
      return { channel: 'sms', ...renderSms(step.data as NodeData<'sms'>, context) };
    return { channel: 'kakao', ...renderKakao(step.data as NodeData<'kakao'>, context) };
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    throw new ApiError(
      422,
      'cannot_render',
      `the ${error.field} of step "${step.id}" can't be rendered: ${error.message}`,
      { node: step.id, field: error.field },
    );
  } finally {
    // Its thread stops in the background: the answer needn't wait for it.
    hold.release().catch(() => {});
  }
}

/** The thread a reply joins: the nearest email with a subject upstream of the step. */
function threadBefore(draft: Sequence, step: MessageStep, context: MergeContext): Thread | null {
  const byId = new Map(draft.nodes.map((n) => [n.id, n]));
  const seen = new Set([step.id]);
  let frontier = [step.id];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const edge of draft.edges ?? []) {
      if (!frontier.includes(edge.target) || seen.has(edge.source)) continue;
      seen.add(edge.source);
      const node = byId.get(edge.source);
      if (node?.type === 'email' && (node.data.subject ?? '').trim() !== '') {
        const subject = renderEmail(node.data, context, null).value.subject;
        return { subject, nodes: [node.id] };
      }
      next.push(edge.source);
    }
    frontier = next;
  }
  return null;
}

function publicUrlOf(c: Context, services: TestSendServices): string {
  return services.publicUrl?.() ?? new URL(c.req.url).origin;
}

function deliveryFailed(error: DeliveryError): ApiError {
  return error.permanent
    ? new ApiError(422, 'delivery_failed', `the message was refused: ${error.message}`, {
        code: error.code,
      })
    : new ApiError(
        503,
        'delivery_unavailable',
        `the message could not be handed over: ${error.message}`,
        {
          code: error.code,
        },
      );
}
