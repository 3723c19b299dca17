/**
 * Packet bench: hashing and packing 100 MB in pure JS against OpenSSL on the same bytes in the same run,
 * printed as ratios (ours ÷ OpenSSL; 1.0 = as fast, 3.0 = three times slower).
 *   tsx bench/packet.ts [--mb N] [--runs N]      (npm run bench -- packet)
 * OpenSSL's times include starting the process and reading the file, as a clerk's `openssl dgst` would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPacket, openPacket, sampleMeetingInput, sha256Hex, sm3Hex } from '../shared/packet';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function time(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up: JIT and first-touch allocation
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** Why the SM3 baseline cannot run, or undefined when this OpenSSL has SM3. */
function sm3Unavailable(): string | undefined {
  const r = spawnSync('openssl', ['list', '-digest-algorithms'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return 'openssl 不可用';
  return /\bSM3\b/i.test(r.stdout)
    ? undefined
    : `此 OpenSSL（${opensslVersion()}）未提供 SM3 摘要（openssl list -digest-algorithms 中没有 SM3）`;
}

function opensslVersion(): string {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '未知版本';
}

export async function run(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const arg = (name: string, fallback: number): number => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Math.max(1, Number(args[i + 1]) || fallback) : fallback;
  };
  const mb = arg('mb', 100);
  const runs = arg('runs', 3);
  const bytes = new Uint8Array(randomBytes(mb * 1_000_000));
  const dir = mkdtempSync(join(tmpdir(), 'huiwen-bench-packet-'));
  try {
    const file = join(dir, 'payload.bin');
    writeFileSync(file, bytes);
    console.info(`数据：${mb} MB 随机字节，${runs} 次取中位数；${opensslVersion()}`);

    const sha = await time(runs, () => sha256Hex(bytes));
    const sm3 = await time(runs, () => sm3Hex(bytes));
    const input = {
      ...sampleMeetingInput(),
      packetId: undefined,
      files: [{ path: 'files/payload.bin', bytes }],
    };
    const pack = await time(runs, () => buildPacket(input));
    const built = await buildPacket(input);
    const verify = await time(runs, async () => {
      const r = await openPacket(built.bytes);
      if (!r.ok) throw new Error(r.message);
    });

    const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
    const osslSha = hasOpenssl
      ? await time(runs, () => execFileSync('openssl', ['dgst', '-sha256', file]))
      : undefined;
    const noSm3 = hasOpenssl ? sm3Unavailable() : 'openssl 不可用';
    const osslSm3 =
      noSm3 === undefined
        ? await time(runs, () => execFileSync('openssl', ['dgst', '-sm3', file]))
        : undefined;

    const rate = (ms: number): string => `${((mb / ms) * 1000).toFixed(0)} MB/s`;
    const ratio = (ours: number, base: number | undefined): string =>
      base === undefined ? '—' : `${(ours / base).toFixed(2)}×`;
    const row = (name: string, ms: number, base: number | undefined, baseName: string): void => {
      console.info(
        `${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${rate(ms).padStart(9)}   相对 ${baseName}：${ratio(ms, base)}`,
      );
    };
    row('SHA-256（@noble/hashes）', sha, osslSha, 'openssl dgst -sha256');
    row('SM3（shared/packet/sm3.ts）', sm3, osslSm3, 'openssl dgst -sm3');
    const both = osslSha !== undefined && osslSm3 !== undefined ? osslSha + osslSm3 : undefined;
    const bothName = 'openssl sha256 + sm3';
    row(
      '打包 buildPacket（两种摘要 + 签名 + zip）',
      pack,
      both ?? osslSha,
      both ? bothName : 'openssl dgst -sha256',
    );
    row(
      '校验 openPacket（解包 + 两种摘要 + 验签）',
      verify,
      both ?? osslSha,
      both ? bothName : 'openssl dgst -sha256',
    );
    if (osslSha !== undefined)
      console.info(`openssl dgst -sha256：${osslSha.toFixed(0)} ms（${rate(osslSha)}）`);
    if (osslSm3 !== undefined)
      console.info(`openssl dgst -sm3：${osslSm3.toFixed(0)} ms（${rate(osslSm3)}）`);
    else console.info(`SM3 基准已跳过：${noSm3}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
