import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, connect, migrate, startEmbeddedPostgres } from './db/index.ts';
import { makeTestDataDir } from './db/test-dirs.test-support.ts';
import { captureMessaging, captureTransport } from './delivery/index.ts';
import { enroll } from './enroll.ts';
import { createWorkspace, publish } from './harness.test-support.ts';
import { startWorker } from './runner.ts';

/*
 * PostgreSQL restarts in the middle of a run (an upgrade, a failover): the worker and its pools
 * reconnect by themselves and the run finishes, with nothing thrown that would end the process
 * (Vitest fails the file on any uncaught error). This found three bugs of our drivers, fixed in
 * patches/: postgres.js threw from a timer and lost queries, Graphile Worker gave up on the
 * first failed completion and then never finished stopping. Its own embedded PostgreSQL,
 * since the shared one of the test run serves other files at the same time.
 */

const dataDir = await makeTestDataDir();
let server = await startEmbeddedPostgres({ dataDir, durable: false });
const port = server.port;
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL restarting mid-run', () => {
  it('the worker reconnects and finishes every enrollment', { timeout: 240_000 }, async () => {
    // Each step is bounded and named, so a hang says where it was rather than only "timed out".
    const step = <T>(name: string, work: Promise<T>, ms = 30_000): Promise<T> =>
      bounded(name, work, ms, () => warnings.slice(-12).join('\n'));
    const warnings: string[] = [];
    const sql = connect(server.url);
    await migrate(sql, { connectionString: server.url });
    const contacts = Array.from({ length: 400 }, (_, i) => ({
      id: `c${i}`,
      email: `p${i}@restart.example`,
      name: `고객${i}`,
      tags: [],
      attributes: {},
    }));
    const w = await createWorkspace(sql, contacts);
    await publish(sql, w, 'one', {
      format: 'nudge.sequence/v1',
      name: 'One',
      settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
      nodes: [
        { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
        {
          id: 'hello',
          type: 'email',
          data: { subject: 'Hi', body: 'Hello', format: 'text', mode: 'auto' },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'hello' }],
    });
    const worker = await startWorker({
      connectionString: server.url,
      sql,
      services: {
        email: captureTransport(),
        messaging: captureMessaging(),
        publicUrl: 'https://nudge.example',
        secrets: 'restart-test',
      },
      // The shipped liveness settings: recovery must not wait for the stuck-job sweep.
      log: (level, message) => {
        if (level === 'error' || level === 'warning') warnings.push(message);
      },
    });
    // A failure inside is what the test reports, even when stopping then hangs too.
    let failed = false;
    try {
      await enroll(
        sql,
        w,
        'one',
        contacts.map((c) => c.id),
      );
      // Down while the run is under way, up again on the same port and data.
      const sent = async () =>
        (await sql`select count(*)::int as n from messages where status = 'sent'`)[0]?.n as number;
      // Generous: on a loaded machine (CI runs every test file at once on 2 cores) the first
      // sends have been seen to take over 30 s; a hang still ends here, named.
      await step(
        'waiting for the first 40 sends',
        (async () => {
          while ((await sent()) < 40) await new Promise((resolve) => setTimeout(resolve, 20));
        })(),
        90_000,
      );
      expect(await sent()).toBeLessThan(contacts.length / 2);
      await step('stopping PostgreSQL', server.stop());
      await new Promise((resolve) => setTimeout(resolve, 500));
      server = await step(
        'starting PostgreSQL again',
        startEmbeddedPostgres({ dataDir, port, durable: false }),
      );
      const started = Date.now();
      for (;;) {
        const done = await step(
          'counting sends after the restart',
          sql`select count(*)::int as n from messages where status = 'sent'`,
          10_000,
        ).catch(() => [{ n: -1 }]);
        if (done[0]?.n === contacts.length) break;
        if (Date.now() - started > 60_000)
          throw new Error(
            `stuck at ${done[0]?.n} sent:\n${warnings.slice(-12).join('\n')}\n${JSON.stringify(
              await sql`
                select t.identifier, j.locked_by is not null as locked, j.attempts,
                       j.run_at > now() as later, left(j.last_error, 120) as error, count(*)::int as n
                from graphile_worker._private_jobs j
                join graphile_worker._private_tasks t on t.id = j.task_id
                group by 1, 2, 3, 4, 5`,
            )}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const [completed] =
        await sql`select count(*)::int as n from enrollments where status = 'completed'`;
      expect(completed?.n).toBe(contacts.length);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const afterFailure = (error: unknown) => {
        if (!failed) throw error;
        console.error(error);
      };
      await step('stopping the worker', worker.stop()).catch(afterFailure);
      await step('closing the pool', closeDb(sql)).catch(afterFailure);
    }
  });
});

function bounded<T>(name: string, work: Promise<T>, ms: number, recent: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`hung ${ms} ms ${name}; the worker's last warnings:\n${recent()}`)),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
