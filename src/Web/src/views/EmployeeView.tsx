import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap, type Schemas } from '../api/client';
import { label, t } from '../i18n';
import { metrics as metricNames, ratioMetrics } from '../labels';
import { metricValue } from '../format';
import { has, useMe } from '../session';
import { Async, NotFound, ProblemView } from '../components/Problem';
import { DataTable, type Column } from '../components/DataTable';
import { CaseTable } from './CaseTable';
import { useCase } from './CasePage';
import { actualOf, directionSign, PlanSummary } from './PlanProgress';

type Profile = Schemas['Api.Staff.EmployeeProfile'];
type Day = Schemas['Api.Tallies.PerformanceDay'];
type StandardVersion = Schemas['Domain.Standards.StandardVersion'];

/** `#/me`: the employee's own page, phone-sized first. */
export function MyPage() {
  const me = useMe();
  return me.employeeId ? <EmployeeDetails employeeId={me.employeeId} own /> : <NotFound />;
}

/** `#/employees/{id}`: HR or the department head looking at one employee. */
export function EmployeePage({ employeeId }: { employeeId: string }) {
  return <EmployeeDetails employeeId={employeeId} own={false} />;
}

function EmployeeDetails({ employeeId, own }: { employeeId: string; own: boolean }) {
  const me = useMe();
  const profile = useQuery({
    queryKey: ['employee', employeeId],
    queryFn: () => unwrap(api.GET('/api/employees/{employeeId}', { params: { path: { employeeId } } })),
  });
  return (
    <Async query={profile} mainRecord>
      {(p) => (
        <div className="stack">
          <div className="toolbar">
            <h1>
              {p.name} <span className="muted">{p.employeeId}</span>
            </h1>
          </div>
          <p className="facts card" data-testid="profile">
            <span>
              {t('brand')}: <strong>{p.brandId}</strong>
            </span>
            <span>
              {t('post')}: <strong>{p.postId}</strong>
            </span>
            <span>
              {t('department')}: <strong>{p.department}</strong>
            </span>
          </p>
          {own ? <MyPlan employeeId={employeeId} /> : <EmployeeCases employeeId={employeeId} />}
          {(own || has(me, 'hr', 'admin')) && <StandardAcknowledgement profile={p} />}
          <Days employeeId={employeeId} title={own ? t('myDays') : t('daysTitle')} />
        </div>
      )}
    </Async>
  );
}

function Days({ employeeId, title }: { employeeId: string; title: string }) {
  const performance = useQuery({
    queryKey: ['performance', employeeId, 'last-30'],
    queryFn: () => unwrap(api.GET('/api/employees/{employeeId}/performance', { params: { path: { employeeId } } })),
  });
  return (
    <Async query={performance}>
      {(report) => {
        const days = [...(report.days ?? [])].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1));
        const metricKeys = [...new Set(days.flatMap((d) => Object.keys(d.attainment ?? {})))];
        const columns: Column<Day>[] = [
          { key: 'date', header: t('date'), value: (d) => d.date },
          ...metricKeys.map(
            (metric): Column<Day> => ({
              key: metric,
              header: label(metricNames, metric),
              value: (d) => actualOf(d, metric),
              numFmt: ratioMetrics.has(metric) ? '0.0%' : undefined,
              render: (d) => {
                const a = d.attainment?.[metric];
                if (!a) return '';
                const mark = a.met == null ? '' : a.met ? ' ✓' : ' ✗';
                return (
                  <>
                    {metricValue(metric, a.actual)}
                    <small className="sub">
                      {directionSign(a.direction)} {metricValue(metric, a.target)}
                      {mark}
                    </small>
                  </>
                );
              },
              cell: (d) => {
                const met = d.attainment?.[metric]?.met;
                return { className: met == null ? undefined : met ? 'met' : 'miss', 'data-met': met == null ? '' : String(met) };
              },
            }),
          ),
        ];
        return (
          <DataTable
            testId="my-days"
            title={title}
            fileName={`days-${employeeId}`}
            columns={columns}
            rows={days}
            rowKey={(d) => d.date ?? ''}
            rowProps={(d) => ({ 'data-date': d.date })}
          />
        );
      }}
    </Async>
  );
}

function useOpenCases(employeeId: string) {
  return useQuery({
    queryKey: ['cases', { status: 'open', employeeId }],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { status: 'open', employeeId } } })),
  });
}

function MyPlan({ employeeId }: { employeeId: string }) {
  const cases = useOpenCases(employeeId);
  const caseId = cases.data?.[0]?.caseId ?? undefined;
  const view = useCase(caseId);
  const queryClient = useQueryClient();
  const ack = useMutation({
    mutationFn: () => unwrap(api.POST('/api/cases/{caseId}/pip/acknowledgement', { params: { path: { caseId: caseId! } }, body: {} })),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['case', caseId] }), queryClient.invalidateQueries({ queryKey: ['cases'] })]),
  });
  if (cases.isError) return <ProblemView error={cases.error} />;
  return (
    <section className="card" data-testid="my-plan">
      <h2>{t('myPlan')}</h2>
      {cases.isPending || (caseId && view.isPending) ? (
        <p className="muted">{t('loading')}</p>
      ) : !caseId ? (
        <p className="muted">{t('noOpenCase')}</p>
      ) : view.isError ? (
        <ProblemView error={view.error} />
      ) : view.data?.case?.plan ? (
        <>
          <PlanSummary plan={view.data.case.plan} />
          {view.data.status === 'plan-pending' && !view.data.case.plan.drafted && !view.data.case.plan.acknowledged && (
            <button type="button" data-testid="ack-plan" disabled={ack.isPending} onClick={() => ack.mutate()}>
              {t('ackPlan')}
            </button>
          )}
          {ack.isSuccess && (
            <p className="done" data-testid="action-done">
              {t('done')}
            </p>
          )}
          <ProblemView error={ack.error} />
          <p>
            <Link href={`/cases/${encodeURIComponent(caseId)}`}>{t('caseTitle')} {caseId} →</Link>
          </p>
        </>
      ) : (
        <p className="muted">{t('noPlan')}</p>
      )}
    </section>
  );
}

function EmployeeCases({ employeeId }: { employeeId: string }) {
  const cases = useQuery({
    queryKey: ['cases', { employeeId }],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { employeeId } } })),
  });
  return <Async query={cases}>{(list) => <CaseTable testId="employee-cases" title={t('employeeCases')} cases={list} />}</Async>;
}

/** The version in force today by the server's clock. */
function inForce(versions: StandardVersion[], today: string): StandardVersion | undefined {
  return versions
    .filter((v) => !!v.effectiveFrom && v.effectiveFrom <= today && (!v.effectiveUntil || v.effectiveUntil >= today))
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
}

function StandardAcknowledgement({ profile }: { profile: Profile }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const brandId = profile.brandId ?? '';
  const postId = profile.postId ?? '';
  const employeeId = profile.employeeId ?? '';
  const standard = useQuery({
    queryKey: ['standard', brandId, postId],
    queryFn: () => unwrap(api.GET('/api/standards/{brandId}/{postId}', { params: { path: { brandId, postId } } })),
    enabled: !!brandId && !!postId,
  });
  const ack = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/employees/{employeeId}/acknowledgements', { params: { path: { employeeId } }, body: { brandId, postId, standardVersion: version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['employee', employeeId] }),
  });
  return (
    <section className="card">
      <h2>{t('standardTitle')}</h2>
      <Async query={standard}>
        {(s) => {
          const version = inForce(s.versions ?? [], me.today);
          if (!version) return <p className="muted">{t('noStandard')}</p>;
          // The answer to our own POST counts too: the profile read a moment later may not show it yet.
          const acknowledged =
            (ack.isSuccess && ack.variables === version.version) ||
            (profile.acknowledgements ?? []).some((a) => a.brandId === brandId && a.postId === postId && a.standardVersion === version.version);
          if (acknowledged)
            return (
              <p className="done" data-testid="standard-acknowledged" data-version={version.version ?? ''}>
                ✓ {t('standardAcknowledged', { v: version.version ?? '' })}
              </p>
            );
          return (
            <div className="stack" data-testid="standard-to-acknowledge" data-version={version.version}>
              <p>
                {brandId}/{postId} · {t('version')} {version.version} · {version.effectiveFrom} – {version.effectiveUntil ?? ''}
              </p>
              <ul className="plain">
                {Object.entries(version.metrics ?? {}).map(([metric, target]) => (
                  <li key={metric}>
                    {label(metricNames, metric)} {directionSign(target.direction)} {metricValue(metric, target.target)}
                  </li>
                ))}
              </ul>
              <ProblemView error={ack.error} />
              <div>
                <button type="button" data-testid="ack-standard" disabled={ack.isPending} onClick={() => ack.mutate(version.version ?? 0)}>
                  {t('ackStandard')}
                </button>
              </div>
            </div>
          );
        }}
      </Async>
    </section>
  );
}
