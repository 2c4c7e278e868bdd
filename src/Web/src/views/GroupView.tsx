import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from 'wouter';
import { api, unwrap, type Schemas } from '../api/client';
import { label, t } from '../i18n';
import { alertKinds } from '../labels';
import { DASH, pct, yuan } from '../format';
import { useMe } from '../session';
import { Async } from '../components/Problem';
import { DataTable, type Column } from '../components/DataTable';
import { EChart, type ChartOption } from '../components/EChart';

type CostLine = Schemas['Domain.Reports.CostLine'];
type TurnoverLine = Schemas['Domain.Reports.TurnoverLine'];
type AttainmentLine = Schemas['Domain.Reports.AttainmentLine'];
type Alert = Schemas['Domain.Alerts.Alert'];

const COST_LINE = 0.3;

export default function GroupView() {
  const me = useMe();
  const [month, setMonth] = useState(me.today.slice(0, 7));
  const focus = new URLSearchParams(useSearch()).get('focus');
  const overview = useQuery({ queryKey: ['group-overview', month], queryFn: () => unwrap(api.GET('/api/group/overview', { params: { query: { month } } })) });

  // Bring the record an alert pointed at into view once it is drawn.
  useEffect(() => {
    if (focus && overview.isSuccess) document.querySelector('.focus')?.scrollIntoView({ block: 'center' });
  }, [focus, overview.isSuccess]);

  return (
    <div className="stack">
      <div className="toolbar">
        <h1>{t('groupView')}</h1>
        <label className="inline">
          {t('month')}
          <input type="month" data-testid="month-picker" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
      </div>
      <Stats />
      <Alerts />
      <Async query={overview}>
        {(o) => (
          <>
            <Heatmap lines={o.attainment ?? []} focus={focus} />
            <section className="stack">
              <h2>{t('costTitle')}</h2>
              <CostBlock testId="cost-region" title={t('costRegion')} lines={o.salaryCostByRegion ?? []} focus={focus} month={month} />
              <CostBlock testId="cost-brand-post" title={t('costBrandPost')} lines={o.salaryCostByBrandPost ?? []} focus={focus} month={month} />
            </section>
            <section className="stack">
              <h2>{t('turnoverTitle')}</h2>
              <Turnover testId="turnover-region" title={t('turnoverRegion')} lines={o.turnoverByRegion ?? []} focus={focus} month={month} />
              <Turnover testId="turnover-post" title={t('turnoverPost')} lines={o.turnoverByPost ?? []} focus={focus} month={month} />
            </section>
          </>
        )}
      </Async>
    </div>
  );
}

/** The four numbers, counted by the API over every open case in the reader's scope. */
function Stats() {
  const counts = useQuery({ queryKey: ['cases', 'counts'], queryFn: () => unwrap(api.GET('/api/cases/counts')) });
  return (
    <Async query={counts}>
      {(c) => {
        const stats: [string, string, number][] = [
          ['stat-open-warnings', t('statOpenWarnings'), c.openWarnings ?? 0],
          ['stat-plans-in-progress', t('statPlansInProgress'), c.plansInProgress ?? 0],
          ['stat-decisions-due', t('statDecisionsDue'), c.decisionsDueWithin7Days ?? 0],
          ['stat-no-data-escalations', t('statNoData'), c.noDataEscalations ?? 0],
        ];
        return (
          <div className="stats">
            {stats.map(([id, text, value]) => (
              <div className="stat" key={id}>
                <span className="stat-value" data-testid={id}>
                  {value}
                </span>
                <span className="stat-label">{text}</span>
              </div>
            ))}
          </div>
        );
      }}
    </Async>
  );
}

/** Where an alert leads: an employee's page, or the group view with its brand × post or region highlighted. */
function alertHref(a: Alert): string {
  const subject = a.subject ?? '';
  if (a.kind === 'performance') return `#/employees/${encodeURIComponent(subject)}`;
  return `#/group?focus=${encodeURIComponent(subject)}`;
}

function Alerts() {
  const alerts = useQuery({ queryKey: ['alerts', 'open'], queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { status: 'open' } } })) });
  return (
    <section className="card">
      <h2>{t('alerts')}</h2>
      <Async query={alerts}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="alerts" data-testid="alerts">
              {list.map((a) => (
                <li key={a.alertId} data-testid={`alert-${a.alertId}`} data-kind={a.kind}>
                  <a href={alertHref(a)}>
                    <span className={`tag kind-${a.kind}`}>{label(alertKinds, a.kind)}</span> {a.message}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

/** Red below half the targets met, amber around three quarters, green at all of them. */
function heatColour(rate: number): string {
  const hue = Math.max(0, Math.min(1, (rate - 0.5) / 0.5)) * 120;
  return `hsl(${hue.toFixed(0)} 75% 82%)`;
}

function Heatmap({ lines, focus }: { lines: AttainmentLine[]; focus: string | null }) {
  const brands = [...new Set(lines.map((l) => l.brandId ?? ''))].sort();
  const posts = [...new Set(lines.map((l) => l.postId ?? ''))].sort();
  const at = (brand: string, post: string) => lines.find((l) => l.brandId === brand && l.postId === post);
  const columns: Column<string>[] = [
    { key: 'brand', header: t('brand'), value: (b) => b, render: (b) => <strong>{b}</strong> },
    ...posts.map(
      (post): Column<string> => ({
        key: post,
        header: post,
        numFmt: '0.0%',
        value: (b) => at(b, post)?.attainmentRate ?? null,
        render: (b) => {
          const line = at(b, post);
          if (!line) return null;
          return (
            <>
              {pct(line.attainmentRate)}
              <small className="sub">
                {t('headcount')} {line.headcount}
              </small>
            </>
          );
        },
        cell: (b) => {
          const rate = at(b, post)?.attainmentRate;
          return {
            'data-testid': `heat-${b}-${post}`,
            'data-value': rate == null ? '' : String(rate),
            className: ['heat', focus === `${b}/${post}` ? 'focus' : ''].join(' ').trim(),
            style: rate == null ? undefined : { background: heatColour(rate) },
          };
        },
      }),
    ),
  ];
  return <DataTable testId="heatmap" title={t('heatmap')} columns={columns} rows={brands} rowKey={(b) => b} />;
}

function CostBlock({ testId, title, lines, focus, month }: { testId: string; title: string; lines: CostLine[]; focus: string | null; month: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? pct(v) : DASH) },
      xAxis: { type: 'category', data: lines.map((l) => l.key), axisLabel: { rotate: lines.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [
        {
          type: 'bar',
          data: lines.map((l) => ({
            value: l.salaryCostRatio,
            itemStyle: { color: (l.salaryCostRatio ?? 0) > COST_LINE ? '#c0392b' : '#3b7dd8' },
          })),
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#c0392b', type: 'dashed' },
            label: { formatter: '30%', position: 'insideEndTop' },
            data: [{ yAxis: COST_LINE }],
          },
        },
      ],
    }),
    [lines],
  );
  const columns: Column<CostLine>[] = [
    { key: 'key', header: t('key'), value: (l) => l.key },
    { key: 'ratio', header: t('ratio'), numFmt: '0.0%', value: (l) => l.salaryCostRatio, render: (l) => pct(l.salaryCostRatio) },
    { key: 'salaryCost', header: t('salaryCost'), numFmt: '#,##0.00', value: (l) => l.salaryCost, render: (l) => yuan(l.salaryCost) },
    { key: 'revenue', header: t('revenue'), numFmt: '#,##0.00', value: (l) => l.revenue, render: (l) => yuan(l.revenue) },
  ];
  return (
    <div className="split">
      <EChart option={option} testId={`${testId}-chart`} />
      <DataTable
        testId={testId}
        title={title}
        fileName={`${testId}-${month}`}
        columns={columns}
        rows={lines}
        rowKey={(l) => l.key ?? ''}
        rowProps={(l) => ({
          'data-key': l.key ?? '',
          'data-value': l.salaryCostRatio == null ? '' : String(l.salaryCostRatio),
          className: [(l.salaryCostRatio ?? 0) > COST_LINE ? 'over' : '', focus === l.key ? 'focus' : ''].join(' ').trim() || undefined,
        })}
      />
    </div>
  );
}

function Turnover({ testId, title, lines, focus, month }: { testId: string; title: string; lines: TurnoverLine[]; focus: string | null; month: string }) {
  const columns: Column<TurnoverLine>[] = [
    { key: 'key', header: t('key'), value: (l) => l.key },
    { key: 'start', header: t('startHeadcount'), value: (l) => l.headcountAtStart },
    { key: 'end', header: t('endHeadcount'), value: (l) => l.headcountAtEnd },
    { key: 'separations', header: t('separations'), value: (l) => l.separations },
    { key: 'turnover', header: t('turnover'), numFmt: '0.0%', value: (l) => l.turnover, render: (l) => pct(l.turnover) },
  ];
  return (
    <DataTable
      testId={testId}
      title={title}
      fileName={`${testId}-${month}`}
      columns={columns}
      rows={lines}
      rowKey={(l) => l.key ?? ''}
      rowProps={(l) => ({
        'data-key': l.key ?? '',
        'data-value': l.turnover == null ? '' : String(l.turnover),
        className: focus === l.key ? 'focus' : undefined,
      })}
    />
  );
}

