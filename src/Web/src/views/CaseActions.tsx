import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { label, t, type Word } from '../i18n';
import { metrics as metricNames } from '../labels';
import { has, useMe, type Me } from '../session';
import { ProblemView } from '../components/Problem';
import { ActionForm, useCaseWrite, type FormProps } from './CaseForm';
import { DecideForm } from './DecideForm';

type CaseView = Schemas['Api.Cases.Queries.CaseView'];
type Action = 'note' | 'plan' | 'ack' | 'training' | 'decide';

// What each status allows. A second plan is set in remedy-required once the remedy is in effect (G5).
const byStatus: Record<string, Action[]> = {
  'plan-pending': ['note', 'plan', 'ack'],
  'plan-active': ['note', 'training'],
  'awaiting-decision': ['note', 'decide'],
  'remedy-required': ['note', 'training', 'plan', 'decide'],
  'termination-possible': ['note', 'decide'],
  closed: [],
};

const kindsByStatus: Record<string, string[]> = {
  'awaiting-decision': ['pass', 'extend', 'finding'],
  'remedy-required': ['reassign', 'adjust-pay'],
  'termination-possible': ['terminate'],
};

// Department heads work cases (notes, plans, trainings, pass / extend / finding); legal decisions and the
// witnessed acknowledgement are HR's; an employee acknowledges their own plan; an auditor only reads.
function allowedFor(me: Me, action: Action): boolean {
  if (action === 'ack') return has(me, 'employee', 'hr', 'admin');
  return has(me, 'hr', 'manager', 'admin');
}

function kindsFor(me: Me, status: string): string[] {
  const kinds = kindsByStatus[status] ?? [];
  return has(me, 'hr', 'admin') ? kinds : kinds.filter((k) => ['pass', 'extend', 'finding'].includes(k));
}

export function CaseActions({ view }: { view: CaseView }) {
  const me = useMe();
  const [done, setDone] = useState<Word | null>(null);
  const status = view.status ?? 'closed';
  // A plan is acknowledged once it is set (no longer the draft) and until it is.
  const plan = view.case?.plan;
  const acknowledgeable = !!plan && !plan.drafted && !plan.acknowledged;
  const actions = (byStatus[status] ?? []).filter((a) => allowedFor(me, a) && (a !== 'decide' || kindsFor(me, status).length > 0)
    && (a !== 'ack' || acknowledgeable));
  const trainings = (view.case?.trainings ?? []).filter((tr) => !tr.completedOn);
  if (actions.length === 0 && !(has(me, 'hr', 'manager', 'admin') && trainings.length > 0)) {
    return has(me, 'hr', 'manager', 'admin') ? (
      <section className="card">
        <h2>{t('actions')}</h2>
        <p className="muted">{t('noActions')}</p>
      </section>
    ) : null;
  }
  const props = { view, onDone: (what: Word) => setDone(what), onStart: () => setDone(null) };
  return (
    <section className="card stack" data-testid="case-actions">
      <h2>{t('actions')}</h2>
      {done && (
        <p className="done" data-testid="action-done" role="status">
          {t('done')} {t(done)}
        </p>
      )}
      {actions.includes('note') && <NoteForm {...props} />}
      {actions.includes('plan') && <PlanForm {...props} />}
      {actions.includes('ack') && <AckForm {...props} />}
      {actions.includes('training') && <TrainingForm {...props} />}
      {has(me, 'hr', 'manager', 'admin') && trainings.length > 0 && <TrainingCompletion {...props} />}
      {/* Keyed by status: after a finding the kinds change, and the form starts again from the first of them. */}
      {actions.includes('decide') && <DecideForm key={status} {...props} kinds={kindsFor(me, status)} />}
    </section>
  );
}

function NoteForm({ view, onDone, onStart }: FormProps) {
  const caseId = view.case!.caseId!;
  const [text, setText] = useState('');
  const [response, setResponse] = useState('');
  const write = useCaseWrite(onStart, () =>
    unwrap(api.POST('/api/cases/{caseId}/notes', { params: { path: { caseId } }, body: { text, employeeResponse: response.trim() || undefined } })),
    () => {
      setText('');
      setResponse('');
      onDone('noteTitle');
    },
  );
  return (
    <ActionForm title="noteTitle" submitId="note-submit" error={write.error} busy={write.isPending} onSubmit={() => write.mutate()}>
      <label>
        {t('noteText')}
        <textarea data-testid="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        {t('noteResponse')}
        <textarea data-testid="note-response" rows={2} value={response} onChange={(e) => setResponse(e.target.value)} />
      </label>
    </ActionForm>
  );
}

function PlanForm({ view, onDone, onStart }: FormProps) {
  const me = useMe();
  const c = view.case!;
  const caseId = c.caseId!;
  const drafted = c.plan;
  const [targets, setTargets] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(drafted?.targets ?? {}).map(([m, v]) => [m, String(v.target)])),
  );
  const [from, setFrom] = useState(drafted?.from && drafted.from >= me.today ? drafted.from : me.today);
  const [until, setUntil] = useState(drafted?.until && drafted.until >= me.today ? drafted.until : '');
  const [support, setSupport] = useState('');
  const write = useCaseWrite(
    onStart,
    () =>
      unwrap(
        api.POST('/api/cases/{caseId}/pip', {
          params: { path: { caseId } },
          body: {
            targets: Object.fromEntries(Object.entries(targets).filter(([, v]) => v.trim() !== '').map(([m, v]) => [m, Number(v)])),
            from,
            until,
            support: support.split('\n').map((s) => s.trim()).filter(Boolean),
          },
        }),
      ),
    () => onDone('planTitle'),
  );
  return (
    <ActionForm title="planTitle" submitId="pip-submit" error={write.error} busy={write.isPending} onSubmit={() => write.mutate()}>
      <div className="form-grid">
        {Object.keys(targets).map((metric) => (
          <label key={metric}>
            {label(metricNames, metric)}
            <input
              type="number"
              step="any"
              data-testid={`pip-target-${metric}`}
              value={targets[metric]}
              onChange={(e) => setTargets({ ...targets, [metric]: e.target.value })}
            />
          </label>
        ))}
        <label>
          {t('from')}
          <input type="date" data-testid="pip-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('until')}
          <input type="date" data-testid="pip-until" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
      </div>
      <label>
        {t('support')}
        <textarea
          data-testid="pip-support"
          rows={3}
          value={support}
          placeholder={(drafted?.support ?? []).map((s) => s.course).join('\n')}
          onChange={(e) => setSupport(e.target.value)}
        />
      </label>
    </ActionForm>
  );
}

function AckForm({ view, onDone, onStart }: FormProps) {
  const me = useMe();
  const caseId = view.case!.caseId!;
  const onPaper = !has(me, 'employee') || me.employeeId !== view.case?.employeeId;
  const [witness, setWitness] = useState('');
  const write = useCaseWrite(
    onStart,
    () =>
      unwrap(
        api.POST('/api/cases/{caseId}/pip/acknowledgement', {
          params: { path: { caseId } },
          body: onPaper && witness.trim() ? { witness: witness.trim() } : {},
        }),
      ),
    () => onDone('ackTitle'),
  );
  return (
    <ActionForm title="ackTitle" submitId="pip-ack" error={write.error} busy={write.isPending} onSubmit={() => write.mutate()}>
      {onPaper && (
        <>
          <p className="muted small">{t('ackHint')}</p>
          <label>
            {t('witness')}
            <input data-testid="pip-witness" value={witness} onChange={(e) => setWitness(e.target.value)} />
          </label>
        </>
      )}
    </ActionForm>
  );
}

function TrainingForm({ view, onDone, onStart }: FormProps) {
  const me = useMe();
  const c = view.case!;
  const caseId = c.caseId!;
  const metricsOffered = [...new Set([...(c.failingMetrics ?? []), ...Object.keys(c.plan?.targets ?? {})])];
  const [course, setCourse] = useState('');
  const [metric, setMetric] = useState(c.failingMetrics?.[0] ?? '');
  const [scheduledOn, setScheduledOn] = useState(me.today);
  const write = useCaseWrite(
    onStart,
    () =>
      unwrap(
        api.POST('/api/cases/{caseId}/trainings', {
          params: { path: { caseId } },
          body: { course, metric: metric || undefined, scheduledOn },
        }),
      ),
    () => {
      setCourse('');
      onDone('trainingTitle');
    },
  );
  return (
    <ActionForm title="trainingTitle" submitId="training-submit" error={write.error} busy={write.isPending} onSubmit={() => write.mutate()}>
      <div className="form-grid">
        <label>
          {t('course')}
          <input data-testid="training-course" value={course} onChange={(e) => setCourse(e.target.value)} />
        </label>
        <label>
          {t('metric')}
          <select data-testid="training-metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            <option value="">—</option>
            {metricsOffered.map((m) => (
              <option key={m} value={m}>
                {label(metricNames, m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('scheduledOn')}
          <input type="date" data-testid="training-date" value={scheduledOn} onChange={(e) => setScheduledOn(e.target.value)} />
        </label>
      </div>
    </ActionForm>
  );
}

function TrainingCompletion({ view, onDone, onStart }: FormProps) {
  const me = useMe();
  const c = view.case!;
  const caseId = c.caseId!;
  const write = useCaseWrite(
    onStart,
    (n: number) =>
      unwrap(api.POST('/api/cases/{caseId}/trainings/{n}/completion', { params: { path: { caseId, n } }, body: { completedOn: me.today } })),
    () => onDone('completeTraining'),
  );
  return (
    <div className="action">
      <h3>{t('trainings')}</h3>
      <ul className="plain">
        {(c.trainings ?? [])
          .filter((tr) => !tr.completedOn)
          .map((tr) => (
            <li key={tr.number}>
              {tr.course} {tr.metric && <span className="muted">({label(metricNames, tr.metric)})</span>} · {tr.scheduledOn}{' '}
              <button
                type="button"
                className="secondary small"
                data-testid={`training-complete-${tr.number}`}
                disabled={write.isPending}
                onClick={() => write.mutate(tr.number ?? 0)}
              >
                {t('completeTraining')}
              </button>
            </li>
          ))}
      </ul>
      {write.error != null && <ProblemView error={write.error} />}
    </div>
  );
}

