/**
 * The packet CLI (npm run packet -- <command>), for IT staff on any PC with Node — no Huiwen store needed:
 *   sample <dir> [--render-pdf]     write the sample meeting packet as .hwpkt and as a folder
 *   verify <packet> [--passphrase P] [--fingerprint "XXXX XXXX …"]
 *                                   check a .hwpkt file or a packet folder; exit 0 only if whole,
 *                                   unaltered and correctly signed (and, with --fingerprint, by that key)
 *   fixtures <dir>                  write hostile packets (zip-slip, symlink, bombs, tampering) for tests
 * The passphrase may also come from the HUIWEN_PACKET_PASSPHRASE environment variable.
 */
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_LIMITS,
  PACKET_KIND_LABELS,
  buildPacket,
  openPacket,
  sampleMeetingInput,
  type BuiltPacket,
  type OpenResult,
} from '../shared/packet';
import { SYMLINK_ATTRS, bombZip, forgeZip, forgedEntry } from '../shared/packet/forge';
import { encodeZip, zipEntry } from '../shared/packet/zip';

export const EXIT_OK = 0;
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;

const USAGE = `用法：
  npm run packet -- sample <输出目录> [--render-pdf]
  npm run packet -- verify <数据包.hwpkt 或数据包文件夹> [--passphrase 口令] [--fingerprint "XXXX XXXX …"]
  npm run packet -- fixtures <输出目录>`;

/** Writes the packet as `<dir>/<name>.hwpkt` and the folder `<dir>/<name>/`. */
export function writePacket(dir: string, built: BuiltPacket): { zip: string; folder: string } {
  mkdirSync(dir, { recursive: true });
  const zip = join(dir, built.fileName);
  writeFileSync(zip, built.bytes);
  const folder = join(dir, built.folderName);
  rmSync(folder, { recursive: true, force: true });
  for (const [path, bytes] of built.entries) {
    const target = join(folder, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return { zip, folder };
}

/**
 * Reads a packet folder into path → bytes. A symbolic link, or anything but a regular file or folder, is
 * reported as a refusal: following it could read files outside the packet.
 */
export function readPacketFolder(root: string): Map<string, Uint8Array> | { refused: string } {
  const out = new Map<string, Uint8Array>();
  const walk = (dir: string, depth: number): string | undefined => {
    if (depth > DEFAULT_LIMITS.maxPathDepth)
      return `目录层级超过 ${DEFAULT_LIMITS.maxPathDepth} 层：${relative(root, dir)}`;
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = lstatSync(full);
      const rel = relative(root, full).split(sep).join('/');
      if (st.isSymbolicLink()) return `“${rel}”是符号链接，可能指向本机其他文件`;
      if (st.isDirectory()) {
        const problem = walk(full, depth + 1);
        if (problem) return problem;
      } else if (st.isFile()) {
        if (out.size >= DEFAULT_LIMITS.maxEntries) return `文件数超过 ${DEFAULT_LIMITS.maxEntries} 个`;
        if (st.size > DEFAULT_LIMITS.maxEntryBytes) return `“${rel}”超过单个文件大小上限`;
        out.set(rel, readFileSync(full));
      } else {
        return `“${rel}”不是普通文件`;
      }
    }
    return undefined;
  };
  const problem = walk(root, 1);
  return problem ? { refused: problem } : out;
}

/** The verdict as printed: first line ✓/✗, then details. */
export function describeVerdict(
  result: OpenResult,
  wantedFingerprint?: string,
): { lines: string[]; code: number } {
  if (!result.ok) {
    const lines = [
      '✗ 数据包未通过校验，请勿导入。',
      `  未通过的检查：${result.check}`,
      `  原因：${result.message}`,
    ];
    if (result.path) lines.push(`  涉及文件：${result.path}`);
    if (result.check === 'passphrase-required' || result.check === 'wrong-passphrase') {
      lines.push('  命令行可用 --passphrase 口令，或环境变量 HUIWEN_PACKET_PASSPHRASE 提供口令。');
    }
    return { lines, code: EXIT_REFUSED };
  }
  const { manifest: m, signer } = result.packet;
  const normalise = (f: string): string => f.replace(/\s+/g, '').toUpperCase();
  if (wantedFingerprint !== undefined && normalise(wantedFingerprint) !== normalise(signer.fingerprint)) {
    return {
      lines: [
        '✗ 数据包完整，但签名密钥与您核对的指纹不一致，请勿导入。',
        '  未通过的检查：untrusted-key',
        `  数据包的签名指纹：${signer.fingerprint}`,
        `  您提供的指纹：    ${wantedFingerprint}`,
      ],
      code: EXIT_REFUSED,
    };
  }
  const lines = [
    '✓ 数据包完整、未被改动、签名有效。',
    `  类型：${PACKET_KIND_LABELS[m.kind]}（${m.kind}），编号：${m.packetId}`,
    `  来源：${m.origin.officeName}（${m.origin.officeId}），计算机 ${m.origin.pcName ?? m.origin.pcId}`,
    `  制作：${m.createdAt}，经办人 ${m.operator.name}`,
    `  用途：${m.purpose}`,
    `  内容：${m.records.length} 条记录，${result.packet.files.size} 个文件${result.packet.encrypted ? '（已加密，已用口令解密核验）' : ''}`,
    `  发送方审计链头：第 ${result.packet.auditHead.sequence} 条 ${result.packet.auditHead.hash.slice(0, 16)}…`,
    `  签名（Ed25519）指纹：${signer.fingerprint}`,
  ];
  if (wantedFingerprint !== undefined) lines.push('  指纹与您核对的一致。');
  else lines.push('  首次收到该单位的数据包时，请电话向对方核对上面的指纹。');
  if (signer.sample) lines.push('  注意：这是示例密钥签名的演示数据包，任何人都能伪造，切勿用于实际工作。');
  return { lines, code: EXIT_OK };
}

async function sample(dir: string, renderPdf: boolean): Promise<number> {
  const pdfs = renderPdf ? await renderedPdfs() : {};
  const built = await buildPacket(sampleMeetingInput(pdfs));
  const { zip, folder } = writePacket(resolve(dir), built);
  console.info(`已写出示例数据包：\n  ${zip}\n  ${folder}${sep}`);
  console.info(`签名指纹（示例密钥，切勿登记为真实单位）：${built.manifest.signature.fingerprint}`);
  console.info(`在任何电脑上核对文件夹：cd "${folder}" && sha256sum -c SHA256SUMS`);
  return EXIT_OK;
}

/** Real notice and minutes from the PDF engine (needs CJK fonts on this PC). */
async function renderedPdfs(): Promise<{ noticePdf: Uint8Array; minutesPdf: Uint8Array }> {
  const { renderMeetingNotice, renderMinutes } = await import('../shared/pdf');
  const { MINUTES, NOTICE } = await import('../test/fixtures/pdf/sample-office');
  const { nodePdfEnv } = await import('./fonts');
  const env = nodePdfEnv();
  return {
    noticePdf: (await renderMeetingNotice(NOTICE, env)).bytes,
    minutesPdf: (await renderMinutes(MINUTES, env)).bytes,
  };
}

async function verify(
  target: string,
  passphrase: string | undefined,
  fingerprint: string | undefined,
): Promise<number> {
  let st;
  try {
    st = lstatSync(target);
  } catch {
    console.error(`找不到“${target}”。请检查路径。`);
    return EXIT_USAGE;
  }
  let result: OpenResult;
  if (st.isSymbolicLink()) {
    result = {
      ok: false,
      check: 'symlink',
      message: `“${target}”是符号链接，请直接指定数据包文件或文件夹。`,
    };
  } else if (st.isDirectory()) {
    const folder = readPacketFolder(target);
    result =
      'refused' in folder
        ? { ok: false, check: 'path', message: `数据包文件夹不安全：${folder.refused}。请勿导入。` }
        : await openPacket(folder, { passphrase });
  } else {
    if (statSync(target).size > DEFAULT_LIMITS.maxTotalBytes) {
      result = { ok: false, check: 'total-size', message: '数据包文件超过 4 GiB 的上限。请勿导入。' };
    } else {
      result = await openPacket(readFileSync(target), { passphrase });
    }
  }
  const verdict = describeVerdict(result, fingerprint);
  for (const line of verdict.lines) console.info(line);
  return verdict.code;
}

/** Hostile packets for the tests and for IT staff to try the verifier on; each must be refused. */
export async function writeFixtures(dir: string): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const good = await buildPacket(sampleMeetingInput());
  const entries = [...good.entries];
  const fixtures: Record<string, { bytes: Uint8Array; check: string }> = {
    'zip-slip.hwpkt': {
      bytes: forgeZip([forgedEntry('files/../../../Windows/evil.bat', 'echo pwned')]),
      check: 'path',
    },
    'absolute-path.hwpkt': {
      bytes: forgeZip([forgedEntry('/etc/cron.d/evil', '* * * * * root sh')]),
      check: 'path',
    },
    'symlink.hwpkt': {
      bytes: forgeZip([forgedEntry('files/notice.pdf', '/etc/shadow', { externalAttrs: SYMLINK_ATTRS })]),
      check: 'symlink',
    },
    'case-collision.hwpkt': {
      bytes: forgeZip([forgedEntry('files/Notice.pdf', 'a'), forgedEntry('files/notice.pdf', 'b')]),
      check: 'duplicate',
    },
    // 16 MiB of zeros in about 100 KiB, the header claiming 1 KiB (the unit tests use a 1 GiB one).
    'bomb-lying-header.hwpkt': {
      bytes: bombZip('files/minutes.pdf', 1 + 258 * 65_000, 1024),
      check: 'ratio',
    },
    'bomb-declared.hwpkt': {
      bytes: bombZip('files/minutes.pdf', 1 + 258 * 1_000, 300 * 1024 * 1024),
      check: 'entry-size',
    },
    'appended-data.hwpkt': {
      bytes: new Uint8Array([...good.bytes, ...new TextEncoder().encode('extra')]),
      check: 'container',
    },
    'tampered-manifest.hwpkt': {
      bytes: encodeZip(
        entries.map(([p, b]) =>
          zipEntry(
            p,
            p === 'manifest.json'
              ? new TextEncoder().encode(new TextDecoder().decode(b).replace('王芳', '李四'))
              : b,
            false,
          ),
        ),
      ),
      check: 'signature',
    },
    'dropped-file.hwpkt': {
      bytes: encodeZip(
        entries.filter(([p]) => p !== 'files/minutes.pdf').map(([p, b]) => zipEntry(p, b, false)),
      ),
      check: 'missing-entry',
    },
  };
  const expected: Record<string, string> = {};
  for (const [name, f] of Object.entries(fixtures)) {
    writeFileSync(join(dir, name), f.bytes);
    expected[name] = f.check;
  }
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const positional = rest.filter(
    (a, i) => !a.startsWith('--') && !(rest[i - 1] ?? '').match(/^--(passphrase|fingerprint)$/),
  );
  const option = (name: string): string | undefined => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  switch (command) {
    case 'sample':
      if (positional.length !== 1) break;
      return sample(positional[0]!, rest.includes('--render-pdf'));
    case 'verify':
      if (positional.length !== 1) break;
      return verify(
        positional[0]!,
        option('passphrase') ?? process.env.HUIWEN_PACKET_PASSPHRASE,
        option('fingerprint'),
      );
    case 'fixtures': {
      if (positional.length !== 1) break;
      const expected = await writeFixtures(resolve(positional[0]!));
      console.info(
        `已写出 ${Object.keys(expected).length} 个恶意数据包样例到 ${resolve(positional[0]!)}（均应被拒绝）`,
      );
      return EXIT_OK;
    }
    default:
      break;
  }
  console.error(USAGE);
  return EXIT_USAGE;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`出错：${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = EXIT_REFUSED;
    },
  );
}
