import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap, type Schemas } from '../api/client';
import { t } from '../i18n';
import { DASH, localTime, num, pct, yuan } from '../format';
import { has, useMe } from '../session';
import { Async } from '../components/Problem';
import { DataTable, type Column } from '../components/DataTable';
import { CaseTable } from './CaseTable';

type ReportRow = Schemas['Domain.Reports.DailyReportRow'];
type PostAverage = Schemas['Domain.Reports.PostAverage'];
type CalendarRow = Schemas['Domain.Reports.CalendarRow'];

export function DepartmentView() {
  const me = useMe();
  const isHead = has(me, 'manager') && !has(me, 'hr', 'admin');
  const [picked, setPicked] = useState({ department: '', brand: '' });
  const [draft, setDraft] = useState(picked);
  const department = isHead ? (me.department ?? '') : picked.department;
  const brand = isHead ? me.brands[0] : picked.brand || undefined;

  const apply = () => setPicked({ department: draft.department.trim(), brand: draft.brand.trim() });
  // Typing settles into a choice after a pause; Enter applies it at once.
  useEffect(() => {
    const timer = setTimeout(apply, 500);
    return () => clearTimeout(timer);
  }, [draft.department, draft.brand]);

  function show(e: FormEvent) {
    e.preventDefault();
    apply();
  }

  return (
    <div className="stack">
      <div className="toolbar">
        <h1>
          {t('departmentView')} {department && <span className="muted">· {department}</span>}
        </h1>
        {!isHead && (
          <form className="inline-form" onSubmit={show}>
            <label className="inline">
              {t('department')}
              <input data-testid="department-input" value={draft.department} onChange={(e) => setDraft({ ...draft, department: e.target.value })} />
            </label>
            <label className="inline">
              {t('brand')}
              <input data-testid="brand-input" value={draft.brand} onChange={(e) => setDraft({ ...draft, brand: e.target.value })} />
            </label>
            <button type="submit" data-testid="department-show">
              {t('show')}
            </button>
          </form>
        )}
      </div>
      {department ? (
        <>
          <DailyReport department={department} brand={brand} />
          <Calendar department={department} brand={brand} />
          <DepartmentCases department={department} />
        </>
      ) : (
        <p className="muted">{t('pickDepartment')}</p>
      )}
      <Notifications />
    </div>
  );
}

function allMet(row: ReportRow): boolean | null {
  const results = Object.values(row.attainment ?? {}).map((a) => a.met);
  if (!row.tallied || results.length === 0 || results.some((m) => m == null)) return null;
  return results.every(Boolean);
}

function DailyReport({ department, brand }: { department: string; brand?: string }) {
  const report = useQuery({
    queryKey: ['report-daily', department, brand ?? ''],
    queryFn: () => unwrap(api.GET('/api/reports/daily', { params: { query: { department, brand } } })),
  });
  return (
    <Async query={report}>
      {(r) => {
        const ratio = (v: number | null | undefined) => (r.salaryWithheld ? null : (v ?? null));
        const metText = (row: ReportRow) => {
          const met = allMet(row);
          return met == null ? DASH : met ? `✓ ${t('met')}` : `✗ ${t('notMet')}`;
        };
        const columns: Column<ReportRow>[] = [
          {
            key: 'name',
            header: t('name'),
            value: (row) => row.name,
            render: (row) => (
              <>
                {row.overCostThreshold && (
                  <span className="warn" role="img" title={t('overThreshold')} aria-label={t('overThreshold')}>
                    ⚠{' '}
                  </span>
                )}
                <Link href={`/employees/${encodeURIComponent(row.employeeId ?? '')}`}>{row.name}</Link>
              </>
            ),
          },
          { key: 'post', header: t('post'), value: (row) => row.postId },
          { key: 'orders', header: t('orders'), value: (row) => row.orders, render: (row) => num(row.orders) },
          { key: 'conversion', header: t('conversion'), numFmt: '0.0%', value: (row) => row.conversionRate, render: (row) => pct(row.conversionRate) },
          { key: 'aov', header: t('aov'), numFmt: '#,##0.00', value: (row) => row.averageOrderValue, render: (row) => yuan(row.averageOrderValue) },
          { key: 'ratio', header: t('ratio'), numFmt: '0.0%', value: (row) => ratio(row.salaryCostRatio), render: (row) => pct(ratio(row.salaryCostRatio)) },
          {
            key: 'met',
            header: t('attainment'),
            value: metText,
            cell: (row) => ({ className: allMet(row) === false ? 'miss' : allMet(row) ? 'met' : undefined }),
          },
        ];
        const averages: Column<PostAverage>[] = [
          { key: 'post', header: t('post'), value: (a) => a.postId },
          { key: 'employees', header: t('employees'), value: (a) => a.employees },
          { key: 'orders', header: t('orders'), value: (a) => a.orders, render: (a) => num(a.orders) },
          { key: 'conversion', header: t('conversion'), numFmt: '0.0%', value: (a) => a.conversionRate, render: (a) => pct(a.conversionRate) },
          { key: 'aov', header: t('aov'), numFmt: '#,##0.00', value: (a) => a.averageOrderValue, render: (a) => yuan(a.averageOrderValue) },
          { key: 'ratio', header: t('ratio'), numFmt: '0.0%', value: (a) => ratio(a.salaryCostRatio), render: (a) => pct(ratio(a.salaryCostRatio)) },
        ];
        return (
          <section className="stack">
            <p className="facts">
              <span>
                {t('reportDate')}: <strong data-testid="report-date">{r.date}</strong>
              </span>
              <span>
                {t('threshold')}: <strong data-testid="report-threshold">{pct(r.costThreshold)}</strong>
              </span>
              {r.salaryWithheld && <span className="muted">{t('salaryWithheld')}</span>}
              <span className="muted small">{localTime(r.generatedAt)}</span>
            </p>
            <DataTable
              testId="report"
              title={`${t('reportTitle')} ${r.date}`}
              fileName={`report-${department}-${r.date}`}
              columns={columns}
              rows={r.rows ?? []}
              rowKey={(row) => row.employeeId ?? ''}
              rowProps={(row) => ({
                'data-testid': `report-row-${row.employeeId}`,
                'data-over-threshold': String(!!row.overCostThreshold),
                className: row.overCostThreshold ? 'over' : undefined,
              })}
            />
            <DataTable
              testId="report-averages"
              title={t('postAverages')}
              fileName={`report-averages-${department}-${r.date}`}
              columns={averages}
              rows={r.postAverages ?? []}
              rowKey={(a) => a.postId ?? ''}
            />
          </section>
        );
      }}
    </Async>
  );
}

function Calendar({ department, brand }: { department: string; brand?: string }) {
  const calendar = useQuery({
    queryKey: ['report-calendar', department, brand ?? ''],
    queryFn: () => unwrap(api.GET('/api/reports/calendar', { params: { query: { department, brand, days: 21 } } })),
  });
  return (
    <Async query={calendar}>
      {(c) => {
        const employees = c.employees ?? [];
        const dates = [...new Set(employees.flatMap((e) => (e.days ?? []).map((d) => d.date ?? '')))].sort();
        const dayOf = (e: CalendarRow, date: string) => e.days?.find((d) => d.date === date);
        const columns: Column<CalendarRow>[] = [
          { key: 'name', header: t('name'), value: (e) => e.name, render: (e) => <Link href={`/employees/${encodeURIComponent(e.employeeId ?? '')}`}>{e.name}</Link> },
          ...dates.map(
            (date): Column<CalendarRow> => ({
              key: date,
              header: date.slice(8, 10),
              headerTitle: date,
              sheetHeader: date,
              numFmt: '0%',
              value: (e) => {
                const d = dayOf(e, date);
                return d?.tallied ? d.attainment : null;
              },
              render: (e) => {
                const d = dayOf(e, date);
                return d?.tallied && d.attainment != null ? `${Math.round(d.attainment * 100)}%` : '';
              },
              cell: (e) => {
                const d = dayOf(e, date);
                const tallied = !!d?.tallied && d.attainment != null;
                return {
                  'data-testid': `cal-${e.employeeId}-${date}`,
                  'data-value': tallied ? String(d!.attainment) : '',
                  'data-low-run': String(!!d?.inLowRun),
                  // Colour is not the only sign: the title (and a screen reader) says met or not, and the low run.
                  title: [date, tallied ? t(d!.met ? 'met' : 'notMet') : '', d?.inLowRun ? t('lowRun') : ''].filter(Boolean).join(' · '),
                  className: ['cal', tallied ? (d!.met ? 'met' : 'miss') : 'blank', d?.inLowRun ? 'low-run' : ''].join(' ').trim(),
                };
              },
            }),
          ),
        ];
        return (
          <DataTable
            testId="calendar"
            title={t('calendarTitle')}
            fileName={`calendar-${department}-${c.to}`}
            note={<p className="muted small">{t('lowRunLegend', { n: c.lowRunDays ?? 3 })} · {c.from} – {c.to}</p>}
            columns={columns}
            rows={employees}
            rowKey={(e) => e.employeeId ?? ''}
          />
        );
      }}
    </Async>
  );
}

function DepartmentCases({ department }: { department: string }) {
  const cases = useQuery({
    queryKey: ['cases', { status: 'open', department }],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { status: 'open', department } } })),
  });
  return <Async query={cases}>{(list) => <CaseTable testId="my-cases" title={t('myCases')} cases={list} />}</Async>;
}

/** The newest first (as the API gives them), ten at a time: a phone shows the day's news, not the month's. */
const NotificationsShown = 10;

function Notifications() {
  const me = useMe();
  const [all, setAll] = useState(false);
  // Mine: HR sees every notification unless it names a recipient, so the page always names the reader.
  const notifications = useQuery({
    queryKey: ['notifications', me.userId],
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { recipient: me.userId } } })),
  });
  return (
    <section className="card">
      <h2>{t('notifications')}</h2>
      <Async query={notifications}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <>
              <ul className="notifications" data-testid="notifications">
                {(all ? list : list.slice(0, NotificationsShown)).map((n) => {
                  const body = (
                    <>
                      <span className="muted">{n.businessDate ?? localTime(n.createdAt)}</span> <span className="tag">{n.kind}</span> {n.message}
                    </>
                  );
                  return (
                    <li key={n.id} data-testid="notification" data-case-id={n.caseId ?? undefined}>
                      {n.caseId ? <Link href={`/cases/${encodeURIComponent(n.caseId)}`}>{body}</Link> : body}
                    </li>
                  );
                })}
              </ul>
              {!all && list.length > NotificationsShown && (
                <button type="button" className="secondary small" data-testid="notifications-more" onClick={() => setAll(true)}>
                  {t('showAll', { n: list.length })}
                </button>
              )}
            </>
          )
        }
      </Async>
    </section>
  );
}
