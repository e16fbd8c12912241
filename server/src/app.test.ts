import { LIMITS, type ValidationResult } from '@nudge/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { ErrorBody } from './errors.ts';
import type { Logger } from './log.ts';
import { brokenSequence, fakeEditor, readExample, tempDir } from './test-support.ts';

const editor = tempDir(fakeEditor);
afterAll(() => editor.remove());

const logged: string[] = [];
const logger: Logger = { info: () => {}, error: (message) => logged.push(message) };
const app = createApp({ editorDir: editor.dir, logger, maxBodyBytes: 64 * 1024 });

const post = (body: RequestInit['body'], headers: Record<string, string> = {}) =>
  app.request('/api/validate', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('POST /api/validate', () => {
  it.each(['cold-mail', 'contract-renewal', 'onboarding'])(
    'finds the %s example valid',
    async (name) => {
      const res = await post(readExample(name));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, errors: [], warnings: [] });
    },
  );

  it('lists the problems of a broken sequence with their pointers and ids, and no sequence', async () => {
    const res = await post(JSON.stringify(brokenSequence()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ValidationResult;
    expect(Object.keys(body).sort()).toEqual(['errors', 'ok', 'warnings']);
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'unknown_property',
          pointer: '/nodes/1/data/bogus',
          nodeId: 'welcome',
        }),
        expect.objectContaining({
          code: 'unknown_handle',
          pointer: '/edges/2/sourceHandle',
          edgeId: 'e3',
        }),
        expect.objectContaining({ code: 'unreachable', pointer: '/nodes/13', nodeId: 'lonely' }),
      ]),
    );
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'unconnected_handle', nodeId: 'opened-welcome' }),
    ]);
  });

  it('judges any JSON: an array is not a sequence', async () => {
    const body = await (await post('[1, 2]')).json();
    expect(body).toMatchObject({ ok: false, errors: [{ code: 'not_an_object', pointer: '' }] });
  });

  it('ignores a UTF-8 byte order mark and takes a JSON media type with parameters', async () => {
    const res = await post(`\ufeff${readExample('cold-mail')}`, {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 400 invalid_json with the line and column', async () => {
    const res = await post('{\n  "format": "nudge.sequence/v1",\n}');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_json',
        message:
          'the body is not JSON: expected a property name in double quotes but found "}" (remove the trailing comma?), at line 3, column 1',
        details: { line: 3, column: 1, offset: 35 },
      },
    });
  });

  it('answers 400 for an empty body and for bytes that are not UTF-8', async () => {
    expect(await (await post('')).json()).toMatchObject({ error: { code: 'invalid_json' } });
    const res = await post(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_encoding' } });
  });

  it('answers 200 too_deep at once for adversarial nesting', async () => {
    const res = await post(`{"a":${'['.repeat(60_000)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, errors: [{ code: 'too_deep' }] });
  });

  it('answers 413 for a body over the limit, by Content-Length', async () => {
    const res = await post(' '.repeat(64 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'the body is larger than 64 KiB',
        details: { limit: 65536 },
      },
    });
  });

  it('takes at most 256 KiB without a token, and no token can raise that without a database', async () => {
    for (const authorization of [undefined, 'Bearer any']) {
      const res = await createApp().request('/api/validate', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: ' '.repeat(256 * 1024 + 1),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({
        error: {
          code: 'payload_too_large',
          message: 'the body is larger than 256 KiB',
          details: { limit: 256 * 1024 },
        },
      });
    }
  });

  it('takes LIMITS.fileBytes, the limit of the CLI and the editor, with a token', async () => {
    const app = createApp({
      authenticate: async (c, next) => {
        if (c.req.header('authorization') !== 'Bearer t') return c.text('no', 401);
        c.set('workspace', 'w');
        c.set('role', 'viewer');
        await next();
      },
    });
    const post = (size: number, authorization: string) =>
      app.request('/api/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: ' '.repeat(size),
      });
    const over = await post(LIMITS.fileBytes + 1, 'Bearer t');
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({
      error: { message: 'the body is larger than 16 MiB', details: { limit: LIMITS.fileBytes } },
    });
    // Under the limit: judged (an empty body is a 400 of its own, past the limit's check).
    expect((await post(1024 * 1024, 'Bearer t')).status).toBe(400);
    // A refused token is the authentication's answer, not a larger limit.
    expect((await post(1024 * 1024, 'Bearer wrong')).status).toBe(401);
  });

  it('answers 413 for a chunked body over the limit, without a Content-Length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('takes a chunked body under the limit', async () => {
    const text = readExample('cold-mail');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    const res = await app.request('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 415 for a body that does not say it is JSON (a form, or fetch of a bare string)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
      const res = await post('{}', { 'content-type': type });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });

  it('takes a body with no Content-Type at all (curl --data-binary with the header removed)', async () => {
    const res = await app.request('/api/validate', {
      method: 'POST',
      body: new TextEncoder().encode(readExample('cold-mail')),
    });
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 405 with Allow for another method', async () => {
    const res = await app.request('/api/validate');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });
});

describe('the rest of /api', () => {
  it('GET /api/health answers ok', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each([
    '/api/nope',
    '/api',
    '/api/validate/x',
    '/api/index.html',
    // /api in any case is the API's: a wrong case is a JSON 404, not the page.
    '/API/health',
    '/Api/validate',
    '/API',
    '/aPI/',
    '/API/index.html',
    '//api/health',
  ])('answers a JSON 404 for %s, never the editor', async (path) => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await app.request(path, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('answers a JSON 500 that tells nothing of the fault, and logs it', async () => {
    const failing = createApp({ logger });
    failing.get('/boom', () => {
      throw new Error('secret detail');
    });
    const res = await failing.request('/boom');
    expect(res.status).toBe(500);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.error.details?.incident).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged.at(-1)).toBe('GET /boom failed');
  });

  it('builds no answer and logs nothing for a client that left mid-body', async () => {
    const before = logged.length;
    const left = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":1'));
        // …and the rest never comes: the client goes away, as @hono/node-server reports it.
        setTimeout(() => {
          left.abort();
          controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        }, 20);
      },
    });
    const res = await app.request('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
      signal: left.signal,
    } as RequestInit);
    expect(res.status).toBe(499); // nginx's "client closed request"; never sent
    expect(await res.text()).toBe('');
    expect(logged.length).toBe(before);
  });

  it('still logs a fault of ours that comes after the client left', async () => {
    const failing = createApp({ logger });
    const left = new AbortController();
    failing.get('/slow', async () => {
      left.abort();
      throw new Error('a bug of ours');
    });
    const res = await failing.request('/slow', { signal: left.signal });
    expect(res.status).toBe(500);
    expect(logged.at(-1)).toBe('GET /slow failed');
  });

  it('has a slot for authentication that leaves the open routes open', async () => {
    const guarded = createApp({
      authenticate: async (c, next) =>
        c.req.header('authorization') === 'Bearer t'
          ? next()
          : c.json({ error: { code: 'unauthorized', message: 'no token' } }, 401),
    });
    expect((await guarded.request('/api/health')).status).toBe(200);
    expect((await guarded.request('/api/openapi.json')).status).toBe(200);
    const validated = await guarded.request('/api/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: readExample('cold-mail'),
    });
    expect(validated.status).toBe(200);
    expect((await guarded.request('/api/sequences')).status).toBe(401);
    const authed = await guarded.request('/api/sequences', {
      headers: { authorization: 'Bearer t' },
    });
    expect(authed.status).toBe(404);
  });
});

describe('GET /api/openapi.json', () => {
  const load = async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: a JSON document, read by path in assertions
    return (await res.json()) as Record<string, any>;
  };

  it('is an OpenAPI 3.1 document of every route', async () => {
    const doc = await load();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/contacts',
      '/api/contacts/{id}',
      '/api/enrollments/{id}/stop',
      '/api/events',
      '/api/health',
      '/api/openapi.json',
      '/api/outbox',
      '/api/outbox/{id}',
      '/api/outbox/{id}/raw',
      '/api/sequences',
      '/api/sequences/{id}',
      '/api/sequences/{id}/enrollments',
      '/api/sequences/{id}/export',
      '/api/sequences/{id}/publish',
      '/api/sequences/{id}/publish-preview',
      '/api/sequences/{id}/stats',
      '/api/sequences/{id}/test-send',
      '/api/tasks',
      '/api/tasks/{id}/complete',
      '/api/templates',
      '/api/templates/starters',
      '/api/templates/{id}',
      '/api/templates/{id}/used-by',
      '/api/validate',
    ]);
    const validate = doc.paths['/api/validate'].post;
    expect(validate.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Sequence',
    });
    // Open, or with a token that raises the body limit (openapi.test.ts checks the errors).
    expect(validate.security).toEqual([{}, { bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('embeds the sequence JSON Schema and the Problem, ValidationResult and Error shapes', async () => {
    const { components } = await load();
    expect(Object.keys(components.schemas)).toEqual(
      expect.arrayContaining(['Sequence', 'Rule', 'Problem', 'ValidationResult', 'Error']),
    );
    expect(components.schemas.Sequence.required).toEqual(['format', 'name', 'nodes', 'edges']);
    expect(components.schemas.Sequence.properties.format.const).toBe('nudge.sequence/v1');
    const codes = components.schemas.Problem.properties.code.oneOf.map(
      (c: { const: string }) => c.const,
    );
    expect(codes).toEqual(
      expect.arrayContaining(['unknown_handle', 'cycle', 'unconnected_handle']),
    );
  });

  it('has only $refs that resolve inside the document', async () => {
    const doc = await load();
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (key === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/')).toBe(true);
      let target: unknown = doc;
      for (const token of ref.slice(2).split('/'))
        target = (target as Record<string, unknown>)[token];
      expect(target, ref).toBeTypeOf('object');
    }
  });
});

describe('the editor', () => {
  it('serves index.html at / with no-cache', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await app.request('/assets/index-Ab12Cd.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("nudge editor");');
  });

  it('serves other files, revalidated', async () => {
    const res = await app.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/sequences/cold-mail', '/ko/editor', '/deep/ly/nested/route'])(
    'falls back to index.html for %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    },
  );

  it.each(['/assets/foo', '/assets/', '/assets', '/assets/deep/er/route', '/assets/index-Ab12Cd'])(
    'answers 404 for %s, a missing asset: never index.html, never cached',
    async (path) => {
      for (const method of ['GET', 'HEAD']) {
        const res = await app.request(path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('cache-control'), `${method} ${path}`).toBeNull();
        expect(res.headers.get('content-type'), `${method} ${path}`).not.toMatch(/html/);
      }
    },
  );

  it('caches for a year only what it found under /assets/', async () => {
    const head = await app.request('/assets/index-Ab12Cd.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/favicon.svg', '/assetsfoo', '/ASSETS/foo', '/x/assets/foo']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('answers 404 for a missing file rather than HTML', async () => {
    const res = await app.request('/assets/index-Gone00.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBeNull();
  });

  // Path traversal: static.test.ts, over a real socket (app.request would let the URL
  // parser tidy the path before the app sees it).

  it('is absent when no editor directory is given', async () => {
    const res = await createApp().request('/');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('security headers', () => {
  it.each(['/', '/api/health', '/api/nope'])('are on %s', async (path) => {
    const res = await app.request(path);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';"); // no eval: the schema's validator is precompiled
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('allow no more than the editor uses: no blob:, no workers, no fonts from data:', async () => {
    const csp = (await app.request('/')).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...sources] = d.trim().split(/\s+/);
        return [name, sources.join(' ')];
      }),
    );
    expect(csp).not.toContain('blob:');
    expect(directives['worker-src']).toBeUndefined(); // default-src 'self' covers it: none run
    expect(directives['img-src']).toBe("'self' data:"); // data: for <link rel="icon" href="data:,">
    expect(directives['font-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self' 'unsafe-inline'"); // React Flow's style attributes
    expect(directives['script-src']).toBe("'self'");
  });

  it('are on error answers too', async () => {
    const res = await post('{');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
