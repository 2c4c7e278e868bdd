import { saveBlob } from '../api/client';

export type SheetCell = string | number | null | undefined;

export interface SheetColumn {
  header: string;
  /** Excel number format of the column, e.g. '0.0%' */
  numFmt?: string;
}

// Excel refuses these in a sheet name and cuts it at 31 characters.
function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

/** Writes the rows as a one-sheet workbook and downloads it. exceljs is loaded only when a user exports. */
export async function exportXlsx(title: string, fileName: string, columns: SheetColumn[], rows: SheetCell[][]) {
  const excel = await import('exceljs');
  const Workbook = excel.Workbook ?? (excel as unknown as { default: typeof excel }).default.Workbook;
  const book = new Workbook();
  const sheet = book.addWorksheet(sheetName(title));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v == null ? null : v)));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, c.header.length + 4));
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  const bytes = await book.xlsx.writeBuffer();
  saveBlob(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`);
}
