-- Test sends (POST /api/sequences/:id/test-send, issue 14): one message step of a draft,
-- rendered for a contact and sent, marked [TEST], to an address the user typed. Kept apart from
-- `messages`, which stats, exits, threads, receipts and delivery read: a test send belongs to no
-- enrollment and counts nowhere. Its id is drawn from the messages' own sequence, so that no
-- message and no test send share an id: the outbox lists both by id, and the links signed in a
-- test mail name an id no message has (a click still redirects but records nothing; the open
-- pixel and the unsubscribe page find no message and change nothing).
create table test_sends (
  id bigint primary key default nextval('messages_id_seq'),
  workspace_id uuid not null references workspaces on delete cascade,
  sequence_id text not null,
  node text not null,
  channel text not null check (channel in ('email', 'sms', 'kakao')),
  -- The address or phone number typed, as given.
  recipient text not null,
  subject text,
  -- Who sent it (null once the token is deleted): the limit per token counts these rows.
  token_id uuid references api_tokens on delete set null,
  status text not null default 'sending' check (status in ('sending', 'sent', 'failed')),
  -- The RFC 5322 Message-ID of an email, and the transport's or provider's id.
  message_id text,
  provider_id text,
  last_error text,
  -- The email as captured (no SMTP_URL): the outbox lists it with the captured mail.
  raw bytea,
  sent_at timestamptz not null default now()
);

create index test_sends_by_token on test_sends (token_id, sent_at desc);
create index test_sends_captured on test_sends (workspace_id, sent_at desc) where raw is not null;
