import { type Problem, validateSequence } from '@nudge/schema';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { ProblemsPanel, type ProblemsPanelProps } from './ProblemsPanel.tsx';

// React's act() needs to be told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement;

function render(props: Partial<ProblemsPanelProps>) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root?.render(
      <I18nextProvider i18n={i18n}>
        <ProblemsPanel errors={[]} warnings={[]} open {...props} />
      </I18nextProvider>,
    ),
  );
  return host;
}

afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  void i18n.changeLanguage('en');
});

const error: Problem = {
  severity: 'error',
  code: 'unreachable',
  message: 'no path from the entry reaches sms "orphan"',
  pointer: '/nodes/5',
  nodeId: 'orphan',
};
const cycleFile = {
  format: 'nudge.sequence/v1',
  name: 'Loop',
  nodes: [
    { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
    { id: 'a', type: 'sms', data: { body: 'a', mode: 'auto' } },
    { id: 'b', type: 'sms', data: { body: 'b', mode: 'auto' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'a' },
    { id: 'e2', source: 'a', target: 'b' },
    { id: 'back', source: 'b', target: 'a' },
  ],
};

const warning: Problem = {
  severity: 'warning',
  code: 'unconnected_handle',
  message: 'the "no" handle leads nowhere',
  pointer: '/edges/2',
  edgeId: 'e2',
};

describe('ProblemsPanel', () => {
  it('lists errors then warnings with counts and the hooks tests rely on', () => {
    const el = render({ errors: [error], warnings: [warning] });
    expect(el.querySelector('[data-testid="error-count"]')?.textContent).toBe('1 error');
    expect(el.querySelector('[data-testid="warning-count"]')?.textContent).toBe('1 warning');
    const items = [...el.querySelectorAll<HTMLElement>('[data-testid="problem"]')];
    expect(items.map((b) => [b.dataset.code, b.dataset.nodeId, b.dataset.edgeId])).toEqual([
      ['unreachable', 'orphan', undefined],
      ['unconnected_handle', undefined, 'e2'],
    ]);
    expect(items[0]?.textContent).toContain('/nodes/5');
    expect(items[0]?.textContent).toContain('step orphan');
  });

  it('names the edge of a problem that points into the edges, even when it names a step too', () => {
    const cycle = validateSequence(cycleFile).errors.find((p) => p.code === 'cycle');
    expect(cycle).toMatchObject({ pointer: '/edges/2', edgeId: 'back' });
    const both: Problem = {
      severity: 'error',
      code: 'handle_multiple_edges',
      message: 'the handle of sms "a" already leads to "b" (edge "e1"): one handle has one edge',
      pointer: '/edges/3',
      nodeId: 'a',
      edgeId: 'e4',
    };
    const el = render({ errors: [cycle as Problem, both, error] });
    const wheres = [...el.querySelectorAll('.problem__where > span')].map((s) => s.textContent);
    expect(wheres).toEqual(['link back', 'link e4', 'step orphan']);
  });

  it('hands the clicked problem to onSelect', () => {
    const onSelect = vi.fn();
    const el = render({ errors: [error], warnings: [warning], onSelect });
    act(() => el.querySelectorAll<HTMLElement>('[data-testid="problem"]')[1]?.click());
    expect(onSelect).toHaveBeenCalledWith(warning);
  });

  it('marks the problems of the selected step', () => {
    const el = render({
      errors: [error],
      warnings: [warning],
      selected: [{ kind: 'node', id: 'orphan' }],
    });
    const items = el.querySelectorAll('[data-testid="problem"]');
    expect(items[0]?.getAttribute('aria-current')).toBe('true');
    expect(items[1]?.hasAttribute('aria-current')).toBe(false);
  });

  it('marks a problem by what it is about on the canvas, when told (a duplicate id)', () => {
    const duplicate: Problem = {
      severity: 'error',
      code: 'duplicate_node_id',
      message: 'another node already has the id "wait"',
      pointer: '/nodes/7/id',
      nodeId: 'wait',
    };
    const targetsOf = (p: Problem) =>
      p === duplicate ? [{ kind: 'node' as const, id: 'wait#7' }] : [];
    const current = (selected: string) => {
      const el = render({
        errors: [duplicate],
        targetsOf,
        selected: [{ kind: 'node', id: selected }],
      });
      const mark = el.querySelector('[data-testid="problem"]')?.getAttribute('aria-current');
      act(() => root?.unmount());
      host.remove();
      return mark;
    };
    expect(current('wait#7')).toBe('true');
    expect(current('wait')).toBeNull();
  });

  it("heads each problem with its title in the UI language, the validator's words under it", () => {
    act(() => void i18n.changeLanguage('ko'));
    const el = render({ errors: [error], warnings: [warning] });
    const items = [...el.querySelectorAll('[data-testid="problem"]')];
    expect(items.map((i) => i.querySelector('.problem__title')?.textContent)).toEqual([
      '도달할 수 없는 단계',
      '연결되지 않은 분기',
    ]);
    expect(items[0]?.querySelector('.problem__message')?.textContent).toBe(error.message);
    act(() => void i18n.changeLanguage('en'));
    expect(el.querySelector('.problem__title')?.textContent).toBe("Step that can't be reached");
  });

  it('says so when there are no problems, in the chosen language', () => {
    act(() => void i18n.changeLanguage('ko'));
    const el = render({});
    expect(el.querySelector('[data-testid="no-problems"]')?.textContent).toContain('문제 없음');
    expect(el.querySelector('h2')?.textContent).toBe('문제');
  });

  it('shows why a file could not be opened', () => {
    const el = render({
      open: false,
      loadError: 'This file is not valid JSON (line 1, column 2).',
    });
    expect(el.querySelector('[data-testid="load-error"]')?.textContent).toContain(
      'line 1, column 2',
    );
    expect(el.querySelector('[data-testid="error-count"]')?.textContent).toBe('1 error');
    expect(el.querySelector('[data-testid="no-problems"]')).toBeNull();
  });
});
