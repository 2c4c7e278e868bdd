import { Component, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * A view that fails to render (a chunk gone after a new release, an address typed by hand) says so, instead of
 * leaving a blank page; moving to another view clears it (the boundary is keyed by the route).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="problem" data-testid="problem" role="alert">
        <strong>{t('viewFailed')}</strong>
        <p>{this.state.error.message}</p>
        <button type="button" className="secondary small" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
}

/** A path segment as typed: an address with a stray "%" is read as it stands rather than thrown on. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
