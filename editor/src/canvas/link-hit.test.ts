import { describe, expect, it } from 'vitest';
import { pickLink } from './link-hit.ts';

/** A piece of canvas: a step over a link, and a link's "+" button. */
function canvas() {
  document.body.innerHTML = `
    <div class="react-flow__node" data-id="welcome"><div class="step"><span id="title">Email</span></div></div>
    <svg><g class="react-flow__edge" data-id="e2"><path id="path"/><path id="wide" class="react-flow__edge-interaction"/></g></svg>
    <button id="plus" data-testid="insert-step" data-edge-id="e3">+</button>
    <div id="pane" class="react-flow__pane"></div>`;
  const $ = (id: string) => document.getElementById(id) as Element;
  return { title: $('title'), path: $('path'), wide: $('wide'), plus: $('plus'), pane: $('pane') };
}

describe('pickLink', () => {
  it('finds the link whose path is topmost under the pointer', () => {
    const { wide, pane } = canvas();
    expect(pickLink([wide, pane])).toBe('e2');
  });

  it('finds a link by its "+" button', () => {
    const { plus, wide, pane } = canvas();
    expect(pickLink([plus, wide, pane])).toBe('e3');
  });

  it('finds nothing on the bare canvas', () => {
    const { pane } = canvas();
    expect(pickLink([pane, document.body])).toBeUndefined();
    expect(pickLink([])).toBeUndefined();
  });

  it('finds nothing when a step lies over the link', () => {
    const { title, path, pane } = canvas();
    expect(pickLink([title, path, pane])).toBeUndefined();
  });
});
