/**
 * Property tests: for generated packets, any single byte flip, truncation, appended data, dropped or renamed
 * entry is refused, and the receiving store stays exactly as it was (planImport never runs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPacket, type BuiltPacket, type PacketInput } from './build';
import { openPacket, type PacketSource } from './open';
import { planImport, recordKey, type LocalRecordState } from './plan';
import { SAMPLE_KEY, SAMPLE_OFFICE, sampleMeetingInput } from './sample';
import { encodeZip, zipEntry } from './zip';

const safeKey = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__');
const jsonLeaf = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
const recordData = fc.dictionary(safeKey, fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 3 })), {
  maxKeys: 5,
});

const packetInput: fc.Arbitrary<PacketInput> = fc
  .record({
    data: fc.array(recordData, { minLength: 1, maxLength: 4 }),
    files: fc.array(fc.uint8Array({ minLength: 0, maxLength: 600 }), { maxLength: 3 }),
    purpose: fc.string({ minLength: 1, maxLength: 30 }),
  })
  .map(({ data, files, purpose }) => ({
    kind: 'meeting' as const,
    origin: SAMPLE_OFFICE,
    createdAt: '2026-12-11T16:30:00.000+08:00',
    operator: { id: 'p-1', name: '王芳' },
    purpose,
    records: data.map((d, i) => ({
      type: i === 0 ? 'meeting' : 'topic',
      id: `r-${i}`,
      version: 1,
      updatedAt: '2026-12-11T16:00:00.000+08:00',
      data: d,
    })),
    files: files.map((bytes, i) => ({ path: `files/f-${i}.bin`, bytes })),
    auditHead: { sequence: 1, hash: 'e'.repeat(64) },
    key: SAMPLE_KEY,
  }));

/** The receiving side: a store that only changes when a packet opened and its plan was applied. */
async function importInto(store: Map<string, LocalRecordState>, source: PacketSource): Promise<boolean> {
  const opened = await openPacket(source);
  if (!opened.ok) return false;
  const plan = planImport(opened.packet, [...store.values()]);
  for (const r of [...plan.new, ...plan.updated.map((u) => u.incoming)])
    store.set(recordKey(r.meta.type, r.meta.id), { ...r.meta, data: r.data });
  return true;
}

const seededStore = (): Map<string, LocalRecordState> =>
  new Map([
    [
      'topic/r-1',
      {
        type: 'topic',
        id: 'r-1',
        version: 9,
        updatedAt: '2026-01-01T00:00:00.000+08:00',
        contentHash: 'f'.repeat(64),
      },
    ],
  ]);

async function expectRefusedAndStoreUntouched(source: PacketSource): Promise<void> {
  const store = seededStore();
  const before = structuredClone([...store]);
  expect(await importInto(store, source)).toBe(false);
  expect([...store]).toEqual(before);
}

const rezip = (entries: Iterable<readonly [string, Uint8Array]>): Uint8Array =>
  encodeZip([...entries].map(([p, b]) => zipEntry(p, b, false)));

const cache = new Map<PacketInput, BuiltPacket>();
async function built(input: PacketInput): Promise<BuiltPacket> {
  let b = cache.get(input);
  if (!b) {
    b = await buildPacket(input);
    cache.set(input, b);
  }
  return b;
}

const runs = { numRuns: 150 };

// Generous timeout: these build and open hundreds of signed packets, and CI machines may be busy.
describe('packet integrity properties', { timeout: 120_000 }, () => {
  it('generated packets open, and import into an empty store (sanity for the properties below)', async () => {
    await fc.assert(
      fc.asyncProperty(packetInput, async (input) => {
        const store = new Map<string, LocalRecordState>();
        expect(await importInto(store, (await built(input)).bytes)).toBe(true);
        expect(store.size).toBe(input.records.length);
      }),
      { numRuns: 30 },
    );
  });

  it('any single bit flip anywhere in the .hwpkt is refused', async () => {
    await fc.assert(
      fc.asyncProperty(packetInput, fc.nat(), fc.integer({ min: 0, max: 7 }), async (input, at, bit) => {
        const zip = (await built(input)).bytes.slice();
        zip[at % zip.length]! ^= 1 << bit;
        await expectRefusedAndStoreUntouched(zip);
      }),
      runs,
    );
  });

  it('exhaustively: flipping any one byte of the sample packet is refused', async () => {
    const zip = (await buildPacket(sampleMeetingInput())).bytes;
    const accepted: number[] = [];
    for (let at = 0; at < zip.length; at++) {
      const copy = zip.slice();
      copy[at]! ^= at % 2 === 0 ? 0x01 : 0x80;
      if ((await openPacket(copy)).ok) accepted.push(at);
    }
    expect(accepted).toEqual([]);
  });

  it('any single byte flip in any file of the folder form is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        packetInput,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (input, which, at, xor) => {
          const entries = [...(await built(input)).entries].filter(([, b]) => b.length > 0);
          const [path, bytes] = entries[which % entries.length]!;
          const flipped = bytes.slice();
          flipped[at % flipped.length]! ^= xor;
          await expectRefusedAndStoreUntouched(new Map((await built(input)).entries).set(path, flipped));
        },
      ),
      runs,
    );
  });

  it('any truncation is refused', async () => {
    await fc.assert(
      fc.asyncProperty(packetInput, fc.nat(), async (input, cut) => {
        const zip = (await built(input)).bytes;
        await expectRefusedAndStoreUntouched(zip.subarray(0, cut % zip.length));
      }),
      runs,
    );
  });

  it('any appended data is refused', async () => {
    await fc.assert(
      fc.asyncProperty(packetInput, fc.uint8Array({ minLength: 1, maxLength: 100 }), async (input, tail) => {
        const zip = (await built(input)).bytes;
        await expectRefusedAndStoreUntouched(new Uint8Array([...zip, ...tail]));
      }),
      runs,
    );
  });

  it('any dropped entry is refused, in the zip and in the folder', async () => {
    await fc.assert(
      fc.asyncProperty(packetInput, fc.nat(), async (input, which) => {
        const entries = [...(await built(input)).entries];
        const kept = entries.filter((_, i) => i !== which % entries.length);
        await expectRefusedAndStoreUntouched(rezip(kept));
        await expectRefusedAndStoreUntouched(new Map(kept));
      }),
      runs,
    );
  });

  it('any renamed entry is refused, in the zip and in the folder', async () => {
    const newName = fc.oneof(
      fc.constantFrom(
        'files/renamed.bin',
        'records/topic/r-9.json',
        'audit-head.json',
        'manifest.json',
        'README.txt',
      ),
      fc.stringMatching(/^files\/[a-z0-9-]{1,12}\.pdf$/),
    );
    await fc.assert(
      fc.asyncProperty(packetInput, fc.nat(), newName, fc.boolean(), async (input, which, name, upper) => {
        const entries = [...(await built(input)).entries];
        const i = which % entries.length;
        const [oldPath] = entries[i]!;
        const target = upper ? oldPath.toUpperCase() : name;
        fc.pre(target !== oldPath && !entries.some(([p], j) => j !== i && p === target));
        const renamed = entries.map(([p, b], j): [string, Uint8Array] => (j === i ? [target, b] : [p, b]));
        await expectRefusedAndStoreUntouched(rezip(renamed));
        await expectRefusedAndStoreUntouched(new Map(renamed));
      }),
      runs,
    );
  });
});
