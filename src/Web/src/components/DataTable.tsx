import { useState, type HTMLAttributes, type ReactNode, type TdHTMLAttributes } from 'react';
import { t } from '../i18n';
import { exportXlsx, type SheetCell } from './xlsx';

type DataAttributes = { [name: `data-${string}`]: string | undefined };
export type RowProps = HTMLAttributes<HTMLTableRowElement> & DataAttributes;
export type CellProps = TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** the column's heading in the sheet, when the page's is not plain text or is abbreviated */
  sheetHeader?: string;
  headerTitle?: string;
  /** what the sheet gets: numbers stay numbers, dates are text */
  value: (row: T) => SheetCell;
  /** what the page shows (default: the value as text) */
  render?: (row: T) => ReactNode;
  numFmt?: string;
  cell?: (row: T) => CellProps;
}

interface Props<T> {
  testId: string;
  title: string;
  /** the download's name, without .xlsx (default: the test id) */
  fileName?: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => RowProps;
  note?: ReactNode;
}

/** Every table of the dashboard: a titled box that scrolls sideways on a phone and exports what it shows. */
export function DataTable<T>({ testId, title, fileName, columns, rows, rowKey, rowProps, note }: Props<T>) {
  const [exporting, setExporting] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const sheetHeader = (c: Column<T>) => c.sheetHeader ?? (typeof c.header === 'string' ? c.header : c.key);

  async function onExport() {
    setExporting(true);
    setFailed(null);
    try {
      await exportXlsx(
        title,
        fileName ?? testId,
        columns.map((c) => ({ header: sheetHeader(c), numFmt: c.numFmt })),
        rows.map((r) => columns.map((c) => c.value(r))),
      );
    } catch (e) {
      // The library loads on the first export: a page left open over a new release may no longer find it.
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="table-box" data-testid={`${testId}-box`}>
      <div className="table-head">
        <h3>{title}</h3>
        <button type="button" className="secondary small" data-testid="export-xlsx" onClick={onExport} disabled={exporting}>
          {t('exportXlsx')}
        </button>
      </div>
      {failed && (
        <p className="problem" role="alert" data-testid="export-failed">
          {t('exportFailed')} {failed}
        </p>
      )}
      {note}
      <div className="table-scroll">
        <table data-testid={testId}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" title={c.headerTitle}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)} {...rowProps?.(r)}>
                {columns.map((c) => (
                  <td key={c.key} {...c.cell?.(r)}>
                    {c.render ? c.render(r) : (c.value(r) ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted empty">{t('none')}</p>}
      </div>
    </div>
  );
}
