import { LIMITS } from '@nudge/schema';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { SequenceProblems } from '../problems/SequenceProblems.tsx';
import { type NotDrawn, sequenceStore } from '../sequence/store.ts';
import { CanvasArea } from './CanvasArea.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;

function render() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root?.render(
      <I18nextProvider i18n={i18n}>
        <CanvasArea />
        <SequenceProblems />
      </I18nextProvider>,
    ),
  );
  return host;
}

/** The store as after opening a file that is not drawn. */
function opened(notDrawn: NotDrawn) {
  act(() =>
    sequenceStore.setState({
      fileName: 'huge.json',
      file: { nodes: [] },
      notDrawn,
      openCount: sequenceStore.getState().openCount + 1,
    }),
  );
}

beforeEach(() => sequenceStore.setState(sequenceStore.getInitialState(), true));
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  void i18n.changeLanguage('en');
});

describe('CanvasArea, for a file refused at a limit', () => {
  it.each([
    [
      { kind: 'refused', code: 'too_many_nodes', count: 100_000 },
      'This sequence has 100,000 steps, more than the 2,000 Nudge reads',
      '단계가 100,000개',
    ],
    [
      { kind: 'refused', code: 'too_many_edges', count: 20_001 },
      'This sequence has 20,001 links, more than the 20,000 Nudge reads',
      '연결이 20,001개',
    ],
    [
      { kind: 'refused', code: 'too_many_properties' },
      'more than 1,000 properties',
      '속성이 1,000개',
    ],
    [
      { kind: 'refused', code: 'too_deep' },
      `deeper than ${LIMITS.jsonDepth} levels`,
      `${LIMITS.jsonDepth}겹`,
    ],
  ] as Array<[NotDrawn, string, string]>)(
    '%o: says so instead of drawing',
    (notDrawn, english, korean) => {
      const el = render();
      opened(notDrawn);
      const notice = el.querySelector('[data-testid="not-drawn"]');
      expect(notice?.getAttribute('role')).toBe('alert');
      expect(notice?.textContent).toContain(english);
      expect(el.querySelector('.react-flow')).toBeNull();
      act(() => void i18n.changeLanguage('ko'));
      expect(el.querySelector('[data-testid="not-drawn"]')?.textContent).toContain(korean);
    },
  );
});

describe('CanvasArea and the problems panel, for JSON that is not a sequence', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const deep = `${'['.repeat(LIMITS.jsonDepth + 1)}${']'.repeat(LIMITS.jsonDepth + 1)}`;

  it.each([
    ['[]', 'not_an_object'],
    ['"a sequence"', 'not_an_object'],
    ['null', 'not_an_object'],
    [deep, 'too_deep'],
  ])('%s: lists the problem, with no "open a sequence" anywhere', (text, code) => {
    const el = render();
    act(() => sequenceStore.getState().openBytes('odd.json', utf8(text)));
    const codes = [...el.querySelectorAll<HTMLElement>('[data-testid="problem"]')].map(
      (p) => p.dataset.code,
    );
    expect(codes).toEqual([code]);
    expect(el.textContent).not.toContain('Open a sequence');
    expect(el.querySelector('[data-testid="not-drawn"]')).not.toBeNull();
    expect(el.querySelector('.react-flow')).toBeNull();
  });

  it('says there is nothing to draw, in the chosen language', () => {
    const el = render();
    act(() => sequenceStore.getState().openBytes('list.json', utf8('[1, 2, 3]')));
    expect(el.querySelector('[data-testid="not-drawn"]')?.textContent).toContain('Nothing to draw');
    act(() => void i18n.changeLanguage('ko'));
    expect(el.querySelector('[data-testid="not-drawn"]')?.textContent).toContain(
      '그릴 내용이 없습니다',
    );
    expect(el.textContent).not.toContain('시퀀스를 열');
  });

  it('asks to open a sequence only when nothing is open', () => {
    const el = render();
    expect(el.textContent).toContain('Open a sequence');
    expect(el.textContent).toContain('Open a sequence to check it.');
    expect(el.querySelector('[data-testid="not-drawn"]')).toBeNull();
  });
});
