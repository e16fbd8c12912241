import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { contextOf } from '../core/render/context.test-support.ts';
import { RENDER_LIMITS } from '../core/render/engine.ts';
import { RenderError } from '../core/render/errors.ts';
import {
  type RenderGuard,
  RenderStopped,
  renderGuard,
  setRenderGuard,
} from '../core/render/guard.ts';
import { renderField, renderTemplate } from '../core/render/template.ts';
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

/** Renders ONE_LONG_FILTER under `guard`: it fails naming the field, at the limit. */
function expectStopped(guard: RenderGuard) {
  setRenderGuard(guard);
  const stopped = timed(() => renderField('body', ONE_LONG_FILTER, context));
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
    const free = timed(() => renderField('body', ONE_LONG_FILTER, context));
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
      const template =
        '{{ 고객명 }}님, {{ contact.attributes.nickname }} {{ contact.tags | join: "," }}';
      const expected = renderTemplate(template, context, { html: true });
      expect(expected.missing).toEqual(['contact.attributes.nickname']);
      setRenderGuard(guard);
      expect(renderTemplate(template, context, { html: true })).toEqual(expected);
      expect(() => renderField('buttons.0.url', '{{ "x" | bogus_filter }}', context)).toThrow(
        expect.objectContaining({ name: 'RenderError', field: 'buttons.0.url' }),
      );
      // A long loop meets liquidjs's own limit first, and keeps its message.
      expect(() => renderField('subject', NESTED_LOOPS, context)).toThrow(
        expect.objectContaining({
          field: 'subject',
          message: expect.stringMatching(
            new RegExp(`^it takes longer than ${RENDER_LIMITS.timeMs} ms to render`),
          ),
        }),
      );
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
