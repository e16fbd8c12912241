import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { canvasAriaLabels } from './aria-labels.ts';
import type { LinkFlowEdge, StepFlowNode } from './flow-types.ts';
import { labelLink, labelStep } from './labelled-flow.ts';

/** React Flow's own English texts (12.x), which must never reach the page. */
const REACT_FLOW_ENGLISH = [
  'Press enter or space to select a node',
  'Control Panel',
  'Zoom In',
  'Zoom Out',
  'Fit View',
  'Toggle Interactivity',
  'Mini Map',
];

const texts = (config: ReturnType<typeof canvasAriaLabels>) =>
  Object.values(config).map((v) =>
    typeof v === 'function' ? v({ direction: 'up', x: 1, y: 2 }) : v,
  );

describe('canvasAriaLabels', () => {
  it('says every text in our words: step and link, never node or edge', () => {
    for (const text of texts(canvasAriaLabels(i18n.getFixedT('en')))) {
      expect(text).not.toMatch(/\b(node|edge)s?\b/i);
      for (const english of REACT_FLOW_ENGLISH) expect(text).not.toContain(english);
    }
  });

  it('tells keyboard users what the keys do, now that they work', () => {
    const en = canvasAriaLabels(i18n.getFixedT('en'));
    // React Flow shows this one while keyboard use is on.
    const hint = en['node.a11yDescription.keyboardDisabled'];
    expect(hint).toContain('Enter or Space to select a step');
    expect(hint).toContain('Delete removes it');
    expect(hint).toContain('/ inserts a step after it');
    expect(hint).toContain('Shift+F10');
    expect(en['edge.a11yDescription.default']).toContain('Delete then removes it');
  });

  it('is Korean in Korean, moves and all', () => {
    const ko = canvasAriaLabels(i18n.getFixedT('ko'));
    for (const text of texts(ko)) expect(text).toMatch(/[가-힣]/);
    expect(ko['node.a11yDescription.ariaLiveMessage']({ direction: 'left', x: 10, y: -20 })).toBe(
      '선택한 단계를 왼쪽으로 옮겼습니다. 새 위치: x 10, y -20.',
    );
    expect(ko['controls.fitView.ariaLabel']).toBe('화면에 맞추기');
  });

  it('says where a step moved in English', () => {
    const en = canvasAriaLabels(i18n.getFixedT('en'));
    expect(en['node.a11yDescription.ariaLiveMessage']({ direction: 'down', x: 0, y: 40 })).toBe(
      'Moved the selected step down. New position: x 0, y 40.',
    );
  });
});

describe('step and link names', () => {
  const step = {
    id: 'welcome',
    type: 'email',
    position: { x: 0, y: 0 },
    data: { step: { id: 'welcome', key: 'welcome', type: 'email', data: {}, index: 1 } },
  } as unknown as StepFlowNode;
  const link = (sourceHandle: string | null) =>
    ({ id: 'e1', source: 'wait', target: 'call', sourceHandle }) as LinkFlowEdge;

  it('names a step by its type and id, with the role "step"', () => {
    const en = labelStep(step, i18n.getFixedT('en'));
    expect(en.ariaLabel).toBe('Email step welcome');
    expect(en.domAttributes).toEqual({ 'aria-roledescription': 'step' });
    const ko = labelStep(step, i18n.getFixedT('ko'));
    expect(ko.ariaLabel).toBe('이메일 단계 welcome');
    expect(ko.domAttributes).toEqual({ 'aria-roledescription': '단계' });
    // The store's node is left as it was.
    expect(step.ariaLabel).toBeUndefined();
  });

  it('names a link by its ends and its handle', () => {
    const t = i18n.getFixedT('en');
    expect(labelLink(link(null), t).ariaLabel).toBe('Link from wait to call');
    expect(labelLink(link('timeout'), t).ariaLabel).toBe('Link from wait (Timeout) to call');
    expect(labelLink(link('b'), t).ariaLabel).toBe('Link from wait (b) to call');
    const ko = labelLink(link('timeout'), i18n.getFixedT('ko'));
    expect(ko.ariaLabel).toBe('wait(시간 초과)에서 call(으)로 가는 연결');
    expect(ko.domAttributes).toEqual({ 'aria-roledescription': '연결' });
  });

  it('puts ids in as written, whatever they hold', () => {
    const t = i18n.getFixedT('en');
    const odd = { ...step, data: { ...step.data, step: { ...step.data.step, id: '$&$1 {{x}}' } } };
    expect(labelStep(odd, t).ariaLabel).toBe('Email step $&$1 {{x}}');
    const edge = { ...link('yes'), source: '$`', target: "$'" } as LinkFlowEdge;
    expect(labelLink(edge, t).ariaLabel).toBe("Link from $` (Yes) to $'");
  });
});
