import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { CanvasBoundary } from './CanvasBoundary.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;

function render(children: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(<I18nextProvider i18n={i18n}>{children}</I18nextProvider>));
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  void i18n.changeLanguage('en');
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('illegal type: start');
}

describe('CanvasBoundary', () => {
  it('shows what it wraps when drawing works', () => {
    const el = render(
      <CanvasBoundary>
        <p>drawn</p>
      </CanvasBoundary>,
    );
    expect(el.textContent).toBe('drawn');
  });

  it('shows a translated message instead of a blank page when drawing fails', () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    act(() => void i18n.changeLanguage('ko'));
    const el = render(
      <CanvasBoundary>
        <Broken />
      </CanvasBoundary>,
    );
    const notice = el.querySelector('[data-testid="canvas-failed"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('캔버스');
    expect(notice?.textContent).toContain('illegal type: start');
  });
});
