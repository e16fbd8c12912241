import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTION_LIMITS, connectionLimits, httpServerOptions } from './connection-limits.ts';
import { silentLogger } from './log.ts';
import { type RunningServer, startServer } from './start.ts';

/*
 * Slow and silent clients over real sockets, against short limits (a second or two) so that the
 * test is quick; the bounds asserted leave room for a loaded machine and for Node's checking
 * interval, and are all far below Node's own defaults (60 s, 300 s, no cap).
 */

describe('connectionLimits', () => {
  it('has limits of seconds and a cap by default', () => {
    expect(connectionLimits()).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1000,
    });
    expect(connectionLimits({ maxConnections: 5 })).toEqual({
      ...CONNECTION_LIMITS,
      maxConnections: 5,
    });
  });

  it('refuses limits Node would refuse, or that mean nothing', () => {
    expect(() => connectionLimits({ headersTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => connectionLimits({ requestTimeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => connectionLimits({ maxConnections: 1.5 })).toThrow(/whole number/);
    expect(() => connectionLimits({ headersTimeoutMs: 40_000 })).toThrow(/must not be longer/);
  });

  it('makes Node check its connections often enough for the limits to hold', () => {
    expect(httpServerOptions(connectionLimits())).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1000,
    });
    const short = { ...CONNECTION_LIMITS, headersTimeoutMs: 500, requestTimeoutMs: 800 };
    expect(httpServerOptions(short).connectionsCheckingInterval).toBe(100);
  });
});

describe('the server over real sockets', () => {
  const limits = {
    headersTimeoutMs: 1000,
    requestTimeoutMs: 2000,
    // Node's client takes a second off the server's Keep-Alive hint: 1 s would be none.
    keepAliveTimeoutMs: 2000,
    maxConnections: 60,
  };
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, editorDir: null, logger: silentLogger, limits });
  });
  afterAll(() => server.close());

  it('closes a connection whose headers never end, with a 408, after the headers timeout', async () => {
    const client = await open(server.port);
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
    const closed = await client.closed;
    expect(closed.data).toMatch(/^HTTP\/1\.1 408 /);
    expect(closed.ms).toBeGreaterThanOrEqual(900);
    expect(closed.ms).toBeLessThan(5000);
  });

  it('closes a connection whose body trickles in, after the request timeout', async () => {
    const client = await open(server.port);
    client.socket.write(
      'POST /api/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
    );
    // A byte now and then keeps a socket busy, but not past the limit on the whole request.
    const drip = setInterval(() => client.socket.writable && client.socket.write(' '), 200);
    try {
      const closed = await client.closed;
      expect(closed.ms).toBeGreaterThanOrEqual(1800);
      expect(closed.ms).toBeLessThan(7000);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes connections that send nothing at all, after the headers timeout', async () => {
    const clients = await Promise.all(Array.from({ length: 40 }, () => open(server.port)));
    const closed = await Promise.all(clients.map((c) => c.closed));
    for (const c of closed) expect(c.ms).toBeLessThan(5000);
    // And the server still answers.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('serves keep-alive clients as usual: one connection, several requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(server.port, agent)).toEqual({ status: 200, reused: false });
      for (let i = 0; i < 3; i++) {
        await sleep(400);
        expect(await get(server.port, agent)).toEqual({ status: 200, reused: true });
      }
    } finally {
      agent.destroy();
    }
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const client = await open(server.port);
    const ask = 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n';
    client.socket.write(ask);
    await sleep(1000);
    client.socket.write(ask); // within the timeout: served on the same connection
    const closed = await client.closed;
    expect(closed.data.match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
    // From the second answer: the keep-alive timeout, plus the second of grace Node adds.
    expect(closed.ms - 1000).toBeGreaterThanOrEqual(1900);
    expect(closed.ms - 1000).toBeLessThan(6000);
  });
});

describe('the connection cap', () => {
  it('closes connections past maxConnections at once, and takes new ones as others close', async () => {
    const server = await startServer({
      port: 0,
      editorDir: null,
      logger: silentLogger,
      limits: { maxConnections: 3, headersTimeoutMs: 10_000 },
    });
    try {
      const held = await Promise.all([1, 2, 3].map(() => open(server.port)));
      await sleep(100); // the server has accepted them
      const extra = await open(server.port);
      const refused = await extra.closed;
      expect(refused.data).toBe('');
      expect(refused.ms).toBeLessThan(1000);
      held[0]?.socket.destroy();
      await held[0]?.closed;
      await sleep(100);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      for (const h of held) h.socket.destroy();
    } finally {
      await server.close();
    }
  });
});

interface Open {
  socket: Socket;
  /** When the server closed it (ms after it opened), and what it had sent. */
  closed: Promise<{ ms: number; data: string }>;
}

async function open(port: number): Promise<Open> {
  const socket = connect(port, '127.0.0.1');
  const started = performance.now();
  let data = '';
  socket.setEncoding('utf8').on('data', (chunk) => {
    data += chunk;
  });
  socket.on('error', () => {}); // a reset is a close, for these tests
  const closed = new Promise<{ ms: number; data: string }>((resolve) =>
    socket.once('close', () => resolve({ ms: performance.now() - started, data })),
  );
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, closed };
}

/** GET /api/health through `agent`: its status, and whether it went on a reused connection. */
function get(port: number, agent: Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
