import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { HuiwenBridge } from '../../shared/ipc';
import { exportXlsx, safeSheetName, sheetData, xlsxBytes, type XlsxColumn } from './xlsx';

interface Row {
  readonly title: string;
  readonly copies: number;
  readonly closed: boolean;
  readonly note?: string;
}

const columns: readonly XlsxColumn<Row>[] = [
  { header: '标题', value: (r) => r.title, width: 40 },
  { header: '份数', value: (r) => r.copies },
  { header: '已办结', value: (r) => r.closed },
  { header: '备注', value: (r) => r.note },
];
const rows: readonly Row[] = [
  { title: '关于做好冬季供暖工作的通知', copies: 3, closed: true },
  { title: '关于<特殊>&"字符"的请示', copies: 1, closed: false, note: '待会签' },
];

type SaveFile = HuiwenBridge['saveFile'];

describe('sheetData', () => {
  it('puts a bold header first, then one row per record in column order', () => {
    const data = sheetData(columns, rows);
    expect(data).toHaveLength(3);
    expect(data[0]?.[0]).toMatchObject({ value: '标题', fontWeight: 'bold' });
    expect(data[1]).toEqual([
      { value: '关于做好冬季供暖工作的通知', type: String },
      { value: 3, type: Number },
      { value: '是', type: String },
      null,
    ]);
    expect(data[2]?.[3]).toEqual({ value: '待会签', type: String });
  });
});

describe('safeSheetName', () => {
  it('replaces characters Excel forbids and keeps 31 characters at most', () => {
    expect(safeSheetName('收文/发文[2026]')).toBe('收文_发文_2026_');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('  ')).toBe('Sheet1');
  });
});

describe('xlsxBytes', () => {
  it('writes a real workbook whose sheet holds every value, escaped', async () => {
    const bytes = await xlsxBytes({ sheetName: '发文登记簿', columns, rows });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain('xl/workbook.xml');
    expect(strFromU8(files['xl/workbook.xml'] as Uint8Array)).toContain('name="发文登记簿"');
    const xml = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, b]) => strFromU8(b))
      .join('\n');
    expect(xml).toContain('关于做好冬季供暖工作的通知');
    expect(xml).toContain('关于&lt;特殊&gt;&amp;');
    expect(xml).toContain('待会签');
  });
});

describe('exportXlsx', () => {
  it('offers an .xlsx file through the save dialog and reports where it went', async () => {
    const calls: Parameters<SaveFile>[] = [];
    const saveFile: SaveFile = (...args) => {
      calls.push(args);
      return Promise.resolve({ ok: true, value: { saved: true, displayPath: 'D:\\导出\\登记簿.xlsx' } });
    };
    const outcome = await exportXlsx(
      { saveFile },
      { fileName: '登记簿', sheetName: '登记簿', columns, rows },
    );
    expect(outcome).toEqual({ saved: true, displayPath: 'D:\\导出\\登记簿.xlsx' });
    expect(calls[0]?.[0]).toBe('登记簿.xlsx');
    expect(calls[0]?.[2]).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    expect(unzipSync(calls[0]?.[1] as Uint8Array)['xl/workbook.xml']).toBeDefined();
  });

  it('says "cancelled" when the clerk closes the dialog, and throws the bridge error in Chinese', async () => {
    const cancelled: SaveFile = () => Promise.resolve({ ok: true, value: { saved: false } });
    await expect(
      exportXlsx({ saveFile: cancelled }, { fileName: 'a.xlsx', sheetName: 'a', columns, rows }),
    ).resolves.toEqual({
      saved: false,
    });
    const failing: SaveFile = () =>
      Promise.resolve({ ok: false, error: { code: 'io-failed', message: '磁盘已满' } });
    await expect(
      exportXlsx({ saveFile: failing }, { fileName: 'a', sheetName: 'a', columns, rows }),
    ).rejects.toThrow('导出 Excel 失败：磁盘已满');
  });
});
