-- The template library (issue 14 §1a): email, SMS and AlimTalk contents saved once per
-- workspace and picked in a step, which copies one or links to it (`data.template` in the
-- sequence file). `content` is the step's content for the channel: email `{ subject?, body,
-- format }`, sms `{ body }`, kakao `{ templateCode, body, buttons?, fallbackSms? }`, checked by
-- the server against the format's step schema. A linked step is refreshed from it at the next
-- publish; published versions keep their own copy and never change.
create table templates (
  workspace_id uuid not null references workspaces on delete cascade,
  id uuid not null default gen_random_uuid(),
  channel text not null check (channel in ('email', 'sms', 'kakao')),
  name text not null check (length(name) between 1 and 100),
  tags text[] not null default '{}',
  content jsonb not null,
  -- Counts the writes: the template's ETag, and what If-Match is checked against.
  revision int not null default 1 check (revision > 0),
  -- Who saved it last (null once the token is deleted).
  updated_by uuid references api_tokens on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- Listing: by name within a workspace (the picker's order), the id breaking ties.
create index templates_by_name on templates (workspace_id, lower(name), id);
