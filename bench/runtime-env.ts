/**
 * The ground pnpm bench:runtime stands on: an embedded PostgreSQL in a temp dir, migrated, with
 * workspaces, published sequences and contacts made in bulk (outside every timing).
 */
import { rm } from 'node:fs/promises';
import { WORKER_DEFAULTS } from '@nudge/runtime/worker';
import {
  closeDb,
  connect,
  migrate,
  type Sql,
  startEmbeddedPostgres,
} from '@nudge/runtime/worker/db';
import {
  makeTestDataDir,
  sweepStaleTestDirs,
} from '../runtime/src/worker/db/test-dirs.test-support.ts';
import { createWorkspace, publish } from '../runtime/src/worker/harness.test-support.ts';

// The runtime's own copy of Graphile Worker, so the baseline runs the very version the worker
// ships with (the root package does not depend on it, and benches add no dependencies).
export {
  Logger,
  type Runner,
  run,
  type Task,
  type WorkerEvents,
} from '../runtime/node_modules/graphile-worker/dist/index.js';

export interface BenchDatabase {
  url: string;
  sql: Sql;
  /** A second pool, for watching from another connection. */
  observer: Sql;
  stop(): Promise<void>;
}

/** Embedded PostgreSQL in a fresh temp dir (removed at the end), migrated. */
export async function startDatabase(
  durable: boolean,
  settings: Record<string, string> = {},
): Promise<BenchDatabase> {
  await sweepStaleTestDirs();
  const dataDir = await makeTestDataDir();
  const server = await startEmbeddedPostgres({ dataDir, durable, settings });
  // The pool the worker's tasks get in pnpm start and nudge worker.
  const sql = connect(server.url, { max: WORKER_DEFAULTS.taskPool });
  await migrate(sql);
  const observer = connect(server.url, { applicationName: 'nudge-bench-observer' });
  return {
    url: server.url,
    sql,
    observer,
    stop: async () => {
      await closeDb(observer);
      await closeDb(sql);
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
const email = {
  id: 'hello',
  type: 'email',
  data: {
    subject: '{{고객명}}님, {{회사명}}을 위한 제안',
    body: '<p>안녕하세요 {{고객명}}님,</p><p><a href="https://nudge.example/demo">데모 보기</a></p>',
    format: 'html',
    mode: 'auto',
  },
};

/** entry → email: the enrollment's first step queues one email and completes. */
export const ONE_EMAIL = {
  format: 'nudge.sequence/v1',
  name: 'One email',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [entry, email],
  edges: [{ id: 'e1', source: 'start', target: 'hello' }],
};

/** entry → 3-day delay → email: enrollees wait at the delay; a reply ends them (onReply). */
export const WAIT_THEN_EMAIL = {
  ...ONE_EMAIL,
  name: 'Wait, then email',
  nodes: [entry, { id: 'wait', type: 'delay', data: { amount: 3, unit: 'days' } }, email],
  edges: [
    { id: 'e1', source: 'start', target: 'wait' },
    { id: 'e2', source: 'wait', target: 'hello' },
  ],
};

/** A workspace with its sequences published (version 1). */
export async function workspaceWith(sql: Sql, sequences: Record<string, unknown>) {
  const workspace = await createWorkspace(sql, []);
  for (const [id, definition] of Object.entries(sequences))
    await publish(sql, workspace, id, definition);
  return workspace;
}

/**
 * Contacts `<prefix>1` … `<prefix><count>` in one statement; attributes.plan is 'pro' for the
 * first `pro` of them (the segment (c) selects), 'free' for the rest. Returns their ids.
 */
export async function insertContacts(
  sql: Sql,
  workspace: string,
  prefix: string,
  count: number,
  pro = count,
): Promise<string[]> {
  await sql`
    insert into contacts (workspace_id, id, email, phone, name, company, timezone, tags, attributes)
    select ${workspace}, ${prefix} || i, ${prefix} || i || '@bench.example', '+8210' || lpad(i::text, 8, '0'),
           '고객' || i, '회사' || (i % 500), 'Asia/Seoul', array['bench'],
           jsonb_build_object('plan', case when i <= ${pro} then 'pro' else 'free' end)
    from generate_series(1, ${count}::int) as i`;
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}
