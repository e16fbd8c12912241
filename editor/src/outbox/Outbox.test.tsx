import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import {
  NotAllowedError,
  type OutboxClient,
  type OutboxEntry,
  OutboxLoadError,
  type OutboxMessage,
  TokenRefusedError,
} from './api.ts';
import { Outbox } from './Outbox.tsx';
import { readToken, saveToken } from './token.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry: OutboxEntry = {
  id: 3,
  messageId: '<a@nudge.test>',
  to: '김민준 <minjun@hanbit.example>',
  from: '넛지 <team@nudge.test>',
  subject: '김민준님, 안녕하세요',
  sentAt: '2026-03-02T00:01:00.000Z',
  sequenceId: 'hello',
  node: 'welcome',
};
const message: OutboxMessage = {
  ...entry,
  headers: [],
  text: '안녕하세요',
  html: '<p>안녕하세요</p>',
};

/** A client that takes `good` alone; any other token is refused, as the API does. */
function fakeServer(good = 'good-token') {
  const clientFor = vi.fn(
    (token: string): OutboxClient => ({
      list: async () => {
        if (token !== good) throw new TokenRefusedError('the bearer token is not valid');
        return { entries: [entry], next: null };
      },
      message: async (id) => {
        if (token !== good) throw new TokenRefusedError('the bearer token is not valid');
        if (id !== entry.id) throw new OutboxLoadError('no captured message');
        return message;
      },
    }),
  );
  return clientFor;
}

let root: Root | undefined;
let host: HTMLElement;

async function render(clientFor: (token: string) => OutboxClient, onClose = vi.fn()) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root?.render(
      <I18nextProvider i18n={i18n}>
        <Outbox onClose={onClose} clientFor={clientFor} />
      </I18nextProvider>,
    ),
  );
  return onClose;
}

const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function enterToken(token: string) {
  const input = byTestId('token-input') as HTMLInputElement;
  await act(async () => {
    // React tracks the value it set: go through the native setter, as typing does.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, token);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    (byTestId('token-form') as HTMLFormElement).requestSubmit();
  });
}

afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  localStorage.clear();
});

describe('Outbox', () => {
  it('asks for a token, saying where one comes from; then lists the mail and opens one', async () => {
    await render(fakeServer());
    expect(byTestId('token-form')?.textContent).toContain('NUDGE_BOOTSTRAP_TOKEN');
    await enterToken('good-token');
    expect(readToken()).toBe('good-token');
    const item = byTestId('outbox-entry');
    expect(item?.textContent).toContain('김민준님, 안녕하세요');
    expect(item?.textContent).toContain('김민준 <minjun@hanbit.example>');
    await act(async () => item?.click());
    expect(byTestId('message-subject')?.textContent).toBe('김민준님, 안녕하세요');
    expect(item?.getAttribute('aria-current')).toBe('true');
    expect(byTestId('message-html')?.getAttribute('sandbox')).toBe('');
    await act(async () => byTestId('message-part-text')?.click());
    expect(byTestId('message-text')?.textContent).toBe('안녕하세요');
  });

  it('uses the stored token at once, and asks again (forgetting it) when it is refused', async () => {
    saveToken('revoked');
    const clientFor = fakeServer();
    await render(clientFor);
    expect(clientFor).toHaveBeenCalledWith('revoked');
    expect(byTestId('token-refused')).not.toBeNull();
    expect(readToken()).toBeNull();
    await enterToken('good-token');
    expect(byTestId('token-refused')).toBeNull();
    expect(byTestId('outbox-entry')).not.toBeNull();
  });

  it('forgets the token on request, and closes on Escape', async () => {
    saveToken('good-token');
    const onClose = await render(fakeServer());
    expect(byTestId('outbox-entry')).not.toBeNull();
    await act(async () => byTestId('outbox-forget-token')?.click());
    expect(readToken()).toBeNull();
    expect(byTestId('token-form')).not.toBeNull();
    expect(byTestId('token-refused')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says when nothing was captured, and when loading failed', async () => {
    saveToken('t');
    await render(() => ({
      list: async () => ({ entries: [], next: null }),
      message: async () => message,
    }));
    expect(byTestId('outbox-empty')?.textContent).toContain('SMTP_URL');
    act(() => root?.unmount());
    host.remove();
    await render(() => ({
      list: async () => {
        throw new OutboxLoadError('HTTP 502');
      },
      message: async () => message,
    }));
    expect(byTestId('outbox-error')?.textContent).toContain('HTTP 502');
  });

  describe('for each role', () => {
    const source =
      'Message-ID: <a@nudge.test>\r\nList-Unsubscribe: <https://nudge.example/u/abc.def>\r\n';
    /** The API as each role sees it: a viewer gets the links redacted and no source. */
    const byRole = (token: string): OutboxClient => ({
      list: async () => ({ entries: [entry], next: null }),
      message: async () =>
        token === 'viewer-token'
          ? {
              ...message,
              html: '<p><a href="https://nudge.example/t/c/[redacted]">x</a></p>',
              redactedLinks: 2,
            }
          : message,
      raw: async () => {
        if (token === 'viewer-token')
          throw new NotAllowedError('the raw message holds signed links: not for a viewer');
        return source;
      },
    });
    const openMessage = async (token: string) => {
      saveToken(token);
      await render(byRole);
      await act(async () => byTestId('outbox-entry')?.click());
    };

    it('an editor reads the message, and its source', async () => {
      await openMessage('editor-token');
      expect(byTestId('message-redacted')).toBeNull();
      await act(async () => byTestId('message-part-source')?.click());
      expect(byTestId('message-source')?.textContent).toBe(source);
    });

    it('a viewer reads the message, told its signed links are hidden, and not its source', async () => {
      await openMessage('viewer-token');
      expect(byTestId('message-redacted')?.textContent).toBe(
        '2 signed links (tracking and unsubscribe) are hidden: a viewer’s token does not show them.',
      );
      await act(async () => byTestId('message-part-source')?.click());
      expect(byTestId('message-source')).toBeNull();
      expect(byTestId('message-source-not-allowed')?.textContent).toContain(
        'A viewer’s token does not show the message source',
      );
      // Not a failure of the outbox: the token is kept, and the other parts still show.
      expect(readToken()).toBe('viewer-token');
      await act(async () => byTestId('message-part-text')?.click());
      expect(byTestId('message-text')?.textContent).toBe('안녕하세요');
    });

    it('has no Source tab with a client that cannot read sources', async () => {
      saveToken('t');
      await render(() => ({
        list: async () => ({ entries: [entry], next: null }),
        message: async () => message,
      }));
      await act(async () => byTestId('outbox-entry')?.click());
      expect(byTestId('message-part-text')).not.toBeNull();
      expect(byTestId('message-part-source')).toBeNull();
    });
  });
});
