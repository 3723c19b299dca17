/** Payload schemas per bridge method, checked in main (and by the browser bridge) before any handler runs. */
import { z } from 'zod';
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
  .array(z.object({ name: shortText, extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(20) }).strict())
  .max(10);

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
} as const satisfies { readonly [K in IpcMethod]: z.ZodType<Parameters<HuiwenHandlers[K]>> };

