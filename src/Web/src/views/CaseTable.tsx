import { Link } from 'wouter';
import type { Schemas } from '../api/client';
import { label, t } from '../i18n';
import { caseStatuses } from '../labels';
import { DASH } from '../format';
import { DataTable, type Column } from '../components/DataTable';

type CaseSummary = Schemas['Api.Cases.Queries.CaseSummary'];

/** Cases as a list: each row opens the case; the employee opens their page. */
export function CaseTable({ testId, title, cases }: { testId: string; title: string; cases: CaseSummary[] }) {
  const columns: Column<CaseSummary>[] = [
    {
      key: 'case',
      header: t('caseId'),
      value: (c) => c.caseId,
      render: (c) => <Link href={`/cases/${encodeURIComponent(c.caseId ?? '')}`}>{c.caseId}</Link>,
    },
    {
      key: 'employee',
      header: t('employee'),
      value: (c) => c.employeeId,
      render: (c) => <Link href={`/employees/${encodeURIComponent(c.employeeId ?? '')}`}>{c.employeeId}</Link>,
    },
    { key: 'status', header: t('status'), value: (c) => label(caseStatuses, c.status), cell: (c) => ({ 'data-status': c.status ?? '' }) },
    { key: 'opened', header: t('openedOn'), value: (c) => c.openedOn },
    { key: 'due', header: t('nextDue'), value: (c) => c.nextDueDate ?? null, render: (c) => c.nextDueDate ?? DASH },
  ];
  return (
    <DataTable
      testId={testId}
      title={title}
      columns={columns}
      rows={cases}
      rowKey={(c) => c.caseId ?? ''}
      rowProps={(c) => ({ 'data-testid': `case-row-${c.caseId}` })}
    />
  );
}

