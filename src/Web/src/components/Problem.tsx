import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { label, t } from '../i18n';
import { guards, missingElements } from '../labels';

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}

/** A refusal in plain words: title and detail, each field's errors, and for a 422 the guard and what is missing. */
export function ProblemView({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return (
      <div className="problem" data-testid="problem" role="alert">
        <strong>{error instanceof Error ? error.message : String(error)}</strong>
      </div>
    );
  }
  const { status, problem } = error;
  const fieldErrors = Object.entries(problem.errors ?? {});
  return (
    <div className="problem" data-testid="problem" data-status={status} role="alert">
      <strong>{problem.title || `HTTP ${status}`}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      {fieldErrors.length > 0 && (
        <ul className="problem-errors">
          {fieldErrors.flatMap(([field, messages]) =>
            messages.map((m, i) => (
              <li key={`${field}-${i}`} data-field={field}>
                <code>{field}</code>: {m}
              </li>
            )),
          )}
        </ul>
      )}
      {problem.guard && (
        <p className="problem-guard" data-guard={problem.guard}>
          {t('problemGuard')}: {label(guards, problem.guard)} <code>{problem.guard}</code>
        </p>
      )}
      {problem.missing && problem.missing.length > 0 && (
        <>
          <p>{t('problemMissing')}</p>
          <ul data-testid="problem-missing">
            {problem.missing.map((m) => (
              <li key={m} data-missing={m}>
                {label(missingElements, m)} {missingElements[m] && <code>{m}</code>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function NotFound() {
  return (
    <div className="not-found" data-testid="not-found">
      {t('notFound')}
    </div>
  );
}

/**
 * A query's three states. `mainRecord`: a 404 is the page's record being unknown or outside the caller's
 * scope (the API answers both alike), shown as just "not found".
 */
export function Async<T>({ query, mainRecord, children }: { query: UseQueryResult<T>; mainRecord?: boolean; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="muted">{t('loading')}</p>;
  if (query.isError) return mainRecord && isStatus(query.error, 404) ? <NotFound /> : <ProblemView error={query.error} />;
  return <>{children(query.data)}</>;
}
