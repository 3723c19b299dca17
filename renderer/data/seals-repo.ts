/**
 * The seal registry (印章登记) and the seal-use log (用印登记). An office registers its seal as a PNG with
 * transparency (administrator only); a seal goes on a document only after the document is signed, and every
 * placement is logged with who, when, which document and how many copies (art. 54 规范印章使用, read with the
 * signing rules of art. 47 for minutes and art. 52 for documents). Every write is one audited transaction.
 */
import type { Seal } from '../../shared/pdf/model';
import { auditedWrite } from './audited';
import type { HuiwenDb, LooseRow } from './db';
import { StoreError } from './errors';
import { readOfficeName, readSampleInfo } from './meta';
import { currentOperator, requireAdmin } from './operator';

/** The largest seal image accepted: a 42 mm seal at 600 dpi is about 1000 px square, far below this. */
export const MAX_SEAL_PNG_BYTES = 2 * 1024 * 1024;

export interface SealRecord {
  readonly id: string;
  readonly name: string;
  readonly unitId: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** ISO timestamp. */
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly retiredAt?: string;
  readonly retiredBy?: string;
}

export interface SealUse {
  readonly id: string;
  readonly sealId: string;
  readonly sealName: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly copies: number;
  /** ISO timestamp (the `usedOn` index). */
  readonly usedOn: string;
  readonly operatorId: string;
  readonly operatorName: string;
}

export interface RegisterSealInput {
  readonly name: string;
  readonly unitId: string;
  readonly png: Uint8Array;
}

export interface RecordSealUseInput {
  readonly sealId: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly copies: number;
  /**
   * Whether the document is signed (签发), as the caller computes it from the domain rules (minutes: art. 47;
   * documents: art. 52). The registry refuses the seal otherwise (art. 54).
   */
  readonly signed: boolean;
}

export interface SealsRepository {
  /** Registered seals, active first, then by registration time; `includeRetired` adds retired ones. */
  listSeals(options?: { readonly includeRetired?: boolean }): Promise<SealRecord[]>;
  getSeal(id: string): Promise<SealRecord | undefined>;
  registerSeal(input: RegisterSealInput): Promise<SealRecord>;
  retireSeal(id: string): Promise<SealRecord>;
  recordSealUse(input: RecordSealUseInput): Promise<SealUse>;
  /** The seal-use log, newest first; optionally one document's. */
  listSealUses(documentId?: string): Promise<SealUse[]>;
  /**
   * The seal to print for the office: the newest active registered seal of `unitId` (any unit when not
   * given); for the sample office without one, the generated vector seal marked 示例.
   */
  sealForPrint(unitId?: string): Promise<{ readonly seal: Seal; readonly record?: SealRecord } | undefined>;
}

/** Shown wherever the generated sample seal appears. */
export const SAMPLE_SEAL_NOTICE = '示例印章，仅用于演示';

export type PngCheck =
  | { readonly ok: true; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * A seal must be a PNG (signature bytes), at most 2 MB, and carry transparency: colour type 4 or 6 (alpha
 * channel) or a tRNS chunk; otherwise the white box around the seal would cover the signature and date.
 */
export function checkSealPng(png: Uint8Array): PngCheck {
  if (png.byteLength > MAX_SEAL_PNG_BYTES) {
    return { ok: false, message: '印章图片超过 2 MB，请压缩后再登记（约 1000×1000 像素已足够清晰）。' };
  }
  if (png.byteLength < 33 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) {
    return { ok: false, message: '所选文件不是 PNG 图片。请提供透明背景的 PNG 格式印章图片。' };
  }
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdr = String.fromCharCode(...png.subarray(12, 16));
  if (ihdr !== 'IHDR') return { ok: false, message: 'PNG 图片已损坏（缺少文件头），请重新导出印章图片。' };
  const width = dv.getUint32(16);
  const height = dv.getUint32(20);
  if (width === 0 || height === 0) return { ok: false, message: 'PNG 图片尺寸为零，请重新导出印章图片。' };
  const colourType = png[25];
  let alpha = colourType === 4 || colourType === 6;
  // Walk the chunks for tRNS (palette or single-colour transparency), stopping at the image data.
  for (let at = 8; !alpha && at + 8 <= png.byteLength;) {
    const length = dv.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'tRNS') alpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + length;
  }
  if (!alpha) {
    return {
      ok: false,
      message: '印章图片没有透明背景，盖在文字上会遮住署名和日期。请导出带透明通道的 PNG 后再登记。',
    };
  }
  return { ok: true, width, height };
}

function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(0);
}

function sealFromRow(row: LooseRow): SealRecord {
  const str = (k: string): string => (typeof row[k] === 'string' ? (row[k] as string) : '');
  const num = (k: string): number => (typeof row[k] === 'number' ? (row[k] as number) : 0);
  return {
    id: row.id,
    name: str('name'),
    unitId: str('unitId'),
    png: toBytes(row['png']),
    width: num('width'),
    height: num('height'),
    registeredAt: str('registeredAt'),
    registeredBy: str('registeredBy'),
    ...(typeof row['retiredAt'] === 'string' ? { retiredAt: row['retiredAt'] } : {}),
    ...(typeof row['retiredBy'] === 'string' ? { retiredBy: row['retiredBy'] } : {}),
  };
}

function useFromRow(row: LooseRow): SealUse {
  return row as unknown as SealUse;
}

function newId(prefix: string, now: Date): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${now.getTime().toString(36)}-${rand}`;
}

export function sealsRepository(db: HuiwenDb, now: () => Date = () => new Date()): SealsRepository {
  const listSeals: SealsRepository['listSeals'] = async (options) => {
    const rows = (await db.seals.toArray()).map(sealFromRow);
    return rows
      .filter((s) => options?.includeRetired === true || s.retiredAt === undefined)
      .sort((a, b) =>
        (a.retiredAt === undefined) !== (b.retiredAt === undefined)
          ? a.retiredAt === undefined
            ? -1
            : 1
          : a.registeredAt.localeCompare(b.registeredAt),
      );
  };

  return {
    listSeals,

    async getSeal(id) {
      const row = await db.seals.get(id);
      return row ? sealFromRow(row) : undefined;
    },

    async registerSeal(input) {
      const op = requireAdmin('登记印章');
      const name = input.name.trim();
      const issues = [
        ...(name === '' ? [{ path: ['name'], message: '请填写印章名称，如“示例区人民政府办公室”。' }] : []),
        ...(input.unitId.trim() === '' ? [{ path: ['unitId'], message: '请选择印章所属单位。' }] : []),
      ];
      const png = checkSealPng(input.png);
      if (!png.ok) issues.push({ path: ['png'], message: png.message });
      if (issues.length > 0 || !png.ok) {
        throw new StoreError('invalid', issues.map((i) => i.message).join(' '), issues);
      }
      const at = now();
      const record: SealRecord = {
        id: newId('seal', at),
        name,
        unitId: input.unitId.trim(),
        // A copy: the caller's buffer may be transferred or reused.
        png: input.png.slice(),
        width: png.width,
        height: png.height,
        registeredAt: at.toISOString(),
        registeredBy: op.name,
      };
      await auditedWrite(db, [db.seals], { context: `登记印章“${name}”`, now }, async (log) => {
        await db.seals.add(record as unknown as LooseRow);
        log.record('create', 'seals', record.id, undefined, {
          ...record,
          png: `${record.png.byteLength} bytes`,
        });
      });
      return record;
    },

    async retireSeal(id) {
      const op = requireAdmin('停用印章');
      return auditedWrite(db, [db.seals], { context: '停用印章', now }, async (log) => {
        const row = await db.seals.get(id);
        if (!row) throw new StoreError('not-found', '找不到该印章，可能已被删除。请刷新后再试。');
        const before = sealFromRow(row);
        if (before.retiredAt !== undefined) return before;
        const after: SealRecord = { ...before, retiredAt: now().toISOString(), retiredBy: op.name };
        await db.seals.put(after as unknown as LooseRow);
        const digestable = (s: SealRecord) => ({ ...s, png: `${s.png.byteLength} bytes` });
        log.record('update', 'seals', id, digestable(before), digestable(after));
        return after;
      });
    },

    async recordSealUse(input) {
      if (!input.signed) {
        throw new StoreError(
          'invalid',
          '文件尚未签发，不能用印。印章只能在领导签发后使用（第五十四条；签发见第四十七条、第五十二条）。',
        );
      }
      if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > 9999) {
        throw new StoreError('invalid', '用印份数应为 1 至 9999 之间的整数。', [
          { path: ['copies'], message: '用印份数应为 1 至 9999 之间的整数。' },
        ]);
      }
      const op = currentOperator();
      return auditedWrite(
        db,
        [db.seals, db.sealUses],
        { context: `用印：${input.documentTitle}（${input.copies} 份）`, now },
        async (log) => {
          const row = await db.seals.get(input.sealId);
          if (!row) throw new StoreError('not-found', '找不到所选印章。请在“设置 → 印章”中确认印章已登记。');
          const seal = sealFromRow(row);
          if (seal.retiredAt !== undefined) {
            throw new StoreError('invalid', `印章“${seal.name}”已停用，不能再使用。请选择在用的印章。`);
          }
          const at = now();
          const use: SealUse = {
            id: newId('sealuse', at),
            sealId: seal.id,
            sealName: seal.name,
            documentId: input.documentId,
            documentTitle: input.documentTitle,
            copies: input.copies,
            usedOn: at.toISOString(),
            operatorId: op.id,
            operatorName: op.name,
          };
          await db.sealUses.add(use as unknown as LooseRow);
          log.record('create', 'sealUses', use.id, undefined, use);
          return use;
        },
      );
    },

    async listSealUses(documentId) {
      const rows =
        documentId === undefined
          ? await db.sealUses.toArray()
          : await db.sealUses.where('documentId').equals(documentId).toArray();
      return rows.map(useFromRow).sort((a, b) => b.usedOn.localeCompare(a.usedOn));
    },

    async sealForPrint(unitId) {
      const active = await listSeals();
      const own = active.filter((s) => unitId === undefined || s.unitId === unitId);
      const record = own[own.length - 1];
      if (record) return { seal: { kind: 'png', bytes: record.png }, record };
      if ((await readSampleInfo(db)) !== undefined) {
        const organ = (await readOfficeName(db)) ?? '示例区人民政府办公室';
        return { seal: { kind: 'sample', organ } };
      }
      return undefined;
    },
  };
}
