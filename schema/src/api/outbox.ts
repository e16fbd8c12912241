/**
 * The outbox through the HTTP API (GET /api/outbox, /api/outbox/:id): what the server answers
 * with and the editor reads, defined once here.
 */

/** One captured message in the list. */
export interface OutboxEntry {
  /** The outbox message's id (messages.id, or test_sends.id: one sequence gives both). */
  id: number;
  /** Its RFC 5322 Message-ID. */
  messageId: string | null;
  to: string;
  from: string;
  subject: string;
  /** ISO 8601. */
  sentAt: string;
  enrollmentId?: string;
  sequenceId?: string;
  node?: string;
  /** A test send's mail (POST /api/sequences/:id/test-send): no enrollment's, counted nowhere. */
  test?: true;
}

/** A header of a message, its value decoded. */
export interface OutboxHeader {
  name: string;
  value: string;
}

/** One captured message, whole. */
export interface OutboxMessage extends OutboxEntry {
  cc?: string;
  replyTo?: string;
  headers: OutboxHeader[];
  text: string | null;
  html: string | null;
  /**
   * Only to a viewer's token: how many signed links (tracking, unsubscribe) had their token
   * redacted in the headers and bodies, which a viewer may read but not act through.
   */
  redactedLinks?: number;
}
