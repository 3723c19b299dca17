/**
 * "导出 Excel" for any table: the filtered rows as they are shown, one sheet, a bold header row. Built on the
 * maintained `write-excel-file` (MIT, only dependency fflate) rather than a hand-written SpreadsheetML writer.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { HuiwenBridge } from '../../shared/ipc';

export type XlsxValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn<Row> {
  readonly header: string;
  /** Width in characters; CJK text needs about two per character. */
  readonly width?: number;
  readonly value: (row: Row) => XlsxValue;
}

export interface XlsxExport<Row> {
  /** Suggested file name; ".xlsx" is added when missing. */
  readonly fileName: string;
  readonly sheetName: string;
  readonly columns: readonly XlsxColumn<Row>[];
  readonly rows: readonly Row[];
}

// Excel refuses these in sheet names and caps them at 31 characters.
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

export function safeSheetName(name: string): string {
  const cleaned = name.replace(SHEET_NAME_FORBIDDEN, '_').trim().slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function cellOf(value: XlsxValue): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return { value, type: Date, format: 'yyyy-mm-dd hh:mm' };
  if (typeof value === 'number') return { value, type: Number };
  if (typeof value === 'boolean') return { value: value ? '是' : '否', type: String };
  return { value, type: String };
}

/** The sheet as data: pure, so tests check what lands in each cell without unzipping. */
export function sheetData<Row>(columns: readonly XlsxColumn<Row>[], rows: readonly Row[]): SheetData {
  const header = columns.map((c): Cell => ({ value: c.header, type: String, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => cellOf(c.value(row))))];
}

export async function xlsxBytes<Row>(spec: Omit<XlsxExport<Row>, 'fileName'>): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheetData(spec.columns, spec.rows), {
    sheet: safeSheetName(spec.sheetName),
    columns: spec.columns.map((c) => ({ width: c.width ?? Math.max(8, c.header.length * 2 + 2) })),
    stickyRowsCount: 1,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export type XlsxOutcome = { readonly saved: true; readonly displayPath?: string } | { readonly saved: false };

/** Builds the workbook and offers it through the save dialog; throws with a Chinese message on failure. */
export async function exportXlsx<Row>(
  bridge: Pick<HuiwenBridge, 'saveFile'>,
  spec: XlsxExport<Row>,
): Promise<XlsxOutcome> {
  const bytes = await xlsxBytes(spec);
  const fileName = spec.fileName.toLowerCase().endsWith('.xlsx') ? spec.fileName : `${spec.fileName}.xlsx`;
  const result = await bridge.saveFile(fileName, bytes, [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
  if (!result.ok) throw new Error(`导出 Excel 失败：${result.error.message}`);
  return result.value.saved
    ? {
        saved: true,
        ...(result.value.displayPath === undefined ? {} : { displayPath: result.value.displayPath }),
      }
    : { saved: false };
}
