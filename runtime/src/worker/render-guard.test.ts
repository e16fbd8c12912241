import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { contextOf } from '../core/render/context.test-support.ts';
import { renderEmail } from '../core/render/email.ts';
import { RENDER_LIMITS } from '../core/render/engine.ts';
import { RenderError } from '../core/render/errors.ts';
import {
  type RenderGuard,
  RenderStopped,
  renderGuard,
  setRenderGuard,
} from '../core/render/guard.ts';
import { renderKakao } from '../core/render/kakao.ts';
import { renderTemplate } from '../core/render/template.ts';
import { holdRenderGuard, RENDER_HARD_LIMIT_MS, threadRenderGuard } from './render-guard.ts';
import { vmRenderGuard } from './render-vm.ts';

/*
 * The hard limit on renders. liquidjs reads its clock between loop iterations only, so one
 * filter call over a large array runs to its end: `where` with a ten-segment property path over
 * a range of a million (within the memory limit) takes 3–6 s here, and liquidjs lets it finish.
 * Both guards stop it at their limit, whatever it is doing.
 */

/** One filter call; liquidjs's 200 ms limit never looks. */
const ONE_LONG_FILTER = '{{ (1..999999) | where: "a.b.c.d.e.f.g.h.i.j" | size }}';
const NESTED_LOOPS =
  '{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}';
const STOPPED = `it was stopped after ${RENDER_HARD_LIMIT_MS} ms of rendering (a filter or a loop over too much data?)`;
const context = contextOf();

const thread = threadRenderGuard(RENDER_HARD_LIMIT_MS);
afterAll(() => thread.close());
afterEach(() => {
  setRenderGuard(null);
});

function timed<T>(work: () => T): { value?: T; error?: unknown; ms: number } {
  const started = performance.now();
  try {
    return { value: work(), ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

/** An email whose body is `body`. */
const email = (body: string, subject = '{{ 고객명 }}님께') =>
  ({ subject, body, format: 'html', mode: 'auto' }) as const;

/** Renders an email whose body is ONE_LONG_FILTER under `guard`: it fails naming the body. */
function expectStopped(guard: RenderGuard) {
  setRenderGuard(guard);
  const stopped = timed(() => renderEmail(email(ONE_LONG_FILTER), context, null));
  setRenderGuard(null);
  expect(stopped.error).toBeInstanceOf(RenderError);
  expect(stopped.error).toMatchObject({ field: 'body', message: STOPPED });
  expect((stopped.error as Error).cause).toBeInstanceOf(RenderStopped);
  // The limit, then the unwinding, on a machine shared with others.
  expect(stopped.ms).toBeGreaterThanOrEqual(RENDER_HARD_LIMIT_MS - 5);
  expect(stopped.ms).toBeLessThan(RENDER_HARD_LIMIT_MS + 400);
}

describe('the hard render limit', () => {
  it('is needed: liquidjs lets a single long filter call run long past its own limit', {
    timeout: 30_000,
  }, () => {
    const free = timed(() => renderTemplate(ONE_LONG_FILTER, context));
    expect(free.error).toBeUndefined();
    expect(free.value?.text).toBe('0');
    expect(free.ms).toBeGreaterThan(RENDER_HARD_LIMIT_MS);
  });

  it('stops it in the render thread, and the next render gets a new thread', async () => {
    await thread.ready;
    expectStopped(thread.guard);
    // While the new thread starts, renders run under node:vm: as hard, and right.
    expectStopped(thread.guard);
    setRenderGuard(thread.guard);
    expect(renderTemplate('{{ 고객명 }}님', context).text).toBe('김민준님');
  });

  it('stops it under node:vm, the fallback', () => {
    expectStopped(vmRenderGuard(RENDER_HARD_LIMIT_MS));
  });

  it.each([
    ['a render thread', 'thread'],
    ['node:vm', 'vm'],
  ] as const)(
    'renders as unguarded in %s: text, missing variables, errors with their field',
    async (_, kind) => {
      const fresh = threadRenderGuard(RENDER_HARD_LIMIT_MS);
      onTestFinished(() => fresh.close());
      await fresh.ready;
      const guard = kind === 'thread' ? fresh.guard : vmRenderGuard(RENDER_HARD_LIMIT_MS);
      // A whole step in one call: every field, warnings, the HTML body's text part.
      const step = email('<p>{{ 고객명 }}님, {{ contact.attributes.nickname }}</p>');
      const expected = renderEmail(step, context, null);
      expect(expected.warnings).toEqual([
        'body: {{ contact.attributes.nickname }} has no value, so it rendered empty',
      ]);
      setRenderGuard(guard);
      expect(renderEmail(step, context, null)).toEqual(expected);
      const kakao: Parameters<typeof renderKakao>[0] = {
        templateCode: 'T1',
        body: '{{ 고객명 }}님',
        buttons: [
          { name: 'a', url: 'https://x.example/{{ contact.id }}' },
          { name: 'b', url: '{{ "x" | bogus_filter }}' },
        ],
        mode: 'auto',
      };
      // A template's own error keeps its class, field and message.
      expect(() => renderKakao(kakao, context)).toThrow(
        expect.objectContaining({ name: 'RenderError', field: 'buttons.1.url' }),
      );
      // A long loop meets liquidjs's own limit first, and keeps its message.
      expect(() => renderEmail(email('x', NESTED_LOOPS), context, null)).toThrow(
        expect.objectContaining({
          field: 'subject',
          message: expect.stringMatching(
            new RegExp(`^it takes longer than ${RENDER_LIMITS.timeMs} ms to render`),
          ),
        }),
      );
      expect(renderTemplate('{{ 고객명 }}님', context)).toEqual({ text: '김민준님', missing: [] });
    },
  );

  it('is set while a worker holds it, shared, and goes with the last holder', async () => {
    const first = holdRenderGuard();
    const second = holdRenderGuard();
    const guard = renderGuard();
    expect(guard).not.toBeNull();
    await first.ready;
    await first.release();
    await first.release(); // a second release of one hold changes nothing
    expect(renderGuard()).toBe(guard);
    await second.release();
    expect(renderGuard()).toBeNull();
  });
});
