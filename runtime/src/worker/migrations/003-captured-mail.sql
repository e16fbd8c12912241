-- Mail captured instead of sent (no SMTP_URL): the full RFC 822 message, shown in the app like
-- a local mail catcher. One row per outbox message.
create table captured_mail (
  message_id bigint primary key references messages (id) on delete cascade,
  workspace_id uuid not null references workspaces on delete cascade,
  raw bytea not null,
  captured_at timestamptz not null default now()
);

create index captured_mail_recent on captured_mail (workspace_id, captured_at desc);
