import { describe, expect, it } from 'vitest';
import { menuActions, menuItems, nextIndex } from './menu-items.ts';

const step = { kind: 'step', stepId: 'x' } as const;

describe('menuActions', () => {
  it('offers a step’s actions', () => {
    expect(menuActions(step, { editable: true, stepType: 'email' })).toEqual([
      'insertAfter',
      'connectTo',
      'duplicate',
      'copy',
      'delete',
    ]);
  });

  it('never offers to follow an exit', () => {
    expect(menuActions(step, { editable: true, stepType: 'exit' })).toEqual([
      'duplicate',
      'copy',
      'delete',
    ]);
  });

  it('offers only to follow the entry, unless other steps are selected with it', () => {
    expect(menuActions(step, { editable: true, stepType: 'entry' })).toEqual([
      'insertAfter',
      'connectTo',
    ]);
    expect(menuActions(step, { editable: true, stepType: 'entry', selected: 3 })).toContain(
      'delete',
    );
  });

  it('offers a link’s actions and the canvas’s', () => {
    expect(menuActions({ kind: 'link', edgeId: 'e1' }, { editable: true })).toEqual([
      'insertHere',
      'deleteLink',
    ]);
    expect(menuActions({ kind: 'canvas', point: { x: 0, y: 0 } }, { editable: true })).toEqual([
      'paste',
      'addHere',
      'selectAll',
      'tidyUp',
      'fitView',
    ]);
  });

  it('offers nothing that edits a canvas that can’t be edited', () => {
    expect(menuActions(step, { editable: false, stepType: 'email' })).toEqual(['copy']);
    expect(menuActions({ kind: 'link', edgeId: 'e1' }, { editable: false })).toEqual([]);
    expect(menuActions({ kind: 'canvas', point: { x: 0, y: 0 } }, { editable: false })).toEqual([
      'selectAll',
      'fitView',
    ]);
  });
});

describe('menuItems', () => {
  it('gives a branching step’s “Insert after…” once per branch, in the card’s order', () => {
    const branches = [
      { id: 'met', label: 'Met' },
      { id: 'timeout', label: 'Timeout' },
    ];
    expect(menuItems(['insertAfter', 'duplicate', 'copy', 'delete'], branches)).toEqual([
      { action: 'insertAfter', branch: { handle: 'met', label: 'Met' } },
      { action: 'insertAfter', branch: { handle: 'timeout', label: 'Timeout' } },
      { action: 'duplicate' },
      { action: 'copy' },
      { action: 'delete' },
    ]);
  });

  it('leaves a step with one way on, and menus without “Insert after…”, as they are', () => {
    expect(menuItems(['insertAfter', 'copy'], [{ id: null, label: '' }])).toEqual([
      { action: 'insertAfter' },
      { action: 'copy' },
    ]);
    expect(menuItems(['insertAfter'])).toEqual([{ action: 'insertAfter' }]);
    expect(
      menuItems(
        ['duplicate', 'copy'],
        [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
      ),
    ).toEqual([{ action: 'duplicate' }, { action: 'copy' }]);
  });
});

describe('nextIndex', () => {
  it('moves down and up, wrapping round, and jumps with Home and End', () => {
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
    expect(nextIndex('a', 0, 3)).toBeUndefined();
    expect(nextIndex('ArrowDown', 0, 0)).toBeUndefined();
  });
});
