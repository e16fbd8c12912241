import { EVENT_TYPES, type EventType } from '@nudge/runtime/core';
import { recordEvent, UnknownContactError } from '@nudge/runtime/worker';
import { LIMITS } from '@nudge/schema';
import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import { assertSequence } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { onlyKnown, readJsonObject } from '../json-body.ts';

const TYPES: readonly string[] = EVENT_TYPES;
/** The longest value of each string property: ids as long as they can be, names as RULEs take. */
const MAX_CHARS: Record<string, number> = {
  contactId: LIMITS.contact.idChars,
  email: LIMITS.contact.emailChars,
  sequenceId: 64,
  node: 64,
  name: 100,
  at: 40,
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * POST /api/events `{ contactId | email, type, sequenceId?, node?, name?, at? }` → 202
 * `{ id, ended, woke }`. Recorded with its effects in one transaction (recordEvent): exits
 * end enrollments at once, waits wake up. An unknown contact is a 404 and stores nothing.
 */
export function eventRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.post('/events', limitBody(64 * 1024), async (c) => {
    const workspace = c.var.workspace;
    const body = await readJsonObject(c, '{ "contactId" | "email", "type", ... }');
    onlyKnown(body, ['contactId', 'email', 'type', 'sequenceId', 'node', 'name', 'at']);
    const event = checkEvent(body);
    if (event.sequenceId) await assertSequence(sql, workspace, event.sequenceId);
    const contactId =
      event.contactId ?? (await contactByEmail(sql, workspace, event.email as string));
    try {
      const recorded = await recordEvent(sql, {
        workspace,
        contactId,
        type: event.type,
        ...(event.sequenceId ? { sequenceId: event.sequenceId } : {}),
        ...(event.node ? { node: event.node } : {}),
        ...(event.name ? { name: event.name } : {}),
        ...(event.at ? { at: event.at } : {}),
      });
      return c.json(recorded, 202);
    } catch (error) {
      if (error instanceof UnknownContactError) throw unknownContact({ contactId });
      throw error;
    }
  });
  api.all('/events', methodNotAllowed(['POST']));
}

interface EventBody {
  contactId?: string;
  email?: string;
  type: EventType;
  sequenceId?: string;
  node?: string;
  name?: string;
  at?: Date;
}

function checkEvent(body: Record<string, unknown>): EventBody {
  const bad = (message: string, pointer: string) =>
    new ApiError(400, 'invalid_event', message, { pointer });
  for (const [key, max] of Object.entries(MAX_CHARS)) {
    const value = body[key];
    if (value !== undefined && (typeof value !== 'string' || value === ''))
      throw bad(`"${key}" must be a non-empty string`, `/${key}`);
    if (typeof value === 'string' && value.length > max)
      throw bad(
        `"${key}" is ${value.length} characters long; at most ${max} are allowed`,
        `/${key}`,
      );
  }
  if ((body.contactId === undefined) === (body.email === undefined))
    throw bad('name the contact with "contactId" or "email" (one of them)', '');
  if (!TYPES.includes(body.type as EventType))
    throw bad(`"type" must be one of ${TYPES.join(', ')}`, '/type');
  if ((body.type === 'custom') !== (body.name !== undefined))
    throw bad('"name" names a custom event: it is required for "custom" and only for it', '/name');
  let at: Date | undefined;
  if (body.at !== undefined) {
    at = new Date(body.at as string);
    if (!ISO.test(body.at as string) || !storable(at))
      throw bad(
        '"at" must be an ISO-8601 instant with a zone, from year 1000 to 9999, e.g. 2026-01-12T09:30:00+09:00',
        '/at',
      );
  }
  return { ...(body as Omit<EventBody, 'at'>), ...(at ? { at } : {}) };
}

/**
 * An instant that is stored and read back as it was given: JavaScript's dates reach year 0
 * and past 9999 (0001-01-01T00:00:00+14:00 is year 0 in UTC), which PostgreSQL refuses (a 500
 * before: found by the API fuzzer), and postgres.js reads timestamps with JavaScript's
 * lenient parser, which takes years 1 to 99 for 1950 to 2049.
 */
function storable(at: Date): boolean {
  const year = at.getUTCFullYear();
  return !Number.isNaN(at.getTime()) && year >= 1000 && year <= 9999;
}

async function contactByEmail(sql: Sql, workspace: string, email: string): Promise<string> {
  const [row] = await sql<Array<{ id: string }>>`
    select id from contacts where workspace_id = ${workspace} and lower(email) = lower(${email})`;
  if (!row) throw unknownContact({ email });
  return row.id;
}

function unknownContact(who: { contactId: string } | { email: string }): ApiError {
  const name = 'contactId' in who ? `"${who.contactId}"` : `with the email "${who.email}"`;
  return new ApiError(
    404,
    'contact_not_found',
    `there is no contact ${name} in this workspace: nothing was recorded`,
    who,
  );
}
