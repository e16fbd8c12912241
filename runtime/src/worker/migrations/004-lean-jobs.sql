-- Cheaper steps and bulk enrollment (issue 4's benchmark): fewer statements and checks per row.
--
-- 1. Adding one keyed job. graphile_worker.add_job goes through add_jobs, built for arrays of
--    specs: it costs ~0.5–0.8 ms of server time per call, mostly planning its set-based
--    statements again each call, and notifies even for a wake-up days away. A step adds one job
--    (its next wake-up or a delivery), so that was half of a step's database time. These two
--    functions do for one job what add_jobs and remove_job do (Graphile Worker 0.17.3, its
--    migration 000018), with plans plpgsql keeps, and notify only for a job due now.
--    They write Graphile Worker's `_private_` tables, which are not its public API: the version
--    is pinned in runtime/package.json, and jobs.test.ts compares their rows with add_job's so
--    an upgrade that changes the tables fails there first. Created before Graphile Worker's
--    schema on a new database: plpgsql resolves the tables when the function first runs.
-- Graphile Worker's id for a task, the row made if it is missing (as add_jobs does).
create function nudge_task(p_identifier text) returns int
language plpgsql as $$
declare
  v_task int;
begin
  select id into v_task from graphile_worker._private_tasks where identifier = p_identifier;
  if v_task is null then
    insert into graphile_worker._private_tasks (identifier) values (p_identifier) on conflict do nothing;
    select id into v_task from graphile_worker._private_tasks where identifier = p_identifier;
  end if;
  return v_task;
end
$$;

create function nudge_add_job(
  p_task text,
  p_payload json,
  p_run_at timestamptz,
  p_job_key text,
  p_max_attempts smallint,
  -- add_job's job_key_mode 'preserve_run_at' (true) or 'replace' (false).
  p_preserve_run_at boolean
) returns void
language plpgsql as $$
begin
  -- A job with this key that is running (or has failed for good) keeps running without its
  -- key; the new one is added beside it (add_jobs does the same).
  update graphile_worker._private_jobs as jobs
  set key = null, attempts = jobs.max_attempts, updated_at = now()
  where jobs.key = p_job_key and jobs.is_available is not true;
  insert into graphile_worker._private_jobs as jobs (task_id, payload, run_at, max_attempts, key, priority)
  values (nudge_task(p_task), coalesce(p_payload, '{}'::json), coalesce(p_run_at, now()), p_max_attempts, p_job_key, 0)
  on conflict (key) do update set
    job_queue_id = null,
    task_id = excluded.task_id,
    payload = excluded.payload,
    max_attempts = excluded.max_attempts,
    run_at = case when p_preserve_run_at and jobs.attempts = 0 then jobs.run_at else excluded.run_at end,
    priority = excluded.priority,
    revision = jobs.revision + 1,
    flags = null,
    attempts = 0,
    last_error = null,
    updated_at = now()
  where jobs.locked_at is null;
  -- Idle workers listen for this; a job due later is found by their polling when it is due.
  if coalesce(p_run_at, now()) <= now() then
    perform pg_notify('jobs:insert', '{"r":' || random()::text || ',"count":1}');
  end if;
end
$$;

-- graphile_worker.remove_job without returning the row: a waiting job goes; a running one
-- loses its key and won't be retried.
create function nudge_remove_job(p_job_key text) returns void
language plpgsql as $$
begin
  delete from graphile_worker._private_jobs as jobs
  where jobs.key = p_job_key
    and (jobs.locked_at is null or jobs.locked_at < now() - interval '4 hours');
  if not found then
    update graphile_worker._private_jobs as jobs
    set key = null, attempts = jobs.max_attempts, updated_at = now()
    where jobs.key = p_job_key and jobs.locked_at is not null;
  end if;
end
$$;

-- New keyed jobs due now, many in one statement with one notification: the first `step` jobs
-- of an enrollment in bulk, the `deliver` jobs of a batch's outbox rows. A key that has a job
-- already keeps it. Returns how many were added.
create function nudge_add_new_jobs(
  p_task text,
  p_payloads json[],
  p_keys text[],
  p_max_attempts smallint
) returns int
language plpgsql as $$
declare
  v_task int := nudge_task(p_task);
  v_added int;
begin
  insert into graphile_worker._private_jobs (task_id, payload, run_at, max_attempts, key, priority)
  select v_task, j.payload, now(), p_max_attempts, j.key, 0
  from unnest(p_payloads, p_keys) as j(payload, key)
  on conflict (key) do nothing;
  get diagnostics v_added = row_count;
  if v_added > 0 then
    perform pg_notify('jobs:insert', '{"r":' || random()::text || ',"count":' || v_added || '}');
  end if;
  return v_added;
end
$$;

-- 2. Enrolling in bulk: every enrollment row checked three foreign keys, each a row lock
--    written to WAL, and the one on the workspace adds nothing: the contact an enrollment
--    belongs to is in the same workspace (its key includes workspace_id) and goes with it.
alter table enrollments drop constraint enrollments_workspace_id_fkey;

-- 3. A step's outbox row: its workspace key is checked already by the one to its enrollment
--    (workspace_id, enrollment_id), and no sweep reads messages_pending (a message and its
--    delivery job are written in one transaction, so neither is ever without the other).
alter table messages drop constraint messages_workspace_id_fkey;
drop index messages_pending;

-- 4. Enrollment ids in time order (the UUIDv7 layout: milliseconds since 1970, then random
--    bits; PostgreSQL 18's uuidv7(), written out for older servers). A bulk enrollment then
--    appends to the id indexes (its own and its jobs' keys) instead of writing all over them:
--    ~10% off enrolling 100,000.
create function nudge_uuid_v7() returns uuid
language sql volatile parallel safe as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
alter table enrollments alter column id set default nudge_uuid_v7();
