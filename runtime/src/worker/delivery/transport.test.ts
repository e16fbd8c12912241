import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailMessage } from './email.ts';
import { smtpDeliveryError } from './error.ts';
import { failure } from './failure.test-support.ts';
import { closedPort, startSmtpServer, type TestSmtpServer } from './smtp.test-support.ts';
import { smtpTransport } from './transport.ts';

const message = (to: string | string[]): EmailMessage => ({
  from: 'sender@example.com',
  to,
  subject: '테스트',
  text: '본문',
  messageId: '<t.1@example.com>',
});

describe('smtpTransport against servers that refuse', () => {
  let server: TestSmtpServer;
  beforeAll(async () => {
    server = await startSmtpServer((address) => {
      if (address.startsWith('gone@')) return [550, '5.1.1 No such user'];
      if (address.startsWith('busy@')) return [451, '4.3.0 Try again later'];
      return null;
    });
  });
  afterAll(() => server.close());

  it('a 550 for the recipient is permanent', async () => {
    const transport = smtpTransport(server.url);
    const error = await failure(transport.send(message('gone@example.com')));
    await transport.close();
    expect(error).toMatchObject({ permanent: true, status: 550, code: 'EENVELOPE' });
    expect(error.message).toContain('No such user');
  });

  it('a 451 for the recipient is temporary', async () => {
    const transport = smtpTransport(server.url);
    const error = await failure(transport.send(message('busy@example.com')));
    await transport.close();
    expect(error).toMatchObject({ permanent: false, status: 451 });
  });

  it('one refused recipient among accepted ones is reported, not thrown', async () => {
    const transport = smtpTransport(server.url);
    const result = await transport.send(message(['ok@example.com', 'gone@example.com']));
    await transport.close();
    expect(result.accepted).toEqual(['ok@example.com']);
    expect(result.rejected).toEqual(['gone@example.com']);
    expect(server.received.at(-1)?.envelope.to).toEqual(['ok@example.com']);
  });
});

describe('smtpTransport when the server is unreachable', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never greets: a hung server.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('a refused connection is temporary', async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${await closedPort()}`);
    const error = await failure(transport.send(message('a@example.com')));
    await transport.close();
    expect(error.permanent).toBe(false);
    expect(error.status).toBeUndefined();
    expect(error.code).toMatch(/^E(CONNECTION|SOCKET)$/);
  });

  it('a server that never greets times out, temporarily', async () => {
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, { connectionTimeout: 300 });
    const started = Date.now();
    const error = await failure(transport.send(message('a@example.com')));
    await transport.close();
    expect(error.permanent).toBe(false);
    expect(error.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('smtpDeliveryError', () => {
  const classify = (fields: object) => smtpDeliveryError(Object.assign(new Error('x'), fields));
  it('follows RFC 5321 reply classes, with the exceptions that are not the message’s fault', () => {
    expect(classify({ code: 'EENVELOPE', responseCode: 550 }).permanent).toBe(true);
    expect(classify({ code: 'EMESSAGE', responseCode: 554 }).permanent).toBe(true);
    expect(classify({ code: 'EMESSAGE', responseCode: 452 }).permanent).toBe(false);
    expect(classify({ code: 'EPROTOCOL', responseCode: 503 }).permanent).toBe(false);
    expect(classify({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }).permanent).toBe(
      false,
    );
    expect(classify({ code: 'EENVELOPE' }).permanent).toBe(true);
    expect(classify({ code: 'ECONNECTION' }).permanent).toBe(false);
    expect(classify({}).permanent).toBe(false);
    expect(smtpDeliveryError('weird').message).toBe('weird');
  });
});
