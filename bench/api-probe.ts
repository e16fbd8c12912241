/**
 * The probe of pnpm bench:api: GET /api/health one request after another, a few ms apart,
 * each on a new connection as a load balancer's health check comes, timed from the request
 * to the last byte of the answer. (On a kept-alive connection, a server whose event loop was
 * held past its keep-alive timeout closes the socket as the next request goes out, and the
 * probe would measure that race instead.)
 */
import { get } from 'node:http';
import { percentile } from './runtime-measure.ts';

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function latencies(samples: readonly number[]): Latencies {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}

/** Probes `url` until `done()` says so (checked between requests); the samples, in ms. */
export async function probeHealth(url: string, done: () => boolean, gapMs = 10): Promise<number[]> {
  const samples: number[] = [];
  while (!done()) {
    const started = performance.now();
    const { status, body } = await health(url);
    samples.push(performance.now() - started);
    if (status !== 200) throw new Error(`/api/health answered ${status}: ${body}`);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return samples;
}

/** Probes for `ms`. */
export function probeFor(url: string, ms: number): Promise<number[]> {
  const end = performance.now() + ms;
  return probeHealth(url, () => performance.now() >= end);
}

function health(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(`${url}/api/health`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
