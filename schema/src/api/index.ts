/** @nudge/schema/api: the shapes of HTTP API answers that the server and the editor share. */
export type { OutboxEntry, OutboxHeader, OutboxMessage } from './outbox.ts';
