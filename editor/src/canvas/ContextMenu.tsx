import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { MENU_SHORTCUTS, type MenuItem, nextIndex } from './menu-items.ts';
import type { ScreenPoint } from './overlay.ts';
import './context-menu.css';

export interface ContextMenuProps {
  /** The menu's name: what it is about ("Step actions"). */
  label: string;
  items: MenuItem[];
  at: ScreenPoint;
  onAction(item: MenuItem): void;
  onClose(options: { returnFocus: boolean }): void;
}

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** "Ctrl+D", or "⌘D" on a Mac, for the key shown beside an item ("Del", not "Delete" twice). */
function shortcutText(keys: string): string {
  if (keys === 'Delete') return 'Del';
  if (!keys.startsWith('Control+')) return keys;
  const key = keys.slice('Control+'.length);
  return isMac() ? `⌘${key}` : `Ctrl+${key}`;
}

/**
 * A right-click menu (role=menu): focus on its first item, Up/Down/Home/End to move, Enter or
 * Space to choose, Escape or Tab to close (focus goes back to where the menu was opened).
 *
 * Test hooks: data-testid="context-menu"; items are role=menuitem with data-action (and
 * data-branch, the handle, for "Insert after" one branch of a branching step).
 */
export function ContextMenu({ label, items: menuItems, at, onAction, onClose }: ContextMenuProps) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: at.x, top: at.y });

  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    setPlace({
      left: Math.max(4, Math.min(at.x, window.innerWidth - el.offsetWidth - 4)),
      top: Math.max(4, Math.min(at.y, window.innerHeight - el.offsetHeight - 4)),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
  }, [at.x, at.y]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) onClose({ returnFocus: false });
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  return createPortal(
    <div
      ref={menu}
      className="context-menu nokey"
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      style={place}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose({ returnFocus: true });
          return;
        }
        if (e.key === 'Tab') {
          e.preventDefault();
          onClose({ returnFocus: true });
          return;
        }
        const list = items();
        const next = nextIndex(
          e.key,
          list.indexOf(document.activeElement as HTMLElement),
          list.length,
        );
        if (next !== undefined) {
          e.preventDefault();
          list[next]?.focus();
        }
      }}
    >
      {menuItems.map((item) => {
        const { action, branch } = item;
        // "/" inserts on the first free branch: it is no branch's own key.
        const keys = branch ? undefined : MENU_SHORTCUTS[action];
        return (
          <button
            key={branch ? `${action}:${branch.handle}` : action}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="context-menu__item"
            data-action={action}
            data-branch={branch?.handle ?? undefined}
            aria-keyshortcuts={keys}
            onClick={() => onAction(item)}
          >
            <span>
              {branch
                ? t(action === 'connectTo' ? 'build.menu.connectFrom' : 'build.menu.insertOn', {
                    branch: branch.label,
                  })
                : t(`build.menu.${action}`)}
            </span>
            {keys && (
              // The key is in aria-keyshortcuts: the item's name stays the action.
              <span className="context-menu__keys" aria-hidden="true">
                {shortcutText(keys)}
              </span>
            )}
          </button>
        );
      })}
    </div>,
    document.body,
  );
}
