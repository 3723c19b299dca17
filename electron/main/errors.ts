import type { IpcErrorCode } from '../../shared/ipc';

/**
 * A failure a handler expects and can explain: `message` is Chinese and tells the clerk what to do.
 * Anything else a handler throws is reported as a generic internal error (details stay in the main log).
 */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
