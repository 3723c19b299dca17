/**
 * The single gate between renderer and main: every bridge call passes `invokeValidated`, which checks
 * the method name, the sender frame and the arguments before any handler runs, and turns every outcome
 * into an `IpcResult` (errors are values with Chinese messages; stack traces never leave main).
 *
 * No runtime import of electron here: the browser e2e suite imports this file in plain Node.
 */
import {
  IPC_METHODS,
  ipcArgSchemas,
  ipcChannel,
  type HuiwenHandlers,
  type IpcError,
  type IpcMethod,
  type IpcResult,
} from '../../shared/ipc';
import { HandlerError } from './errors';
import { APP_ORIGIN } from './origin';

export interface SenderInfo {
  readonly frameUrl: string;
  readonly isMainFrame: boolean;
}

export const IPC_MESSAGES = {
  unknownChannel: '会文不认识这个操作。请关闭后重新打开会文；如仍出现，请联系技术支持。',
  forbiddenSender: '这个请求不是来自会文的主窗口，已被拒绝。请在会文主窗口中操作。',
  invalidPayload: '提交的数据不符合要求，操作未执行。请检查填写的内容后重试；如仍出现，请重新打开会文。',
  internal: '操作没有完成，发生了内部错误。请重试；如仍失败，请记下操作步骤并联系技术支持。',
} as const;

const APP_PREFIX = `${APP_ORIGIN}/`;

/**
 * Only our own page's top frame may call: not an iframe, not some other origin that got loaded.
 * `devOrigin` (the electron-vite dev server, development builds only) is the single exception.
 */
export function isTrustedSender(sender: SenderInfo, devOrigin?: string): boolean {
  if (!sender.isMainFrame || typeof sender.frameUrl !== 'string') return false;
  if (sender.frameUrl.startsWith(APP_PREFIX)) return true;
  return (
    devOrigin !== undefined &&
    /^http:\/\/(localhost|127\.0\.0\.1):\d+$/.test(devOrigin) &&
    sender.frameUrl.startsWith(`${devOrigin}/`)
  );
}

export function isIpcMethod(method: unknown): method is IpcMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(ipcArgSchemas, method);
}

const fail = (code: IpcError['code'], message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

export type ErrorLogger = (message: string, error?: unknown) => void;

export async function invokeValidated(
  handlers: HuiwenHandlers,
  method: string,
  args: unknown,
  sender: SenderInfo,
  logError: ErrorLogger = console.error,
  devOrigin?: string,
): Promise<IpcResult<unknown>> {
  try {
    if (!isIpcMethod(method)) return fail('unknown-channel', IPC_MESSAGES.unknownChannel);
    if (!isTrustedSender(sender, devOrigin)) {
      logError(`[ipc] ${method} refused: untrusted sender`);
      return fail('forbidden-sender', IPC_MESSAGES.forbiddenSender);
    }
    const parsed = ipcArgSchemas[method].safeParse(args);
    if (!parsed.success) return fail('invalid-payload', IPC_MESSAGES.invalidPayload);
    const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    const value = await handler.apply(handlers, [...(parsed.data as readonly unknown[])]);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message);
    logError(`[ipc] ${String(method).slice(0, 60)} failed`, error);
    return fail('internal', IPC_MESSAGES.internal);
  }
}

/** Just enough of Electron's IpcMainInvokeEvent to identify the sender. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { readonly mainFrame: unknown };
}

export function senderInfoOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  // A null frame means it navigated away or was destroyed mid-call: treat it as untrusted.
  if (frame === null) return { frameUrl: '', isMainFrame: false };
  return { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame && frame.parent === null };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Registers one `ipcMain.handle` per bridge method; nothing else listens on IPC. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: HuiwenHandlers,
  logError: ErrorLogger = console.error,
  devOrigin?: string,
): void {
  for (const method of IPC_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args) =>
      invokeValidated(handlers, method, args, senderInfoOf(event), logError, devOrigin),
    );
  }
}
