import { type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../api/client';
import { t, type Word } from '../i18n';
import { ProblemView } from '../components/Problem';

type CaseView = Schemas['Api.Cases.Queries.CaseView'];

/**
 * A write on the case: the confirmation is cleared as it starts; on success everything shown is read again — a
 * decision can move a post, a salary, a headcount or an alert, not only the case.
 */
export function useCaseWrite<T = void>(onStart: () => void, send: (body: T) => Promise<unknown>, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onMutate: onStart,
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries();
    },
  });
}

export interface FormProps {
  view: CaseView;
  onDone: (what: Word) => void;
  onStart: () => void;
}

export function ActionForm({ title, onSubmit, error, busy, submitId, children }: {
  title: Word;
  onSubmit: () => void;
  error: unknown;
  busy: boolean;
  submitId: string;
  children: ReactNode;
}) {
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
  }
  return (
    <details className="action" open>
      <summary>{t(title)}</summary>
      <form onSubmit={submit} className="stack">
        {children}
        {error != null && <ProblemView error={error} />}
        <div>
          <button type="submit" data-testid={submitId} disabled={busy}>
            {t('submit')}
          </button>
        </div>
      </form>
    </details>
  );
}

