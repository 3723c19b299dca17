/**
 * The packet CLI as IT staff use it: the sample folder passes `sha256sum -c`, `verify` exits 0 only for a
 * whole, untampered, correctly signed packet, and every hostile fixture is refused with its expected check.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, writeFixtures } from '../../scripts/packet';
import { buildPacket, sampleMeetingInput } from '../../shared/packet';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'packets');
let dir: string;
let zipPath: string;
let folder: string;

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const info = vi
    .spyOn(console, 'info')
    .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: lines.join('\n') };
  } finally {
    info.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huiwen-packet-'));
  expect((await cli('sample', dir)).code).toBe(0);
  const zipName = readdirSync(dir).find((n) => n.endsWith('.hwpkt'))!;
  zipPath = join(dir, zipName);
  folder = join(dir, zipName.replace(/\.hwpkt$/, ''));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packet CLI', () => {
  it('sample writes a .hwpkt and a folder whose SHA256SUMS passes `sha256sum -c`', () => {
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.every((l) => l.endsWith(': OK'))).toBe(true);
    expect(out).toContain('manifest.json: OK');
    expect(out).toContain('files/minutes.pdf: OK');
  });

  it('verify passes the zip and the folder, printing the signer fingerprint and the sample warning', async () => {
    for (const target of [zipPath, folder]) {
      const { code, out } = await cli('verify', target);
      expect(code).toBe(0);
      expect(out).toContain('✓ 数据包完整、未被改动、签名有效');
      expect(out).toMatch(/指纹：([0-9A-F]{4} ){7}[0-9A-F]{4}/);
      expect(out).toContain('示例密钥');
    }
  });

  it('verify checks a fingerprint given on the command line', async () => {
    const { out } = await cli('verify', zipPath);
    const fingerprint = /指纹：((?:[0-9A-F]{4} ){7}[0-9A-F]{4})/.exec(out)![1]!;
    expect((await cli('verify', zipPath, '--fingerprint', fingerprint.toLowerCase())).code).toBe(0);
    const wrong = await cli('verify', zipPath, '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000');
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('untrusted-key');
  });

  it('an encrypted packet verifies only with its passphrase', async () => {
    const built = await buildPacket({
      ...sampleMeetingInput(),
      encryption: { passphrase: '示例口令', kdf: { N: 1024, r: 8, p: 1 } },
    });
    const file = join(dir, 'encrypted.hwpkt');
    writeFileSync(file, built.bytes);
    const missing = await cli('verify', file);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('未通过的检查：passphrase-required');
    expect(missing.out).toContain('--passphrase');
    expect((await cli('verify', file, '--passphrase', '错误口令')).out).toContain('口令不正确');
    const ok = await cli('verify', file, '--passphrase', '示例口令');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已加密');
  });

  it('a tampered folder fails both `sha256sum -c` and verify', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'huiwen-packet-tampered-'));
    try {
      execFileSync('cp', ['-r', `${folder}/.`, copy]);
      const pdf = readFileSync(join(copy, 'files', 'notice.pdf'));
      pdf[pdf.length - 10]! ^= 1;
      writeFileSync(join(copy, 'files', 'notice.pdf'), pdf);
      const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: copy, encoding: 'utf8' });
      expect(sums.status).not.toBe(0);
      expect(sums.stdout).toContain('files/notice.pdf: FAILED');
      const { code, out } = await cli('verify', copy);
      expect(code).toBe(1);
      expect(out).toContain('✗ 数据包未通过校验');
      expect(out).toContain('未通过的检查：hash-mismatch');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('a symbolic link inside a packet folder is refused without being followed', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'huiwen-packet-link-'));
    try {
      execFileSync('cp', ['-r', `${folder}/.`, copy]);
      rmSync(join(copy, 'files', 'minutes.pdf'));
      symlinkSync('/etc/passwd', join(copy, 'files', 'minutes.pdf'));
      const { code, out } = await cli('verify', copy);
      expect(code).toBe(1);
      expect(out).toContain('符号链接');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('every committed hostile fixture is refused with its expected check', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(9);
    for (const [name, check] of Object.entries(expected)) {
      const { code, out } = await cli('verify', join(FIXTURES, name));
      expect(code, name).toBe(1);
      expect(out, name).toContain(`未通过的检查：${check}`);
    }
  });

  it('the committed fixtures are exactly what `fixtures` generates', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'huiwen-packet-fixtures-'));
    try {
      const expected = await writeFixtures(fresh);
      for (const name of Object.keys(expected)) {
        expect(readFileSync(join(fresh, name)).equals(readFileSync(join(FIXTURES, name))), name).toBe(true);
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('the real process exits 0 for a good packet, 1 for a refused one and 2 for bad usage', () => {
    const run = (...args: string[]): number | null =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/packet.ts', ...args], {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
      }).status;
    expect(run('verify', zipPath)).toBe(0);
    expect(run('verify', join(FIXTURES, 'zip-slip.hwpkt'))).toBe(1);
    expect(run('frobnicate')).toBe(2);
  }, 60_000);
});
