/** Payload schemas per bridge method, checked in main (and by the browser bridge) before any handler runs. */
import { z } from 'zod';
import { POLICY_LIMITS } from './backup-rotation';
import type { HuiwenHandlers, IpcMethod } from './contract';

const MAX_FILE_BYTES = 200 * 1024 * 1024;
const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件超过 200 MiB');
const shortText = z.string().min(1).max(200);
const relativePath = z
  .string()
  .min(1)
  .max(240)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !/^[a-zA-Z]:/.test(p) &&
      !p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') &&
      // eslint-disable-next-line no-control-regex
      !/[\u0000-\u001f<>:"|?*]/.test(p),
    '文件路径不合法',
  );
const filters = z
  .array(
    z
      .object({ name: shortText, extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(20) })
      .strict(),
  )
  .max(10);

/** Backup ids are file names main chose itself (see electron/main/backup/backup-store.ts). */
export const BACKUP_ID_PATTERN = /^huiwen-\d{8}-\d{9}-[a-z-]{1,20}(?:-\d{1,3})?\.hwbak$/;
const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** Argument tuples per method, checked in main before any handler runs. */
export const ipcArgSchemas = {
  appInfo: z.tuple([]),
  chooseFolder: z.tuple([shortText]),
  writeFilesAtomic: z.tuple([
    z.string().uuid(),
    z.array(z.object({ relativePath, bytes }).strict()).min(1).max(10_000),
  ]),
  saveFile: z.tuple([
    z
      .string()
      .min(1)
      .max(200)
      // eslint-disable-next-line no-control-regex
      .refine((n) => !/[\\/\u0000-\u001f<>:"|?*]/.test(n), '文件名不合法'),
    bytes,
    filters,
  ]),
  openFile: z.tuple([shortText, filters]),
  listRemovableDrives: z.tuple([]),
  backupStatus: z.tuple([]),
  listBackups: z.tuple([]),
  writeBackup: z.tuple([
    z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_BYTES, '备份超过 2 GiB'),
  ]),
  readBackup: z.tuple([z.string().regex(BACKUP_ID_PATTERN, '备份编号不合法')]),
  setBackupPolicy: z.tuple([
    z
      .object({
        daily: z.number().int().min(POLICY_LIMITS.daily.min).max(POLICY_LIMITS.daily.max),
        weekly: z.number().int().min(POLICY_LIMITS.weekly.min).max(POLICY_LIMITS.weekly.max),
      })
      .strict(),
  ]),
  beginExport: z.tuple([z.string().uuid(), relativePath, z.number().int().min(0).max(MAX_BACKUP_BYTES)]),
  writeExportChunk: z.tuple([
    z.string().uuid(),
    z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_CHUNK_BYTES, '数据块过大'),
  ]),
  finishExport: z.tuple([z.string().uuid(), hex64]),
  abortExport: z.tuple([z.string().uuid()]),
  recordAuditHead: z.tuple([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), hex64]),
  recordedAuditHead: z.tuple([]),
  systemFonts: z.tuple([]),
  printPdf: z.tuple([
    z
      .instanceof(Uint8Array)
      .refine(
        (b) => b.byteLength >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-',
        '不是 PDF 文件',
      )
      .refine((b) => b.byteLength <= MAX_FILE_BYTES, '文件超过 200 MiB'),
    z.object({ duplex: z.enum(['simplex', 'long-edge', 'short-edge']), jobName: shortText }).strict(),
  ]),
  readGrantedFile: z.tuple([z.string().uuid(), relativePath]),
} as const satisfies { readonly [K in IpcMethod]: z.ZodType<Parameters<HuiwenHandlers[K]>> };
