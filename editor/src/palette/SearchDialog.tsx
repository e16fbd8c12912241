import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { usePlacement } from '../ui/use-placement.ts';
import './step-search.css';

export interface SearchDialogProps {
  /** The dialog's accessible name, and its hint (read as its description). */
  label: string;
  hint: string;
  testId: string;
  /** Where it opens, on the screen (it stays inside the window). */
  at: { x: number; y: number };
  /** Escape (focus goes back), a click outside or Tab out of it (focus stays where it went). */
  onClose(options: { returnFocus: boolean }): void;
  children: ReactNode;
}

/**
 * The small floating dialog the step search and "Connect to…" open in: placed at the "+" or
 * the step it came from, over the page, closed by Escape, a click outside or Tab away.
 */
export function SearchDialog({ label, hint, testId, at, onClose, children }: SearchDialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const place = usePlacement(box, at);
  const hintId = useId();

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose({ returnFocus: false });
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  return createPortal(
    <div
      ref={box}
      className="step-search nokey nowheel"
      role="dialog"
      aria-label={label}
      aria-describedby={hintId}
      data-testid={testId}
      style={place}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose({ returnFocus: true });
        }
      }}
      onBlur={(e) => {
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node))
          onClose({ returnFocus: false });
      }}
    >
      {children}
      <p id={hintId} className="step-search__hint">
        {hint}
      </p>
    </div>,
    document.body,
  );
}
