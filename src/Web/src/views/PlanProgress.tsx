import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { label, t } from '../i18n';
import { metrics as metricNames, ratioMetrics } from '../labels';
import { datesBetween, metricValue } from '../format';
import { useMe } from '../session';
import { Async } from '../components/Problem';
import { DataTable, type Column } from '../components/DataTable';

export type Plan = Schemas['Domain.Cases.Plan'];
type PipTarget = Schemas['Domain.Cases.PipTarget'];
type Day = Schemas['Api.Tallies.PerformanceDay'];

export function directionSign(direction: string | null | undefined) {
  return direction === 'atMost' ? '≤' : '≥';
}

/** A day's value of a metric, raw or derived. */
export function actualOf(day: Day | undefined, metric: string): number | null {
  if (!day) return null;
  const raw = (day.metrics as Record<string, number | null | undefined> | undefined)?.[metric];
  const derived = (day.derived as Record<string, number | null | undefined> | undefined)?.[metric];
  return day.attainment?.[metric]?.actual ?? raw ?? derived ?? null;
}

/** Met against the plan's own target (it may be milder than the standard); the standard's verdict when it cannot be told. */
function metPlan(day: Day | undefined, metric: string, target: PipTarget): boolean | null {
  const actual = actualOf(day, metric);
  if (actual == null) return day?.attainment?.[metric]?.met ?? null;
  if (target.target == null) return null;
  return target.direction === 'atMost' ? actual <= target.target : actual >= target.target;
}

export function PlanSummary({ plan }: { plan: Plan }) {
  const targets = Object.entries(plan.targets ?? {});
  return (
    <dl className="facts-list">
      <dt>{t('targets')}</dt>
      <dd>
        <ul className="plain" data-testid="plan-targets">
          {targets.map(([metric, target]) => (
            <li key={metric} data-metric={metric} data-target={target.target}>
              {label(metricNames, metric)} {directionSign(target.direction)} {metricValue(metric, target.target)}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('from')}</dt>
      <dd data-testid="plan-from">{plan.from}</dd>
      <dt>{t('until')}</dt>
      <dd data-testid="plan-until">{plan.until}</dd>
      <dt>{t('status')}</dt>
      <dd data-testid="plan-acknowledged" data-value={String(!!plan.acknowledged)}>
        {plan.acknowledged ? `✓ ${t('acknowledged')}` : t('notAcknowledged')}
      </dd>
      {plan.support && plan.support.length > 0 && (
        <>
          <dt>{t('supportList')}</dt>
          <dd>
            <ul className="plain">
              {plan.support.map((s, i) => (
                <li key={i}>{s.course}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The plan's period day by day, up to today by the server's clock, each target metric met or not. */
export function PlanDays({ employeeId, plan, caseId }: { employeeId: string; plan: Plan; caseId: string }) {
  const me = useMe();
  const from = plan.from ?? me.today;
  const until = plan.until ?? me.today;
  const to = until < me.today ? until : me.today;
  const started = from <= to;
  const performance = useQuery({
    queryKey: ['performance', employeeId, from, to],
    queryFn: () => unwrap(api.GET('/api/employees/{employeeId}/performance', { params: { path: { employeeId }, query: { from, to } } })),
    enabled: started,
  });
  if (!started) return null;
  const targets = Object.entries(plan.targets ?? {});
  return (
    <Async query={performance}>
      {(report) => {
        const byDate = new Map((report.days ?? []).map((d) => [d.date, d]));
        const columns: Column<string>[] = [
          { key: 'date', header: t('date'), value: (date) => date },
          ...targets.map(
            ([metric, target]): Column<string> => ({
              key: metric,
              header: `${label(metricNames, metric)} ${directionSign(target.direction)} ${metricValue(metric, target.target)}`,
              value: (date) => actualOf(byDate.get(date), metric),
              numFmt: ratioMetrics.has(metric) ? '0.0%' : undefined,
              render: (date) => {
                const met = metPlan(byDate.get(date), metric, target);
                const actual = actualOf(byDate.get(date), metric);
                if (actual == null) return '';
                return `${metricValue(metric, actual)} ${met == null ? '' : met ? '✓' : '✗'}`;
              },
              cell: (date) => {
                const met = metPlan(byDate.get(date), metric, target);
                return { className: met == null ? undefined : met ? 'met' : 'miss', 'data-met': met == null ? '' : String(met) };
              },
            }),
          ),
        ];
        return (
          <DataTable
            testId="plan-days"
            title={t('progress')}
            fileName={`plan-${caseId}`}
            columns={columns}
            rows={datesBetween(from, to)}
            rowKey={(d) => d}
            rowProps={(d) => ({ 'data-date': d })}
          />
        );
      }}
    </Async>
  );
}
