-- Worker processes and their heartbeats. Graphile Worker locks the jobs a worker takes; a
-- worker killed without a goodbye (SIGKILL, a lost machine) would keep them locked for four
-- hours. Each live process beats here every few seconds; any process finds the ones that
-- stopped beating and unlocks their jobs (graphile_worker.force_unlock_workers), so the work
-- resumes within seconds.
create table nudge_workers (
  -- Graphile Worker's worker id.
  id text primary key,
  -- host:pid, for people reading this table.
  process text not null,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);

create index nudge_workers_heartbeat on nudge_workers (heartbeat_at);
