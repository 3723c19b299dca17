import { describe, expect, it } from 'vitest';
import { PacketError, type PacketCheck } from './errors';
import { SYMLINK_ATTRS, bombZip, forgeZip, forgedEntry } from './forge';
import { DEFAULT_LIMITS, type PacketLimits } from './limits';
import { encodeUtf8 } from './platform';
import { crc32, readZip } from './zip';

const GiB = 1024 * 1024 * 1024;

function refusal(bytes: Uint8Array, limits: PacketLimits = DEFAULT_LIMITS): PacketError {
  try {
    readZip(bytes, limits);
  } catch (err) {
    if (err instanceof PacketError) return err;
    throw err;
  }
  throw new Error('the archive was accepted');
}

const expectRefused = (bytes: Uint8Array, check: PacketCheck, limits?: PacketLimits): PacketError => {
  const err = refusal(bytes, limits);
  expect(err.check, err.message).toBe(check);
  expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  return err;
};

describe('readZip: honest archives', () => {
  it('reads back what encodeZip wrote, stored or deflated, with Chinese names', () => {
    const text = '会议纪要'.repeat(100);
    const zip = forgeZip([forgedEntry('files/纪要.txt', text), forgedEntry('records/a.json', '{"a":1}')]);
    const entries = readZip(zip, DEFAULT_LIMITS);
    expect(entries.map((e) => e.path)).toEqual(['files/纪要.txt', 'records/a.json']);
    expect(new TextDecoder().decode(entries[0]!.bytes)).toBe(text);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(encodeUtf8('123456789')).toString(16)).toBe('cbf43926');
  });
});

describe('readZip: zip-slip and unsafe names are refused before any byte is extracted', () => {
  const unsafe = [
    '../evil.txt',
    'files/../../evil.txt',
    '/etc/passwd',
    'C:/Windows/system32/evil.dll',
    'c:evil',
    'files\\..\\evil.txt',
    'files/./a.pdf',
    'files//a.pdf',
    'files/CON',
    'files/aux.pdf',
    'files/lpt1.txt',
    'files/a.pdf.',
    'files/a?.pdf',
    'files/line\nbreak.pdf',
    'a/b/c/d/e/f/g/h/i.pdf',
    `files/${'长'.repeat(240)}.pdf`,
    'files/',
  ];
  for (const name of unsafe) {
    it(`refuses ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}`, () => {
      expectRefused(forgeZip([forgedEntry(name, 'x')]), 'path');
    });
  }

  it('refuses names in an undeclared legacy code page (e.g. GBK from an old zip tool)', () => {
    const gbk = new Uint8Array([0x66, 0x69, 0x6c, 0x65, 0x73, 0x2f, 0xbb, 0xe1, 0xd2, 0xe9]); // files/会议 in GBK
    const entry = { ...forgedEntry('placeholder', 'x'), flags: 0 };
    const zip = forgeZip([entry]);
    // Swap the name bytes in place (same length) in both headers.
    const name = encodeUtf8('placeholder');
    const patched = replaceAll(zip, name, new Uint8Array([...gbk, 0x2e]));
    expectRefused(patched, 'path');
  });
});

describe('readZip: duplicates, symlinks and unsupported features', () => {
  it('refuses an exact duplicate name', () => {
    expectRefused(forgeZip([forgedEntry('files/a.pdf', '1'), forgedEntry('files/a.pdf', '2')]), 'duplicate');
  });

  it('refuses names that collide on a case-insensitive file system', () => {
    expectRefused(
      forgeZip([forgedEntry('files/Report.pdf', '1'), forgedEntry('files/report.PDF', '2')]),
      'duplicate',
    );
  });

  it('refuses names that collide after Unicode normalisation (NFC vs NFD)', () => {
    expectRefused(
      forgeZip([forgedEntry('files/caf\u00e9.pdf', '1'), forgedEntry('files/cafe\u0301.pdf', '2')]),
      'duplicate',
    );
  });

  it('refuses a symbolic link entry (S_IFLNK in the external attributes)', () => {
    const zip = forgeZip([forgedEntry('files/notice.pdf', '/etc/shadow', { externalAttrs: SYMLINK_ATTRS })]);
    const err = expectRefused(zip, 'symlink');
    expect(err.path).toBe('files/notice.pdf');
  });

  it('refuses zip password encryption and unknown compression methods', () => {
    expectRefused(forgeZip([forgedEntry('files/a.pdf', 'x', { flags: 0x801 })]), 'unsupported');
    expectRefused(forgeZip([{ ...forgedEntry('files/a.pdf', 'x'), method: 12 as 0 }]), 'unsupported');
  });

  it('refuses zip64 markers', () => {
    const zip = forgeZip([forgedEntry('files/a.pdf', 'x')]);
    const view = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    view.setUint16(eocd + 8, 0xffff, true);
    view.setUint16(eocd + 10, 0xffff, true);
    expectRefused(zip, 'unsupported');
  });

  it('refuses header fields Huiwen never writes (another tool, or an altered byte)', () => {
    expectRefused(forgeZip([forgedEntry('files/a.pdf', 'x', { versionMadeBy: 20 })]), 'container');
    expectRefused(forgeZip([forgedEntry('files/a.pdf', 'x', { externalAttrs: 0 })]), 'container');
  });
});

describe('readZip: container damage', () => {
  const zip = forgeZip([forgedEntry('files/a.pdf', 'hello'), forgedEntry('files/b.pdf', 'world')]);

  it('refuses something that is not a zip, and an empty file', () => {
    expectRefused(encodeUtf8('%PDF-1.4 not a packet at all, just some bytes'), 'container');
    expectRefused(new Uint8Array(0), 'container');
  });

  it('refuses appended and prepended bytes', () => {
    expectRefused(new Uint8Array([...zip, 0]), 'container');
    expectRefused(new Uint8Array([...zip, ...zip.subarray(zip.length - 22)]), 'container');
    expectRefused(new Uint8Array([0x50, ...zip]), 'container');
  });

  it('refuses bytes hidden between entries', () => {
    const view = new DataView(zip.buffer.slice(0));
    const copy = new Uint8Array(view.buffer);
    // Point the second entry one byte later than the first ends: a gap the tiling check must see.
    const cd = view.getUint32(copy.length - 6, true);
    const secondCentral = cd + 46 + 'files/a.pdf'.length;
    view.setUint32(secondCentral + 42, view.getUint32(secondCentral + 42, true) + 1, true);
    expectRefused(copy, 'container');
  });

  it('refuses a corrupted stored byte through the CRC', () => {
    const copy = zip.slice();
    copy[30 + 'files/a.pdf'.length]! ^= 1;
    expectRefused(copy, 'container');
  });

  it('refuses more entries than the limit, and more bytes in total than the limit', () => {
    expectRefused(zip, 'entry-count', { ...DEFAULT_LIMITS, maxEntries: 1 });
    expectRefused(zip, 'total-size', { ...DEFAULT_LIMITS, maxTotalBytes: 8 });
  });
});

describe('readZip: zip bombs', { timeout: 60_000 }, () => {
  const bomb = 1 + 258 * 4_161_790; // ≈ 1 GiB of zeros from ≈ 6.5 MiB of deflate

  it('refuses an honest header that declares more than 200 MiB before inflating anything', () => {
    expectRefused(bombZip('files/bomb.pdf', bomb, bomb), 'entry-size');
  });

  it('stops a lying header (declares 1 KiB, inflates to 1 GiB) on the compression ratio, without inflating it', () => {
    const zip = bombZip('files/bomb.pdf', bomb, 1024);
    expect(zip.length).toBeLessThan(8 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const err = expectRefused(zip, 'ratio');
    // Inflating the whole bomb would take 1 GiB; the bounded inflater stops after the first slices.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(err.message).toContain('压缩炸弹');
    expect(bomb).toBeGreaterThan(GiB - 1024);
  });

  it('stops a lying header on the declared size when the ratio alone would allow it', () => {
    const zip = bombZip('files/bomb.pdf', 1 + 258 * 10_000, 4096);
    expectRefused(zip, 'size-mismatch', { ...DEFAULT_LIMITS, maxCompressionRatio: 1_000_000 });
  });

  it('stops on the per-entry limit measured on real output', () => {
    const zip = bombZip('files/bomb.pdf', 1 + 258 * 100_000, 20 * 1024 * 1024);
    expectRefused(zip, 'entry-size', {
      ...DEFAULT_LIMITS,
      maxEntryBytes: 20 * 1024 * 1024,
      maxCompressionRatio: 1e9,
    });
  });

  it('accepts a legitimately compressible small entry (ratio judged only past the floor)', () => {
    const zeros = new Uint8Array(1 + 258 * 100);
    const zip = bombZip('files/zeros.bin', zeros.length, zeros.length, crc32(zeros));
    expect(readZip(zip, DEFAULT_LIMITS)[0]!.bytes).toEqual(zeros);
  });
});

function replaceAll(haystack: Uint8Array, needle: Uint8Array, replacement: Uint8Array): Uint8Array {
  const out = haystack.slice();
  for (let i = 0; i + needle.length <= out.length; i++) {
    if (needle.every((b, j) => out[i + j] === b)) out.set(replacement, i);
  }
  return out;
}
