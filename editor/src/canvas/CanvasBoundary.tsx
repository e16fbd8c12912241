import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keeps a failure to draw the sequence inside the canvas: the canvas area says so (in the UI
 * language) and the rest of the page, the problems panel first, stays usable. Without it
 * React unmounts the whole page and leaves it white. Give it a `key` that changes with the
 * open file, so that opening another file tries again.
 */
export class CanvasBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('The canvas failed to draw the sequence', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <CanvasFailed error={this.state.error} /> : this.props.children;
  }
}

function CanvasFailed({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="canvas-failed">
      <p>{t('canvas.failed')}</p>
      <p className="notice__detail">
        <code>{error.message}</code>
      </p>
    </div>
  );
}
