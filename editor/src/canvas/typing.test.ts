import { describe, expect, it } from 'vitest';
import { hasTextSelection, isTypingTarget } from './typing.ts';

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('#target') as Element;
}

describe('isTypingTarget', () => {
  it('is true in text fields, text areas, selects and editable content', () => {
    expect(isTypingTarget(element('<input id="target">'))).toBe(true);
    expect(isTypingTarget(element('<input id="target" type="email">'))).toBe(true);
    expect(isTypingTarget(element('<textarea id="target"></textarea>'))).toBe(true);
    expect(isTypingTarget(element('<select id="target"></select>'))).toBe(true);
    expect(isTypingTarget(element('<div id="target" contenteditable="true">x</div>'))).toBe(true);
  });

  it('is true inside a code editor, the step search and a menu', () => {
    expect(isTypingTarget(element('<div class="cm-editor"><div id="target"></div></div>'))).toBe(
      true,
    );
    expect(isTypingTarget(element('<div role="dialog"><button id="target"></button></div>'))).toBe(
      true,
    );
    expect(isTypingTarget(element('<div role="menu"><button id="target"></button></div>'))).toBe(
      true,
    );
  });

  it('is false on the canvas, its steps, buttons and checkboxes', () => {
    expect(
      isTypingTarget(element('<div class="react-flow__node" id="target" tabindex="0"></div>')),
    ).toBe(false);
    expect(isTypingTarget(element('<button id="target">Email</button>'))).toBe(false);
    expect(isTypingTarget(element('<input id="target" type="checkbox">'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('hasTextSelection', () => {
  it('is true only while some text is selected', () => {
    document.body.innerHTML = '<p id="p">Some problem text</p>';
    getSelection()?.removeAllRanges();
    expect(hasTextSelection()).toBe(false);
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p') as Node);
    getSelection()?.addRange(range);
    expect(hasTextSelection()).toBe(true);
    getSelection()?.removeAllRanges();
  });
});
