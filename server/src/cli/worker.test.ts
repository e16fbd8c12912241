/** `nudge worker`: a real process on a test database, and its refusals to start. */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { dkimTxtRecord, verifyDkim } from '@nudge/runtime/worker/delivery/testing';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { verifyToken } from '@nudge/runtime/worker/tracking';
import { afterAll, describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';
import { readHeaders } from '../mail/mime.ts';
import { repoRoot } from '../paths.ts';
import { cleanEnv, nodeTs, runCli, tempDataDir, tempDir } from '../test-support.ts';

const db = await createTestDatabase();
const { call } = apiOn(db.sql);
const emptyDataDir = tempDataDir();
afterAll(() => emptyDataDir.remove());

const SECRET = 'worker-test-secret';

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
        body: '<p>{{회사명}} 팀께 <a href="https://nudge.example/start">시작하기</a></p>',
        format: 'html',
        mode: 'auto',
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
};

async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 20_000) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `nudge worker` as a child process, once it printed its first line. */
async function startWorkerProcess(env: Record<string, string | undefined>) {
  const [node, args] = nodeTs('cli/main.ts', ['worker', '--concurrency', '3']);
  const child = spawn(node, args, {
    cwd: repoRoot,
    env: cleanEnv({
      DATABASE_URL: db.url,
      NUDGE_SECRET: SECRET,
      PUBLIC_URL: 'https://nudge.example',
      SMTP_URL: undefined,
      NUDGE_DATA_DIR: emptyDataDir.dir,
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    output.stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output.stdout += chunk;
      if (output.stdout.includes('\n')) resolve();
    });
    child.on('close', () => reject(new Error(`exited early: ${output.stdout}${output.stderr}`)));
  });
  return { child, output, exited };
}

/** A workspace with `hello` published and contact c1 enrolled in it. */
async function enrollOne() {
  const w = await createWorkspace(db.sql);
  const t = w.tokens.admin;
  expect((await call(t, 'POST', '/api/sequences', hello)).status).toBe(201);
  expect((await call(t, 'POST', '/api/sequences/hello/publish')).status).toBe(200);
  await call(t, 'POST', '/api/contacts', {
    contacts: [{ id: 'c1', email: 'minjun@hanbit.example', name: '김민준', company: '한빛물류' }],
  });
  const enrolled = await call(t, 'POST', '/api/sequences/hello/enrollments', {
    contactIds: ['c1'],
  });
  expect(enrolled.json).toEqual({ enrolled: 1, skipped: [] });
  return w;
}

describe('nudge worker, as a process', () => {
  it('runs the jobs of the database, captures the mail DKIM-signed with links the server verifies, and stops on SIGTERM', async () => {
    const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyDir = tempDir({
      'dkim.pem': dkim.privateKey.export({ type: 'pkcs1', format: 'pem' }),
    });
    const { child, output, exited } = await startWorkerProcess({
      DKIM_DOMAIN: 'nudge.example',
      DKIM_SELECTOR: 'sel1',
      DKIM_PRIVATE_KEY_FILE: keyDir.path('dkim.pem'),
    });
    try {
      expect(output.stdout).toBe('nudge worker: running, concurrency 3\n');
      const w = await enrollOne();
      const captured = await until(async () => {
        const [row] = await db.sql<Array<{ message_id: number; raw: Buffer }>>`
          select message_id, raw from captured_mail where workspace_id = ${w.id}`;
        return row;
      }, 'the mail to be captured');
      const listed = await call(w.tokens.viewer, 'GET', '/api/outbox');
      expect(listed.json).toMatchObject([
        {
          id: captured.message_id,
          subject: '김민준님, 안녕하세요',
          to: '김민준 <minjun@hanbit.example>',
          node: 'welcome',
        },
      ]);
      // Signed with the server's secret: the server will take its unsubscribe link.
      const unsubscribe = readHeaders(captured.raw).find((h) => h.name === 'List-Unsubscribe');
      const token = /<https:\/\/nudge\.example\/u\/([^>]+)>/.exec(unsubscribe?.value ?? '')?.[1];
      expect(verifyToken(SECRET, token ?? '', 'unsubscribe')).toMatchObject({
        w: w.id,
        m: captured.message_id,
      });
      const dns = (name: string) =>
        name === 'sel1._domainkey.nudge.example' ? dkimTxtRecord(dkim.publicKey) : undefined;
      expect(verifyDkim(captured.raw, dns)).toMatchObject({
        result: 'pass',
        domain: 'nudge.example',
        signedHeaders: expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']),
      });
    } finally {
      child.kill('SIGTERM');
      keyDir.remove();
    }
    expect(await exited).toBe(0);
    expect(output.stdout.split('\n').filter(Boolean)).toEqual([
      'nudge worker: running, concurrency 3',
      'nudge worker: stopped',
    ]);
    expect(output.stderr).toContain('nudge worker: SIGTERM: finishing the running jobs\n');
  });

  it('on SIGTERM, finishes the delivery in flight before it exits, a second SIGTERM too', async () => {
    const smtp = await stallingSmtpServer();
    const { child, output, exited } = await startWorkerProcess({ SMTP_URL: smtp.url });
    let exitedYet = false;
    void exited.then(() => {
      exitedYet = true;
    });
    try {
      const w = await enrollOne();
      await until(async () => (smtp.stalled() ? true : undefined), 'the message to reach SMTP');
      child.kill('SIGTERM');
      await until(
        async () => (output.stderr.includes('SIGTERM') ? true : undefined),
        'the worker to take the signal',
      );
      // pnpm signals every process of the tree, then the supervisor signals the worker again.
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(exitedYet).toBe(false);
      smtp.release();
      expect(await exited).toBe(0);
      const [message] = await db.sql`
        select status from messages where workspace_id = ${w.id} and node = 'welcome'`;
      expect(message?.status).toBe('sent');
      expect(output.stdout).toContain('nudge worker: stopped\n');
    } finally {
      smtp.release();
      child.kill('SIGKILL');
      await smtp.close();
    }
  });
});

describe('nudge worker, started by pnpm start', () => {
  it('finishes and exits when the server that started it is gone (its IPC channel closes)', async () => {
    const [node, args] = nodeTs('cli/main.ts', ['worker', '--concurrency', '2']);
    const child = spawn(node, args, {
      cwd: repoRoot,
      env: cleanEnv({
        DATABASE_URL: db.url,
        NUDGE_SECRET: SECRET,
        PUBLIC_URL: 'https://nudge.example',
        NUDGE_DATA_DIR: emptyDataDir.dir,
        NUDGE_WORKER_SUPERVISED: '1',
      }),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    // 'exit', then the end of its output: a child with an IPC channel may never emit 'close'.
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const ended = once(child.stdout as NodeJS.ReadableStream, 'end');
    try {
      await until(async () => (stdout.includes('running') ? true : undefined), 'it to run').catch(
        (error) => {
          throw new Error(`${(error as Error).message}: ${stdout}${stderr}`);
        },
      );
      // What a killed parent leaves behind: the channel's end closes.
      child.disconnect();
      expect(await exited).toBe(0);
      await ended;
      expect(stderr).toContain(
        'nudge worker: the server that started it is gone: finishing the running jobs\n',
      );
      expect(stdout).toContain('nudge worker: stopped\n');
    } finally {
      child.kill('SIGKILL');
    }
  });
});

/**
 * Just enough of an SMTP server for nodemailer, which keeps the reply to the end of DATA until
 * release(): a delivery held in flight.
 */
async function stallingSmtpServer() {
  let releaseGate = () => {};
  const gate = new Promise<void>((resolve) => {
    releaseGate = resolve;
  });
  let stalled = false;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let inData = false;
    let buffer = '';
    const reply = (line: string) => socket.writable && socket.write(`${line}\r\n`);
    reply('220 stalling.test ESMTP');
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          stalled = true;
          void gate.then(() => reply('250 queued'));
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const command = buffer.slice(0, newline).toUpperCase();
        buffer = buffer.slice(newline + 2);
        if (command.startsWith('EHLO') || command.startsWith('HELO')) reply('250 stalling.test');
        else if (command.startsWith('DATA')) {
          inData = true;
          reply('354 go on');
        } else if (command.startsWith('QUIT')) {
          reply('221 bye');
          socket.end();
        } else reply('250 ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stalled: () => stalled,
    release: () => releaseGate(),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('nudge worker refuses to start', () => {
  it('without DATABASE_URL and no pnpm start running in the data dir: exit 1, saying what to set', async () => {
    const run = await runCli(['worker'], {
      env: { NUDGE_DATA_DIR: emptyDataDir.dir, NUDGE_SECRET: SECRET },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nudge worker: no database: set DATABASE_URL to the database');
    expect(run.stderr).toContain(
      `a running \`pnpm start\` in NUDGE_DATA_DIR (${emptyDataDir.dir})`,
    );
  });

  it('without a secret to sign links with', async () => {
    const run = await runCli(['worker'], {
      env: { DATABASE_URL: db.url, NUDGE_DATA_DIR: emptyDataDir.dir },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no secret to sign mail links with: set NUDGE_SECRET');
  });

  it('on a database this release has not migrated', async () => {
    const empty = await createTestDatabase({ migrated: false });
    const run = await runCli(['worker'], {
      env: { DATABASE_URL: empty.url, NUDGE_SECRET: SECRET, PUBLIC_URL: 'https://n.example' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the database has no Nudge schema yet');
  });

  it('with part of the DKIM settings', async () => {
    const run = await runCli(['worker'], {
      env: { DATABASE_URL: db.url, NUDGE_SECRET: SECRET, DKIM_DOMAIN: 'nudge.example' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'nudge worker: DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY or ' +
        'DKIM_PRIVATE_KEY_FILE; missing DKIM_SELECTOR, DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)\n',
    );
  });

  it('when the database is unreachable, naming the setting but not the password', async () => {
    const run = await runCli(['worker'], {
      env: {
        DATABASE_URL: 'postgres://nudge:hunter2@127.0.0.1:1/nudge',
        NUDGE_SECRET: SECRET,
        PUBLIC_URL: 'https://n.example',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^nudge worker: can't use DATABASE_URL: /);
    expect(run.stderr).not.toContain('hunter2');
  });

  it.each([
    [['--concurrency', '0'], '--concurrency must be a whole number from 1 to 100 (got "0")'],
    [['--concurrency', 'many'], '--concurrency must be a whole number'],
    [['now'], 'worker takes no arguments (got now)'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('for a wrong command line %j: exit 2 with its help', async (args, message) => {
    const run = await runCli(['worker', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: pnpm nudge worker [--concurrency N]');
  });
});

describe('nudge help worker', () => {
  it('lists the command and explains its settings and exit status', async () => {
    expect((await runCli(['help'])).stdout).toContain('worker [--concurrency N]');
    const help = await runCli(['help', 'worker']);
    expect(help.code).toBe(0);
    for (const text of [
      'DATABASE_URL',
      'NUDGE_SECRET',
      'PUBLIC_URL',
      'SMTP_URL',
      'DKIM_DOMAIN',
      'SIGTERM',
    ])
      expect(help.stdout).toContain(text);
  });
});
