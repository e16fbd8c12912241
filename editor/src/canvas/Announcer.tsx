import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * What the canvas just did, for screen readers ("Copied 2 steps"): actions with no visible
 * trace of their own (copy, select all) or whose result is elsewhere on the page are said
 * out loud. Refusals have their own alert (RefusalNotice).
 */
const announcements = createStore<{ text: string; request: number }>()(() => ({
  text: '',
  request: 0,
}));

export function announce(text: string): void {
  announcements.setState((s) => ({ text, request: s.request + 1 }));
}

/** Test hook: data-testid="canvas-status". */
export function Announcer() {
  const { text, request } = useStore(announcements);
  return (
    <div className="visually-hidden" role="status" data-testid="canvas-status">
      {/* A new element per message, so the same text said twice is read twice. */}
      <span key={request}>{text}</span>
    </div>
  );
}
