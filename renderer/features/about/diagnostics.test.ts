import { describe, expect, it } from 'vitest';
import { ipcArgSchemas } from '../../../shared/ipc';
import { buildDiagnostics, diagnosticsBytes, diagnosticsFileName } from './diagnostics';

describe('diagnostics', () => {
  const now = new Date(2026, 10, 27, 9, 5);

  it('produces parseable JSON with the app info', () => {
    const d = buildDiagnostics({
      now,
      bridge: 'browser',
      appInfo: { error: '读取失败' },
      userAgent: 'UA',
      screen: '1366×768',
    });
    const parsed = JSON.parse(new TextDecoder().decode(diagnosticsBytes(d))) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      format: 'huiwen-diagnostics/1',
      bridge: 'browser',
      appInfo: { error: '读取失败' },
    });
    expect(parsed.generatedAt).toBe(now.toISOString());
  });

  it('names the file so the main process accepts it', () => {
    const name = diagnosticsFileName(now);
    expect(name).toBe('会文诊断信息-20261127-0905.json');
    expect(ipcArgSchemas.saveFile.safeParse([name, new Uint8Array(), []]).success).toBe(true);
  });
});
