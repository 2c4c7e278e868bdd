import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, download, unwrap, type Schemas } from '../api/client';
import { label, t } from '../i18n';
import { caseStatuses, metrics as metricNames } from '../labels';
import { DASH, localTime, metricValue } from '../format';
import { has, useMe } from '../session';
import { Async, ProblemView } from '../components/Problem';
import { CaseActions } from './CaseActions';
import { directionSign, PlanDays, PlanSummary } from './PlanProgress';

type CaseView = Schemas['Api.Cases.Queries.CaseView'];
type TimelineEntry = Schemas['Api.Cases.Queries.TimelineEntry'];

export function useCase(caseId: string | undefined) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId: caseId! } } })),
    enabled: !!caseId,
  });
}

export function CasePage({ caseId }: { caseId: string }) {
  const view = useCase(caseId);
  return (
    <Async query={view} mainRecord>
      {(v) => <CaseDetails view={v} />}
    </Async>
  );
}

function CaseDetails({ view }: { view: CaseView }) {
  const me = useMe();
  const c = view.case!;
  const caseId = c.caseId ?? '';
  const employeeId = c.employeeId ?? '';
  return (
    <div className="stack">
      <div className="toolbar">
        <h1>
          {t('caseTitle')} <span className="muted">{caseId}</span>
        </h1>
      </div>
      <section className="card facts">
        <span>
          {t('status')}:{' '}
          <strong className={`status status-${view.status}`} data-testid="case-status" data-status={view.status ?? ''}>
            {label(caseStatuses, view.status)}
          </strong>
        </span>
        <span>
          {t('nextDue')}: <strong data-testid="case-next-due">{view.nextDueDate ?? DASH}</strong>
        </span>
        <span>
          {t('employee')}:{' '}
          <Link href={`/employees/${encodeURIComponent(employeeId)}`} data-testid="case-employee">
            {employeeId}
          </Link>
        </span>
        {view.salaryWithheld && <span className="muted">{t('salaryWithheld')}</span>}
      </section>

      <section className="card" data-testid="plan-progress">
        <h2>{t('plan')}</h2>
        {c.plan ? (
          <>
            <PlanSummary plan={c.plan} />
            <PlanDays employeeId={employeeId} plan={c.plan} caseId={caseId} />
          </>
        ) : (
          <p className="muted">{t('noPlan')}</p>
        )}
      </section>

      <CaseActions view={view} />

      <section className="card">
        <h2>{t('timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {(view.timeline ?? []).map((e) => (
            <li key={e.version} data-testid="timeline-entry" data-type={e.type ?? ''}>
              <div className="timeline-head">
                {/* The bilingual title is the event catalogue's, as the evidence bundle heads its timeline. */}
                <strong>{e.title ?? e.type}</strong>
                <span className="muted small">
                  {e.by ?? DASH} · {localTime(e.at)}
                </span>
              </div>
              <div className="timeline-summary">{summarize(e)}</div>
            </li>
          ))}
        </ol>
      </section>

      {has(me, 'hr', 'auditor', 'admin') && <Evidence caseId={caseId} employeeId={employeeId} />}
    </div>
  );
}

type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function targetsText(targets: unknown): string {
  if (!targets || typeof targets !== 'object') return '';
  return Object.entries(targets as Record<string, { target?: number; direction?: string } | number>)
    .map(([metric, v]) => {
      const target = typeof v === 'number' ? v : v?.target;
      const direction = typeof v === 'number' ? undefined : v?.direction;
      return `${label(metricNames, metric)} ${directionSign(direction)} ${metricValue(metric, target)}`;
    })
    .join(', ');
}

/** One line from an event's data: what was said, why, which targets, which dates. */
function summarize(e: TimelineEntry): string {
  if (e.data == null) return t('salaryWithheld');
  if (typeof e.data !== 'object') return String(e.data);
  const d = e.data as Data;
  const parts: string[] = [];
  if (d.message) parts.push(text(d.message));
  if (d.text) parts.push(text(d.text));
  if (d.employeeResponse) parts.push(`${t('noteResponse')}: ${text(d.employeeResponse)}`);
  if (d.reason) parts.push(text(d.reason));
  if (d.targets) parts.push(targetsText(d.targets));
  if (d.from && d.until) parts.push(`${text(d.from)} – ${text(d.until)}`);
  else if (d.until) parts.push(`${t('until')} ${text(d.until)}`);
  if (d.course) parts.push(text(d.course));
  if (d.scheduledOn) parts.push(text(d.scheduledOn));
  if (d.completedOn) parts.push(`${t('completedOn')} ${text(d.completedOn)}`);
  if (d.outcome) parts.push(text(d.outcome));
  if (d.toPostId) parts.push(`→ ${text(d.toPostId)}`);
  if (d.effectiveOn) parts.push(`${t('effectiveOn')} ${text(d.effectiveOn)}`);
  if (d.witness) parts.push(`${t('witness')}: ${text(d.witness)}`);
  if (Array.isArray(d.breaches))
    parts.push(
      (d.breaches as Data[])
        .map((b) => `${label(metricNames, text(b.metric))} ${(Array.isArray(b.values) ? b.values : []).map((v) => metricValue(text(b.metric), Number(v))).join('/')}`)
        .join('; '),
    );
  if (Array.isArray(d.results))
    parts.push((d.results as Data[]).map((r) => `${label(metricNames, text(r.metric))} ${r.met ? '✓' : '✗'}`).join(', '));
  const line = parts.filter(Boolean).join(' · ');
  return line.length > 240 ? `${line.slice(0, 237)}…` : line || DASH;
}

function Evidence({ caseId, employeeId }: { caseId: string; employeeId: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/employees/${encodeURIComponent(employeeId)}/evidence?caseId=${encodeURIComponent(caseId)}`;
  async function get(kind: 'pdf' | 'html' | 'json') {
    setError(null);
    setBusy(true);
    try {
      if (kind === 'pdf') await download(`${base}&format=pdf`, `evidence-${caseId}.pdf`);
      else if (kind === 'html') await download(base, `evidence-${caseId}.html`, 'text/html');
      else await download(base, `evidence-${caseId}.json`, 'application/json');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <h2>{t('evidence')}</h2>
      <div className="buttons">
        {(['pdf', 'html', 'json'] as const).map((kind) => (
          <button key={kind} type="button" className="secondary" data-testid={`evidence-${kind}`} disabled={busy} onClick={() => get(kind)}>
            {kind.toUpperCase()}
          </button>
        ))}
      </div>
      <ProblemView error={error} />
    </section>
  );
}
