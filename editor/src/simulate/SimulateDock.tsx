import { lazy, type ReactNode, Suspense } from 'react';
import { useSimulateOpen } from './store.ts';
import './dock.css';

// The panel brings core (timeline words) and the worker client: loaded on first open only.
const SimulatePanel = lazy(() => import('./SimulatePanel.tsx'));

/** The canvas with the Simulate panel docked below it when open (App.tsx). */
export function SimulateDock({ children }: { children: ReactNode }) {
  const open = useSimulateOpen();
  return (
    <div className="simulate-dock">
      {children}
      {open && (
        <Suspense fallback={null}>
          <SimulatePanel />
        </Suspense>
      )}
    </div>
  );
}
