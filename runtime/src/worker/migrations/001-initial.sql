-- Nudge's data model, first version. migrate() runs this file in one transaction.
--
-- Glossary
--   workspace     a tenant. Every other row belongs to exactly one (workspace_id, deleted with
--                 it), and every query is scoped to it: keys, unique indexes and foreign keys
--                 lead with workspace_id, so a row can never point into another workspace.
--   user          a person who signs in to a workspace, as admin, editor or viewer.
--   api token     a bearer token for scripts. Only its SHA-256 is kept, never the token.
--   contact       a person that sequences write to. `id` is the caller's own id (text).
--   suppression   an address never to write to again (hard bounce, complaint, by hand).
--   sequence      the editable draft of a flow: a sequence file (FORMAT.md section 1).
--   version       a published, immutable copy of a sequence. Enrollments are pinned to one.
--   enrollment    one contact walking one version: the node it is at, the interpreter's state
--                 and state_version, bumped at every step. A wake-up job carries the
--                 state_version it expects, so a stale job finds a newer one and does nothing.
--                 Wake-ups are Graphile Worker jobs (job_key = enrollment id); wake_at only
--                 shows when the next one is due.
--   message       the outbox: what a send step produced, one row per enrollment and node (a
--                 retried step can't queue a second one). Delivery jobs move it
--                 queued -> sending -> sent | failed.
--   task          work for a person (a call, a to-do, a message to send by hand).
--   event         something that happened to a contact (FORMAT.md section 6). Events end
--                 enrollments (exit criteria) and wake those waiting for them (wait_for).

create table workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  -- { "name", "email", "replyTo"? }: the sender when a sequence names none.
  default_sender jsonb,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  email text not null,
  name text,
  role text not null check (role in ('admin', 'editor', 'viewer')),
  created_at timestamptz not null default now(),
  unique (workspace_id, id)
);
create unique index users_email on users (workspace_id, lower(email));

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  -- Null for a token of the workspace itself (automation, NUDGE_BOOTSTRAP_TOKEN).
  user_id uuid,
  name text not null,
  -- Unique across workspaces: a request is resolved by its token alone.
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  role text not null check (role in ('admin', 'editor', 'viewer')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  foreign key (workspace_id, user_id) references users (workspace_id, id) on delete cascade
);
create index api_tokens_user on api_tokens (workspace_id, user_id) where user_id is not null;

create table contacts (
  workspace_id uuid not null references workspaces on delete cascade,
  id text not null default gen_random_uuid()::text,
  email text,
  phone text,
  name text,
  company text,
  title text,
  timezone text,
  locale text,
  -- { "name", "email", "phone"? }: the account owner, for merge variables and task assignees.
  owner jsonb,
  tags text[] not null default '{}',
  attributes jsonb not null default '{}' check (jsonb_typeof(attributes) = 'object'),
  unsubscribed boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
-- Upsert by email, and finding the contact of an inbound reply or bounce.
create unique index contacts_email on contacts (workspace_id, lower(email)) where email is not null;
create index contacts_phone on contacts (workspace_id, phone) where phone is not null;
-- Segments (RULEs on tags and attributes): `tags @> ...`, `attributes @> ...`. GIN can't hold
-- the uuid workspace_id without an extension; the planner ANDs these with the primary key.
create index contacts_tags on contacts using gin (tags);
create index contacts_attributes on contacts using gin (attributes jsonb_path_ops);

create table suppressions (
  workspace_id uuid not null references workspaces on delete cascade,
  channel text not null check (channel in ('email', 'phone')),
  -- Emails lower-case, phone numbers as normalised by the application.
  address text not null check (channel <> 'email' or address = lower(address)),
  reason text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, channel, address)
);

create table sequences (
  workspace_id uuid not null references workspaces on delete cascade,
  id text not null default gen_random_uuid()::text,
  name text not null,
  -- The sequence file being edited; published copies live in sequence_versions.
  draft jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

create table sequence_versions (
  workspace_id uuid not null references workspaces on delete cascade,
  sequence_id text not null,
  version int not null check (version > 0),
  definition jsonb not null,
  published_at timestamptz not null default now(),
  -- The node-id mapping this version was published with: { "<old node id>": "<new node id>" }.
  migrate jsonb,
  primary key (workspace_id, sequence_id, version),
  foreign key (workspace_id, sequence_id) references sequences on delete cascade
);

-- A published version never changes: enrollments pinned to it must see what was published.
-- Deleting one is only allowed as part of deleting its sequence or workspace (a cascade runs
-- inside the foreign key's own trigger, hence pg_trigger_depth() > 1).
create function sequence_versions_immutable() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if pg_trigger_depth() > 1 then
      return old;
    end if;
    raise exception 'version % of sequence % is published and can''t be deleted',
      old.version, old.sequence_id
      using errcode = 'restrict_violation';
  end if;
  if (new.workspace_id, new.sequence_id, new.version, new.definition, new.published_at)
      is distinct from
     (old.workspace_id, old.sequence_id, old.version, old.definition, old.published_at) then
    raise exception 'version % of sequence % is published and can''t be changed',
      old.version, old.sequence_id
      using errcode = 'restrict_violation';
  end if;
  return new;
end
$$;
create trigger sequence_versions_immutable before update or delete on sequence_versions
  for each row execute function sequence_versions_immutable();

create table enrollments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references workspaces on delete cascade,
  sequence_id text not null,
  version int not null,
  contact_id text not null,
  status text not null default 'active' check (status in (
    'active', 'completed', 'converted', 'replied', 'bounced', 'unsubscribed', 'exited',
    'stopped', 'failed')),
  -- The node the enrollee is at (waiting in a delay, a send window, a wait_for, a task).
  node text,
  -- The interpreter's state (runtime/core), and its version: see the glossary.
  state jsonb not null,
  state_version int not null default 0,
  wake_at timestamptz,
  enrolled_at timestamptz not null default now(),
  ended_at timestamptz,
  exit_reason text,
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, contact_id) references contacts on delete cascade,
  foreign key (workspace_id, sequence_id, version) references sequence_versions on delete cascade,
  -- Every status but active is an end.
  check ((status = 'active') = (ended_at is null))
);
-- At most one active enrollment per contact and sequence; re-enrollment after the end is a
-- matter of settings.enrollment.allowReenroll.
create unique index enrollments_one_active on enrollments (workspace_id, sequence_id, contact_id)
  where status = 'active';
-- Lists and counts per sequence and status; also serves the foreign key to sequence_versions.
create index enrollments_sequence on enrollments (workspace_id, sequence_id, status);
-- An event for a contact finds its enrollments (exits, wait_for); also serves the foreign key.
create index enrollments_contact on enrollments (workspace_id, contact_id);

create table messages (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces on delete cascade,
  enrollment_id uuid not null,
  node text not null,
  channel text not null check (channel in ('email', 'sms', 'kakao')),
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  -- What to send, rendered by the interpreter (subject, body, to, ...).
  content jsonb not null,
  -- For a reply in a thread: the nodes whose Message-IDs go into In-Reply-To and References.
  thread jsonb,
  -- The RFC 5322 Message-ID we gave the email, and the provider's id for the message.
  message_id text,
  provider_id text,
  attempts int not null default 0,
  last_error text,
  queued_at timestamptz not null default now(),
  sent_at timestamptz,
  -- enrollment ids are unique across workspaces, so this needs no workspace_id.
  unique (enrollment_id, node),
  foreign key (workspace_id, enrollment_id) references enrollments (workspace_id, id)
    on delete cascade
);
-- A reply's In-Reply-To names one of our Message-IDs; the inbox reading it knows no workspace.
create unique index messages_message_id on messages (message_id) where message_id is not null;
-- Delivery receipts and bounces from SMS/AlimTalk providers name their own id.
create index messages_provider on messages (channel, provider_id) where provider_id is not null;
-- The outbox as the app lists it (captured mail), newest first.
create index messages_workspace on messages (workspace_id, queued_at);
-- A sweep after a crash finds messages whose delivery job may be lost; system-wide.
create index messages_pending on messages (queued_at) where status in ('queued', 'sending');

create table tasks (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces on delete cascade,
  enrollment_id uuid not null,
  node text not null,
  kind text not null check (kind in ('call', 'todo', 'manual_email', 'other')),
  title text not null,
  note text,
  -- An email address ("owner" is resolved when the task is made); null: anyone.
  assignee text,
  -- For a manual email, SMS or AlimTalk step: its channel and the draft to send by hand.
  channel text check (channel in ('email', 'sms', 'kakao')),
  draft jsonb,
  due_at timestamptz,
  status text not null default 'open' check (status in ('open', 'done')),
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  unique (enrollment_id, node),
  foreign key (workspace_id, enrollment_id) references enrollments (workspace_id, id)
    on delete cascade,
  check ((status = 'done') = (completed_at is not null))
);
-- The open tasks of a workspace (or of one assignee) by due date.
create index tasks_open on tasks (workspace_id, assignee, due_at) where status = 'open';

create table events (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references workspaces on delete cascade,
  contact_id text not null,
  -- Set when the event concerns one enrollment (an open of its message, a reply to it).
  enrollment_id uuid,
  sequence_id text,
  type text not null check (type in (
    'delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'custom')),
  node text,
  -- The name of a custom event.
  name text,
  -- When it happened, and when we learned of it.
  at timestamptz not null default now(),
  recorded_at timestamptz not null default now(),
  data jsonb,
  foreign key (workspace_id, contact_id) references contacts on delete cascade,
  -- History outlives the enrollment and the sequence it was about.
  foreign key (workspace_id, enrollment_id) references enrollments (workspace_id, id)
    on delete set null (enrollment_id),
  foreign key (workspace_id, sequence_id) references sequences on delete set null (sequence_id)
);
-- A contact's timeline, and the event predicates of RULEs ("opened since enrollment").
create index events_contact on events (workspace_id, contact_id, at);
-- Per-node stats of a sequence.
create index events_sequence on events (workspace_id, sequence_id, node, type)
  where sequence_id is not null;
-- An enrollment's own events; also serves the foreign key.
create index events_enrollment on events (enrollment_id) where enrollment_id is not null;

-- updated_at follows every update, whoever forgets to set it.
create function touch_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger contacts_touch before update on contacts
  for each row execute function touch_updated_at();
create trigger sequences_touch before update on sequences
  for each row execute function touch_updated_at();
create trigger enrollments_touch before update on enrollments
  for each row execute function touch_updated_at();
