import type { MenuTarget } from './overlay.ts';

/** What a right-click menu offers, in its order. */
export type MenuAction =
  | 'insertAfter'
  | 'connectTo'
  | 'duplicate'
  | 'copy'
  | 'delete'
  | 'insertHere'
  | 'deleteLink'
  | 'paste'
  | 'addHere'
  | 'selectAll'
  | 'tidyUp'
  | 'fitView';

/** The keys that do the same, as aria-keyshortcuts writes them. */
export const MENU_SHORTCUTS: Partial<Record<MenuAction, string>> = {
  insertAfter: '/',
  duplicate: 'Control+D',
  copy: 'Control+C',
  delete: 'Delete',
  paste: 'Control+V',
  selectAll: 'Control+A',
  fitView: 'Shift+1',
};

/**
 * The actions of a menu on a step (acting on the selection it belongs to), a link, or the
 * canvas. The entry can only be followed (it is never copied or deleted); nothing follows an
 * exit; a canvas that can't be edited offers only what changes nothing.
 */
export function menuActions(
  target: MenuTarget,
  { editable, stepType, selected = 1 }: { editable: boolean; stepType?: string; selected?: number },
): MenuAction[] {
  if (target.kind === 'link') return editable ? ['insertHere', 'deleteLink'] : [];
  if (target.kind === 'canvas')
    return editable
      ? ['paste', 'addHere', 'selectAll', 'tidyUp', 'fitView']
      : ['selectAll', 'fitView'];
  const alone = selected <= 1;
  if (!editable) return stepType === 'entry' && alone ? [] : ['copy'];
  // Connect to… joins the step to one already there: the keyboard's way of dragging a link.
  const follow: MenuAction[] = stepType === 'exit' ? [] : ['insertAfter', 'connectTo'];
  if (stepType === 'entry' && alone) return follow;
  return [...follow, 'duplicate', 'copy', 'delete'];
}

/** One item of a menu: an action, and for "Insert after…" or "Connect to…" on a branching step, its branch. */
export interface MenuItem {
  action: MenuAction;
  /** The branch (source handle) the step is inserted on, or linked from; absent: its first free one. */
  branch?: { handle: string | null; label: string };
}

/** The actions given once per branch of a branching step. */
const PER_BRANCH: ReadonlySet<MenuAction> = new Set<MenuAction>(['insertAfter', 'connectTo']);

/**
 * A menu's items: its actions, with "Insert after…" and "Connect to…" of a branching step
 * (Yes/No, Met/Timeout, a split's branches) given once per branch, so that the keyboard can choose the branch a new
 * step goes on, as dragging from a handle does with the mouse. `branches` are the step's
 * handles with their labels, in the card's order; one plain handle changes nothing.
 */
export function menuItems(
  actions: readonly MenuAction[],
  branches: ReadonlyArray<{ id: string | null; label: string }> = [],
): MenuItem[] {
  return actions.flatMap((action): MenuItem[] =>
    PER_BRANCH.has(action) && branches.length > 1
      ? branches.map((b) => ({ action, branch: { handle: b.id, label: b.label } }))
      : [{ action }],
  );
}

/** Moves through items with the arrow keys, Home and End, wrapping round. */
export function nextIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowUp') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
