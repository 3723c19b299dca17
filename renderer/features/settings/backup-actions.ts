/**
 * The backup and restore steps the settings page and the recovery screen share, over the bridge and the
 * store. Each returns a value with a Chinese message instead of throwing, so the pages only show it.
 */
import { shanghaiTimestamp, type AuditHead } from '../../../shared/audit';
import type { BackupKind, ExportReport, HuiwenBridge } from '../../../shared/ipc';
import { DB_NAME, type HuiwenDb } from '../../data';
import {
  exportStore,
  inspectAnyBackup,
  rebuildFromBackup,
  restoreWithSafetyCopy,
  salvageStore,
  type BackupSummary,
} from '../../data/backup';
import { headToRecord } from '../../data/backup-head';
import { RESTORE_MARKER_KEY } from '../../data/backup-startup';
import type { BridgeKind } from '../../platform';
import { exportInChunks, usbFileName } from './usb-export';

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const failed = (message: string): Outcome<never> => ({ ok: false, message });
const errorText = (e: unknown): string =>
  e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '操作没有完成，数据未改动。请重试。';

export const BACKUP_FILTERS = [{ name: '会文备份', extensions: ['hwbak'] }] as const;

/** The app version written into backups. */
export async function appVersionOf(bridge: HuiwenBridge): Promise<string> {
  const info = await bridge.appInfo();
  return info.ok && info.value.version.length > 0 ? info.value.version.slice(0, 64) : '未知版本';
}

/** Where a safety copy goes: main's backups folder; in the browser, a download the clerk keeps. */
export async function saveSafetyCopy(
  bridge: HuiwenBridge,
  kind: BridgeKind,
  bytes: Uint8Array,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (kind === 'browser') {
    const name = usbFileName(shanghaiTimestamp(new Date()), '会文恢复前备份');
    const r = await bridge.saveFile(name, bytes, BACKUP_FILTERS);
    if (!r.ok) return { ok: false, message: r.error.message };
    return r.value.saved ? { ok: true } : { ok: false, message: '没有保存当前数据的备份（已取消）。' };
  }
  const r = await bridge.writeBackup(bytes);
  return r.ok ? { ok: true } : { ok: false, message: r.error.message };
}

/** A backup of the current store into main's backups folder. */
export async function backupNow(
  bridge: HuiwenBridge,
  db: HuiwenDb,
  kind: BackupKind = 'manual',
): Promise<Outcome<string>> {
  try {
    const bytes = await exportStore(db, { kind, appVersion: await appVersionOf(bridge) });
    const r = await bridge.writeBackup(bytes);
    return r.ok ? { ok: true, value: r.value.id } : failed(r.error.message);
  } catch (e) {
    return failed(errorText(e));
  }
}

/** Writes `bytes` into a folder the clerk picks (USB stick), with progress. null value = cancelled. */
export async function saveToChosenFolder(
  bridge: HuiwenBridge,
  bytes: Uint8Array,
  fileName: string,
  onProgress: (written: number, total: number) => void,
): Promise<Outcome<ExportReport | null>> {
  const grant = await bridge.chooseFolder('选择保存备份的文件夹（如 U 盘）');
  if (!grant.ok) return failed(grant.error.message);
  if (grant.value === null) return { ok: true, value: null };
  const r = await exportInChunks(bridge, grant.value.grantId, fileName, bytes, onProgress);
  return r.ok ? r : failed(r.error.message);
}

export async function backupToFolder(
  bridge: HuiwenBridge,
  db: HuiwenDb,
  onProgress: (written: number, total: number) => void,
): Promise<Outcome<ExportReport | null>> {
  try {
    const now = new Date();
    const bytes = await exportStore(db, {
      kind: 'manual',
      appVersion: await appVersionOf(bridge),
      now: () => now,
    });
    return await saveToChosenFolder(bridge, bytes, usbFileName(shanghaiTimestamp(now)), onProgress);
  } catch (e) {
    return failed(errorText(e));
  }
}

/** Whatever can be read of a store that does not open, to a chosen folder. */
export async function exportReadable(
  bridge: HuiwenBridge,
  onProgress: (written: number, total: number) => void,
): Promise<Outcome<ExportReport | null>> {
  try {
    const now = new Date();
    const bytes = await salvageStore(DB_NAME, { appVersion: await appVersionOf(bridge), now: () => now });
    return await saveToChosenFolder(
      bridge,
      bytes,
      usbFileName(shanghaiTimestamp(now), '会文可读数据'),
      onProgress,
    );
  } catch (e) {
    return failed(errorText(e));
  }
}

/** Reads and checks a backup (from the backups folder, or a file the clerk picks). null value = cancelled. */
export async function loadBackup(
  bridge: HuiwenBridge,
  source: { readonly id: string } | 'file',
): Promise<Outcome<BackupSummary | null>> {
  let bytes: Uint8Array;
  if (source === 'file') {
    const picked = await bridge.openFile('选择会文备份文件', BACKUP_FILTERS);
    if (!picked.ok) return failed(picked.error.message);
    if (picked.value === null) return { ok: true, value: null };
    bytes = picked.value.bytes;
  } else {
    const r = await bridge.readBackup(source.id);
    if (!r.ok) return failed(r.error.message);
    bytes = r.value;
  }
  const inspected = await inspectAnyBackup(bytes);
  return inspected.ok ? { ok: true, value: inspected.summary } : failed(inspected.message);
}

async function recordHead(bridge: HuiwenBridge, head: AuditHead | null): Promise<void> {
  const h = headToRecord(head);
  // The browser keeps no head file; in the desktop app a failure here shows at the next start.
  await bridge.recordAuditHead(h.sequence, h.hash);
}

/** Restore into the open store: safety copy of the current state first, then one transaction. */
export async function restoreInto(
  bridge: HuiwenBridge,
  kind: BridgeKind,
  db: HuiwenDb,
  summary: BackupSummary,
): Promise<Outcome<null>> {
  try {
    const head = await restoreWithSafetyCopy(db, summary, {
      appVersion: await appVersionOf(bridge),
      saveSafetyCopy: (bytes) => saveSafetyCopy(bridge, kind, bytes),
    });
    await recordHead(bridge, head);
    return { ok: true, value: null };
  } catch (e) {
    return failed(errorText(e));
  }
}

/**
 * Restore when the store cannot be opened: save what is readable, then rebuild the store from the backup.
 * A marker spans the two steps so an interruption brings the recovery screen back, not an empty store.
 */
export async function rebuildStore(
  bridge: HuiwenBridge,
  kind: BridgeKind,
  summary: BackupSummary,
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
): Promise<Outcome<null>> {
  try {
    const appVersion = await appVersionOf(bridge);
    try {
      const salvaged = await salvageStore(DB_NAME, { appVersion });
      const saved = await saveSafetyCopy(bridge, kind, salvaged);
      if (!saved.ok) return failed(`恢复前没能保存现有数据的备份，为安全起见没有恢复：${saved.message}`);
    } catch {
      // Nothing readable to keep: the store does not open at all.
    }
    storage.setItem(RESTORE_MARKER_KEY, summary.header.createdAt);
    await rebuildFromBackup(summary);
    storage.removeItem(RESTORE_MARKER_KEY);
    await recordHead(bridge, summary.header.auditHead);
    return { ok: true, value: null };
  } catch (e) {
    return failed(errorText(e));
  }
}
