/**
 * The worker process of `pnpm start` (worker-process.ts): started with the server by default,
 * restarted with a growing wait when it dies, stopped with SIGTERM, then SIGKILL.
 */
import { hostname } from 'node:os';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from './api.test-support.ts';
import { readConfig } from './config.ts';
import type { Logger } from './log.ts';
import { startNudge } from './nudge.ts';
import { fakeEditor, tempDataDir, tempDir } from './test-support.ts';
import { startWorkerProcess } from './worker-process.ts';

const db = await createTestDatabase();
const editor = tempDir(fakeEditor);
const data = tempDataDir();
afterAll(() => {
  editor.remove();
  data.remove();
});

/** A logger that keeps its lines, and waits for one. */
function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (message) => void lines.push(message),
    error: (message) => void lines.push(`error: ${message}`),
  };
  const waitFor = async (pattern: RegExp, ms = 30_000): Promise<RegExpExecArray> => {
    const started = Date.now();
    for (;;) {
      for (const line of lines) {
        const found = pattern.exec(line);
        if (found) return found;
      }
      if (Date.now() - started > ms)
        throw new Error(`no log line like ${pattern} within ${ms} ms:\n${lines.join('\n')}`);
      await sleep(50);
    }
  };
  return { lines, logger, waitFor };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const hello = {
  format: 'nudge.sequence/v1',
  name: 'Hello',
  settings: { sender: { name: '넛지', email: 'team@nudge.example' } },
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '{{고객명}}님, 안녕하세요',
        body: '반갑습니다',
        format: 'text',
        mode: 'auto',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
};

describe('startNudge, by default', () => {
  it('runs the worker in a process of its own, which takes the jobs and stops with the server', async () => {
    const { logger, waitFor, lines } = recordingLogger();
    const nudge = await startNudge(
      readConfig({
        PORT: '0',
        DATABASE_URL: db.url,
        NUDGE_SECRET: 'worker-process-test',
        NUDGE_DATA_DIR: data.dir,
        NUDGE_EDITOR_DIR: editor.dir,
      }),
      { logger },
    );
    let pid = 0;
    try {
      pid = Number((await waitFor(/^worker (\d+): running, concurrency 40$/))[1]);
      expect(pid).not.toBe(process.pid);
      expect(alive(pid)).toBe(true);
      // Its Graphile workers are that process's, not the server's. They register as Graphile
      // creates them, which may come after the line above on a loaded machine.
      const registered = async () =>
        db.sql<Array<{ process: string }>>`select distinct process from nudge_workers`;
      let workers = await registered();
      for (let i = 0; i < 100 && workers.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        workers = await registered();
      }
      expect(workers).toEqual([{ process: `${hostname()}:${pid}` }]);

      const w = await createWorkspace(db.sql);
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${nudge.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${w.tokens.admin}`,
            'content-type': 'application/json',
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      expect((await call('POST', '/api/sequences', hello)).status).toBe(201);
      expect((await call('POST', '/api/sequences/hello/publish', {})).status).toBe(200);
      await call('POST', '/api/contacts', {
        contacts: [{ id: 'c1', email: 'minjun@hanbit.example', name: '김민준' }],
      });
      expect(
        (await call('POST', '/api/sequences/hello/enrollments', { contactIds: ['c1'] })).status,
      ).toBe(200);
      // The server's secret and URL went with it: the captured mail links to this server.
      for (let i = 0; i < 200; i++) {
        const [row] = await db.sql<Array<{ raw: Buffer }>>`
          select raw from captured_mail where workspace_id = ${w.id}`;
        if (row) {
          expect(row.raw.toString()).toContain(`<${nudge.url}/u/`);
          break;
        }
        if (i === 199) throw new Error(`no mail captured:\n${lines.join('\n')}`);
        await sleep(100);
      }
    } finally {
      await nudge.stop();
    }
    // SIGTERM, the running jobs finished, its workers gone from the table.
    expect(alive(pid)).toBe(false);
    expect(lines).toContain(`worker ${pid}: SIGTERM: finishing the running jobs`);
    expect(lines).toContain(`worker ${pid}: stopped`);
    expect(await db.sql`select * from nudge_workers`).toEqual([]);
  }, 60_000);

  it('fails to start, saying why, when the worker process can not', async () => {
    const { logger } = recordingLogger();
    const settings = {
      databaseUrl: 'postgres://nudge:hunter2@127.0.0.1:1/nudge',
      secret: 's',
      publicUrl: 'https://nudge.example',
    };
    const failed = startWorkerProcess(settings, { logger });
    await expect(failed).rejects.toThrow(
      /^the worker process could not start: worker \d+ exited \(exit code 1\):\nworker \d+: can't use DATABASE_URL: /,
    );
    await expect(failed).rejects.not.toThrow(/hunter2/);
  });
});

/**
 * A stand-in for `nudge worker`, for what the real one can't be made to do on cue: it does
 * what `script` says, then says it runs.
 */
function standIn(script: string): [string, string[]] {
  return [
    process.execPath,
    ['-e', `${script}; console.log('nudge worker: running, concurrency 1');`],
  ];
}
const settings = { databaseUrl: 'postgres://unused', secret: 's', publicUrl: 'https://n.example' };

describe('the supervisor', () => {
  it('starts a worker process that died again, waiting twice as long each time, and says so', async () => {
    const { logger, waitFor, lines } = recordingLogger();
    const exits: number[] = [];
    const worker = await startWorkerProcess(settings, {
      logger,
      command: standIn('setTimeout(() => process.exit(3), 100);'),
      timing: { backoffMs: 200, maxBackoffMs: 800 },
      onExit: async (pid) => void exits.push(pid),
    });
    try {
      await waitFor(/started again \(restart 4\)$/);
    } finally {
      await worker.stop();
    }
    const waits = lines
      .filter((line) => line.includes('exited unexpectedly'))
      .map(
        (line) =>
          /^error: worker \d+ exited unexpectedly \(exit code 3\); starting it again in ([\d.]+) s$/.exec(
            line,
          )?.[1],
      );
    expect(waits.slice(0, 4)).toEqual(['0.2', '0.4', '0.8', '0.8']);
    // Each one that exited was released, once, before the next began.
    expect(new Set(exits).size).toBe(exits.length);
    expect(exits.length).toBeGreaterThanOrEqual(4);
  });

  it('SIGKILLs a worker process that does not stop within the grace period of SIGTERM', async () => {
    const { logger, lines } = recordingLogger();
    const worker = await startWorkerProcess(settings, {
      logger,
      command: standIn(
        "process.on('SIGTERM', () => console.log('not now')); setInterval(() => {}, 1000);",
      ),
      timing: { stopMs: 300 },
    });
    const pid = worker.pid;
    const started = performance.now();
    await worker.stop();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(alive(pid)).toBe(false);
    expect(lines).toContain(`worker ${pid}: not now`);
    expect(lines).toContain(`error: worker ${pid} did not stop within 0.3 s of SIGTERM: killed`);
    expect(lines.some((line) => line.includes('exited unexpectedly'))).toBe(false);
  });

  it('does not start a worker process again once stopped, even with a restart due', async () => {
    const { logger, waitFor } = recordingLogger();
    const worker = await startWorkerProcess(settings, {
      logger,
      command: standIn('setTimeout(() => process.exit(1), 50);'),
      timing: { backoffMs: 300 },
    });
    await waitFor(/starting it again in 0\.3 s$/);
    await worker.stop();
    await sleep(500);
    expect(worker.restarts).toBe(0);
    expect(alive(worker.pid)).toBe(false);
  });
});
