/** The small file written when a clerk picks an export folder: proves the folder is writable. */

export const EXPORT_README_NAME = '会文导出说明.txt';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local wall-clock time as the clerk reads it: 2026年11月27日 09:05. */
export function formatLocalDateTime(d: Date): string {
  return `${d.getFullYear()}年${pad(d.getMonth() + 1)}月${pad(d.getDate())}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function exportReadmeText(now: Date, version: string): string {
  return [
    '会文 数据交换文件夹',
    '',
    `本文件由会文（版本 ${version}）于 ${formatLocalDateTime(now)} 写入，`,
    '用于确认会文可以向此文件夹写入文件。',
    '导出的数据和公文 PDF 将保存在此文件夹中。请勿手工修改导出的数据文件。',
    '',
  ].join('\r\n');
}

export function exportReadmeBytes(now: Date, version: string): Uint8Array {
  return new TextEncoder().encode(exportReadmeText(now, version));
}
