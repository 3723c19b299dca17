/**
 * The object the page sees as `window.huiwen`: exactly the bridge methods, each forwarding its
 * arguments to one fixed IPC channel. The raw ipcRenderer, event objects and anything else stay here.
 */
import {
  ipcChannel,
  type HuiwenBridge,
  type HuiwenHandlers,
  type IpcMethod,
} from '../../shared/ipc/contract';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

export function createBridge(invoke: Invoke): HuiwenBridge {
  // Typed per method so a contract change that adds, removes or reshapes a method fails to compile here.
  const forward =
    <K extends IpcMethod>(method: K) =>
    (...args: Parameters<HuiwenHandlers[K]>) =>
      invoke(ipcChannel(method), ...args) as ReturnType<HuiwenBridge[K]>;
  return Object.freeze({
    appInfo: forward('appInfo'),
    chooseFolder: forward('chooseFolder'),
    writeFilesAtomic: forward('writeFilesAtomic'),
    saveFile: forward('saveFile'),
    openFile: forward('openFile'),
    listRemovableDrives: forward('listRemovableDrives'),
    backupStatus: forward('backupStatus'),
    listBackups: forward('listBackups'),
    writeBackup: forward('writeBackup'),
    readBackup: forward('readBackup'),
    setBackupPolicy: forward('setBackupPolicy'),
    beginExport: forward('beginExport'),
    writeExportChunk: forward('writeExportChunk'),
    finishExport: forward('finishExport'),
    abortExport: forward('abortExport'),
    recordAuditHead: forward('recordAuditHead'),
    recordedAuditHead: forward('recordedAuditHead'),
    systemFonts: forward('systemFonts'),
    printPdf: forward('printPdf'),
    readGrantedFile: forward('readGrantedFile'),
  } satisfies HuiwenBridge);
}
