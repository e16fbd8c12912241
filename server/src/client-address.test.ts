import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientKey } from './client-address.ts';

describe('addressKey', () => {
  it('keeps an IPv4 address, and takes one seen through an IPv6 socket as itself', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:0:1::/64';
    for (const address of [
      '2001:db8:0:1::1',
      '2001:0db8:0000:0001:ffff:ffff:ffff:ffff',
      '2001:DB8::1:0:0:0:5',
      '2001:db8:0:1:a:b:c:d%eth0',
    ])
      expect(addressKey(address), address).toBe(key);
    expect(addressKey('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1.2.3.4')).toBe('fe80:0:0:0::/64');
  });
});

describe('clientKey', () => {
  const app = new Hono().get('/', (c) => c.text(String(clientKey(c))));

  it('is the socket’s remote address over a real connection', async () => {
    const server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const localAddress of ['127.0.0.1', '127.0.0.2'])
        expect(await getFrom(port, localAddress)).toBe(localAddress);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is null without a socket (app.request)', async () => {
    expect(await (await app.request('/')).text()).toBe('null');
  });
});

/** GET / from a given local address (any of 127.0.0.0/8 reaches loopback on Linux). */
function getFrom(port: number, localAddress: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}
