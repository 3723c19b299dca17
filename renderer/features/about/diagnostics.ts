/**
 * The diagnostics file a clerk sends to maintainers: versions and environment only, never records
 * (no names, meetings or documents), so it can be mailed without a second thought.
 */
import type { AppInfo } from '../../../shared/ipc';

export interface Diagnostics {
  readonly format: 'huiwen-diagnostics/1';
  readonly generatedAt: string;
  readonly bridge: string;
  readonly appInfo: AppInfo | { readonly error: string };
  readonly userAgent: string;
  readonly screen: string;
}

export function buildDiagnostics(input: {
  readonly now: Date;
  readonly bridge: string;
  readonly appInfo: AppInfo | { readonly error: string };
  readonly userAgent: string;
  readonly screen: string;
}): Diagnostics {
  return {
    format: 'huiwen-diagnostics/1',
    generatedAt: input.now.toISOString(),
    bridge: input.bridge,
    appInfo: input.appInfo,
    userAgent: input.userAgent,
    screen: input.screen,
  };
}

export const diagnosticsBytes = (d: Diagnostics): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(d, null, 2)}\n`);

/** 会文诊断信息-20261127-0905.json, in local time so it sorts and reads naturally. */
export function diagnosticsFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `会文诊断信息-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`;
}
