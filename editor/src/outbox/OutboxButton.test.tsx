import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import type { OutboxProps } from './Outbox.tsx';
import { type LoadOutbox, OutboxButton } from './OutboxButton.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;

async function render(load: LoadOutbox) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root?.render(
      <I18nextProvider i18n={i18n}>
        <OutboxButton load={load} />
      </I18nextProvider>,
    );
  });
}

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host.remove();
});

const find = (testId: string) => host.querySelector(`[data-testid="${testId}"]`);
const click = (testId: string) =>
  act(async () => (find(testId) as HTMLButtonElement | null)?.click());

/** A stand-in for the outbox: says it is there, and closes. */
function FakeOutbox({ onClose }: OutboxProps) {
  return (
    <div role="dialog" data-testid="outbox">
      <button type="button" data-testid="fake-close" onClick={onClose}>
        close
      </button>
    </div>
  );
}

/** A load that waits until `arrive()` or `fail()` is called. */
function pendingLoad() {
  let arrive = () => {};
  let fail = (_error: Error) => {};
  const load = vi.fn<LoadOutbox>(
    () =>
      new Promise((resolve, reject) => {
        arrive = () => resolve({ default: FakeOutbox });
        fail = reject;
      }),
  );
  return { load, arrive: () => arrive(), fail: (error: Error) => fail(error) };
}

describe('OutboxButton', () => {
  it('fetches the outbox only when it is opened, saying so meanwhile', async () => {
    const pending = pendingLoad();
    await render(pending.load);
    expect(pending.load).not.toHaveBeenCalled();
    expect(find('outbox-loading')).toBeNull();

    await click('outbox-button');
    expect(pending.load).toHaveBeenCalledTimes(1);
    const loading = find('outbox-loading');
    expect(loading?.textContent).toBe(i18n.t('outbox.loading'));
    expect(loading?.getAttribute('role')).toBe('status');
    expect(host.querySelector('[role="dialog"]')).toBe(document.activeElement);
    expect(find('outbox')).toBeNull();

    await act(async () => pending.arrive());
    expect(find('outbox-loading')).toBeNull();
    expect(find('outbox')).not.toBeNull();

    // Closed, the focus is back on the button; opened again, no second fetch.
    await click('fake-close');
    expect(find('outbox')).toBeNull();
    expect(document.activeElement).toBe(find('outbox-button'));
    await click('outbox-button');
    expect(find('outbox')).not.toBeNull();
    expect(pending.load).toHaveBeenCalledTimes(1);
  });

  it('says why the outbox could not be fetched, and tries again on request', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const pending = pendingLoad();
      await render(pending.load);
      await click('outbox-button');
      await act(async () => pending.fail(new Error('Failed to fetch dynamically imported module')));

      const failed = find('outbox-load-error');
      expect(failed?.getAttribute('role')).toBe('alert');
      expect(failed?.textContent).toContain(
        i18n.t('outbox.failed', { reason: 'Failed to fetch dynamically imported module' }),
      );
      expect(find('outbox-loading')).toBeNull();

      const retry = [...host.querySelectorAll('button')].find(
        (b) => b.textContent === i18n.t('outbox.retry'),
      );
      await act(async () => retry?.click());
      expect(pending.load).toHaveBeenCalledTimes(2);
      expect(find('outbox-load-error')).toBeNull();
      expect(find('outbox-loading')).not.toBeNull();
      await act(async () => pending.arrive());
      expect(find('outbox')).not.toBeNull();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('closes while loading, with the Close button or Escape', async () => {
    const pending = pendingLoad();
    await render(pending.load);
    await click('outbox-button');
    await click('outbox-close');
    expect(find('outbox-loading')).toBeNull();
    expect(document.activeElement).toBe(find('outbox-button'));

    await click('outbox-button');
    expect(find('outbox-loading')).not.toBeNull();
    await act(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(find('outbox-loading')).toBeNull();
  });
});
