/**
 * (e) Reply → stop: from recordEvent() being called to the enrollment being `replied` as another
 * connection sees it, for enrollees waiting at a delay, with the worker running.
 */
import { enroll, recordEvent } from '@nudge/runtime/worker';
import type { Sql } from '@nudge/runtime/worker/db';
import { insertContacts, WAIT_THEN_EMAIL, workspaceWith } from './runtime-env.ts';
import { eachLimit, percentile, within } from './runtime-measure.ts';
import { startCaptureWorker } from './runtime-throughput.ts';

async function waitingAtDelay(observer: Sql, workspace: string, count: number) {
  for (;;) {
    const [row] = await observer<Array<{ n: number }>>`
      select count(*)::int as n from enrollments
      where workspace_id = ${workspace} and node = 'wait' and wake_at is not null`;
    if (row?.n === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One reply: ms until the observer reads `replied`. */
async function replyLatency(sql: Sql, observer: Sql, workspace: string, contactId: string) {
  const t = performance.now();
  const { ended } = await recordEvent(sql, { workspace, contactId, type: 'replied' });
  const id = ended[0]?.enrollment;
  if (ended.length !== 1 || !id) throw new Error(`a reply from ${contactId} ended ${ended.length}`);
  for (;;) {
    const [row] = await observer<Array<{ status: string }>>`
      select status from enrollments where id = ${id}`;
    if (row?.status === 'replied') return performance.now() - t;
  }
}

/**
 * `count` replies one after another, then `count` more from `lanes` callers at once (replies
 * arriving together from the inbox reader and webhooks).
 */
export async function replyToStop(
  url: string,
  sql: Sql,
  observer: Sql,
  count: number,
  lanes: number,
) {
  const workspace = await workspaceWith(sql, { wait: WAIT_THEN_EMAIL });
  const ids = await insertContacts(sql, workspace, 'e', 2 * count);
  const worker = await startCaptureWorker(url, sql);
  try {
    await enroll(sql, workspace, 'wait', ids);
    await within(
      waitingAtDelay(observer, workspace, ids.length),
      120_000,
      'enrollees at the delay',
    );
    const sequential: number[] = [];
    for (const id of ids.slice(0, count))
      sequential.push(await replyLatency(sql, observer, workspace, id));
    const concurrent: number[] = [];
    await eachLimit(ids.slice(count), lanes, async (id) => {
      concurrent.push(await replyLatency(sql, observer, workspace, id));
    });
    // Stopped means stopped: no wake-up left to run for any of them.
    const [left] = await observer<Array<{ n: number }>>`
      select count(*)::int as n from graphile_worker._private_jobs
      where payload->>'workspace' = ${workspace}`;
    if (left?.n !== 0) throw new Error(`${left?.n} jobs are left after every enrollee replied`);
    const summary = (ms: number[]) => ({ p50: percentile(ms, 50), p99: percentile(ms, 99) });
    return { count, lanes, sequential: summary(sequential), concurrent: summary(concurrent) };
  } finally {
    await worker.stop();
  }
}
