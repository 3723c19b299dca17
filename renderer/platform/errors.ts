/**
 * Turning failures into `IpcError` values with Chinese messages a clerk can act on.
 * The bridge never throws: every failure comes back as `{ ok: false, error }`.
 */
import type { IpcError, IpcErrorCode, IpcResult } from '../../shared/ipc';

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: IpcErrorCode, message: string): IpcResult<T> => ({
  ok: false,
  error: { code, message },
});

/** Default wording per code, used when nothing more specific is known. */
export function defaultMessage(code: IpcErrorCode): string {
  switch (code) {
    case 'invalid-payload':
      return '提交的内容不符合要求，请检查文件名和内容后重试。';
    case 'forbidden-sender':
      return '此页面无权执行该操作，请在会文窗口中重新操作。';
    case 'not-granted':
      return '没有该文件夹的使用权限，请重新点击“选择文件夹”并允许访问。';
    case 'io-failed':
      return '读写文件失败，请检查磁盘空间、文件是否被其他程序占用，然后重试。';
    case 'cancelled':
      return '操作已取消。';
    case 'unknown-channel':
      return '会文版本不一致，请关闭后重新打开会文。';
    case 'internal':
      return '会文内部出错，请重试；若仍出错，请到“关于”页面导出诊断信息并联系维护人员。';
    default: {
      const unreachable: never = code;
      return String(unreachable);
    }
  }
}

const errorName = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'name' in e && typeof (e as { name: unknown }).name === 'string'
    ? (e as { name: string }).name
    : undefined;

/**
 * Maps an exception from a browser API (File System Access, Blob, input) to an `IpcError`.
 * Names are DOMException names; plain objects with `name` work too so this stays testable in Node.
 */
export function browserErrorToIpcError(e: unknown): IpcError {
  switch (errorName(e)) {
    case 'AbortError':
      return { code: 'cancelled', message: defaultMessage('cancelled') };
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        code: 'not-granted',
        message: '浏览器没有允许访问该文件夹，请重新选择文件夹，并在浏览器提示时点击“允许”。',
      };
    case 'NotFoundError':
      return {
        code: 'io-failed',
        message: '找不到该文件夹或文件，可能已被移动或删除，请重新选择文件夹。',
      };
    case 'QuotaExceededError':
      return { code: 'io-failed', message: '磁盘空间不足，请清理磁盘或换一个文件夹后重试。' };
    case 'NoModificationAllowedError':
    case 'InvalidModificationError':
    case 'InvalidStateError':
      return {
        code: 'io-failed',
        message: '文件正被其他程序占用或不可写，请关闭占用它的程序后重试。',
      };
    case 'TypeMismatchError':
      return {
        code: 'io-failed',
        message: '目标位置已有同名的文件夹或文件，请换一个文件夹后重试。',
      };
    default:
      return { code: 'internal', message: defaultMessage('internal') };
  }
}

/** A rejected relay or preload call (not an `IpcResult`): the channel itself broke. */
export function transportErrorToIpcError(): IpcError {
  return {
    code: 'internal',
    message: '与会文后台的连接中断，请关闭后重新打开会文；若仍出错，请联系维护人员。',
  };
}

/** Chinese summary of zod issues for an invalid payload: which argument, what is wrong. */
export function invalidPayloadMessage(issues: readonly { readonly message: string }[]): string {
  const first = issues[0]?.message;
  const detail = first !== undefined && /[\u4e00-\u9fff]/.test(first) ? `（${first}）` : '';
  return `提交的内容不符合要求${detail}，请检查文件名和内容后重试。`;
}
