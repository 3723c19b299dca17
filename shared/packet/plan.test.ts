import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPacket, type PacketInput, type PacketRecordInput } from './build';
import { generateOfficeKey } from './cryptography';
import { openPacket, type OpenedPacket } from './open';
import {
  exchangeStateAfter,
  isNoop,
  planImport,
  recordKey,
  type ExchangeState,
  type LocalRecordState,
} from './plan';
import { buildReceipt } from './receipt';
import { sampleMeetingInput } from './sample';

/** A real fake of the receiving store: records by key, with their content hash and data. */
class FakeStore {
  readonly records = new Map<string, LocalRecordState>();
  exchange: ExchangeState = new Map();

  state(): LocalRecordState[] {
    return [...this.records.values()];
  }

  /** Applies new and updated records; conflicts are left for the user. */
  apply(packet: OpenedPacket): ReturnType<typeof planImport> {
    const plan = planImport(packet, this.state(), this.exchange);
    for (const r of [...plan.new, ...plan.updated.map((u) => u.incoming)]) {
      this.records.set(recordKey(r.meta.type, r.meta.id), { ...r.meta, data: r.data });
    }
    this.exchange = exchangeStateAfter(plan, this.exchange);
    return plan;
  }

  edit(key: string, data: unknown, contentHash: string): void {
    const r = this.records.get(key)!;
    this.records.set(key, { ...r, version: r.version + 1, contentHash, data });
  }
}

async function open(input: PacketInput): Promise<OpenedPacket> {
  const result = await openPacket((await buildPacket(input)).bytes);
  if (!result.ok) throw new Error(result.message);
  return result.packet;
}

const withRecord = (
  input: PacketInput,
  id: string,
  change: (r: PacketRecordInput) => PacketRecordInput,
): PacketInput => ({
  ...input,
  packetId: undefined,
  records: input.records.map((r) => (r.id === id ? change(r) : r)),
});

describe('planImport', () => {
  it('export → import gives equal records; re-importing the same packet changes nothing', async () => {
    const store = new FakeStore();
    const packet = await open(sampleMeetingInput());
    const first = store.apply(packet);
    expect(first.new).toHaveLength(4);
    const input = sampleMeetingInput();
    for (const r of input.records) expect(store.records.get(recordKey(r.type, r.id))?.data).toEqual(r.data);

    const snapshot = new Map(store.records);
    const again = store.apply(packet);
    expect(isNoop(again)).toBe(true);
    expect(again.unchanged.map((u) => u.reason)).toEqual(['same', 'same', 'same', 'same']);
    expect(store.records).toEqual(snapshot);
  });

  it('a record changed only by the sender since the last exchange is an update', async () => {
    const store = new FakeStore();
    store.apply(await open(sampleMeetingInput()));
    const changed = withRecord(sampleMeetingInput(), 'dec-cw12-1', (r) => ({
      ...r,
      version: 2,
      data: { ...(r.data as object), progress: '已启动' },
    }));
    const plan = store.apply(await open(changed));
    expect(plan.updated.map((u) => u.incoming.meta.id)).toEqual(['dec-cw12-1']);
    expect(plan.conflicts).toEqual([]);
    expect((store.records.get('decision/dec-cw12-1')?.data as { progress: string }).progress).toBe('已启动');
  });

  it('a record changed on both sides is a conflict shown side by side, never overwritten', async () => {
    const store = new FakeStore();
    const first = await open(sampleMeetingInput());
    store.apply(first);
    const agreed = first.records.find((r) => r.meta.id === 'dec-cw12-1')!.meta.contentHash;
    const localData = { note: '本地修改' };
    store.edit('decision/dec-cw12-1', localData, 'a'.repeat(64));
    const remote = withRecord(sampleMeetingInput(), 'dec-cw12-1', (r) => ({
      ...r,
      version: 2,
      data: { ...(r.data as object), progress: '对方修改' },
    }));
    const packet = await open(remote);
    const plan = store.apply(packet);
    expect(plan.conflicts).toHaveLength(1);
    const [conflict] = plan.conflicts;
    expect(conflict!.local.data).toEqual(localData);
    expect((conflict!.incoming.data as { progress: string }).progress).toBe('对方修改');
    expect(conflict!.base).toBe(agreed);
    expect(store.records.get('decision/dec-cw12-1')?.data).toEqual(localData);
    // Importing it again still shows the conflict and still keeps the local version.
    expect(store.apply(packet).conflicts).toHaveLength(1);
    expect(store.records.get('decision/dec-cw12-1')?.data).toEqual(localData);
  });

  it('a record changed only here is kept (the packet carries the older version)', async () => {
    const store = new FakeStore();
    const packet = await open(sampleMeetingInput());
    store.apply(packet);
    store.edit('topic/topic-cw12-2', { edited: true }, 'b'.repeat(64));
    const plan = store.apply(packet);
    expect(plan.unchanged.find((u) => u.incoming.meta.id === 'topic-cw12-2')?.reason).toBe('local-newer');
    expect(store.records.get('topic/topic-cw12-2')?.data).toEqual({ edited: true });
  });

  it('without a common base, differing records are conflicts — unless the sender edited exactly our version', async () => {
    const packet = await open(sampleMeetingInput());
    const meta = packet.records[0]!.meta;
    const local: LocalRecordState = {
      type: meta.type,
      id: meta.id,
      version: 1,
      updatedAt: meta.updatedAt,
      contentHash: 'c'.repeat(64),
    };
    expect(planImport(packet, [local]).conflicts.map((c) => c.incoming.meta.id)).toEqual([meta.id]);
    const successor = await open(
      withRecord(sampleMeetingInput(), meta.id, (r) => ({ ...r, baseHash: 'c'.repeat(64) })),
    );
    expect(planImport(successor, [local]).updated.map((u) => u.incoming.meta.id)).toEqual([meta.id]);
  });

  it('a receipt says what was received, verified and applied, and opens as a valid receipt packet', async () => {
    const store = new FakeStore();
    const packet = await open(sampleMeetingInput());
    const plan = store.apply(packet);
    const receiver = generateOfficeKey();
    const input = buildReceipt({
      packet,
      plan,
      receivedAt: '2026-12-12T09:00:00.000+08:00',
      createdAt: '2026-12-12T09:05:00.000+08:00',
      origin: { officeId: 'SAMPLE-JW', officeName: '示例区发展和改革委员会办公室', pcId: 'PC-7' },
      operator: { id: 'p-zhao', name: '赵敏' },
      auditHead: { sequence: 7, hash: 'd'.repeat(64) },
      key: receiver,
    });
    const receipt = await open(input);
    expect(receipt.manifest.kind).toBe('receipt');
    expect(receipt.manifest.inReplyTo).toBe(packet.manifest.packetId);
    expect(receipt.records[0]!.data).toMatchObject({
      receivedPacketId: packet.manifest.packetId,
      manifestSha256: packet.manifestSha256,
      verified: true,
      unchanged: 0,
      conflicts: [],
    });
    expect((receipt.records[0]!.data as { applied: unknown[] }).applied).toHaveLength(4);
  });
});

describe('planImport properties', () => {
  const hash = fc.constantFrom('1', '2', '3', '4').map((c) => c.repeat(64));
  const scenario = fc.array(
    fc.record({
      local: fc.option(hash, { nil: undefined }),
      remote: hash,
      base: fc.option(hash, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it('never plans to overwrite a record changed here since the last exchange, and applying is idempotent', () => {
    fc.assert(
      fc.property(scenario, (rows) => {
        const incoming = rows.map((r, i) => ({
          meta: {
            type: 'decision',
            id: `d${i}`,
            version: 1,
            updatedAt: '2026-12-11T16:00:00.000+08:00',
            contentHash: r.remote,
            path: `records/decision/d${i}.json`,
          },
          data: { v: r.remote },
        }));
        const local = new Map<string, LocalRecordState>();
        const exchange = new Map<string, string>();
        rows.forEach((r, i) => {
          if (r.local)
            local.set(`decision/d${i}`, {
              type: 'decision',
              id: `d${i}`,
              version: 1,
              updatedAt: '2026-01-01T00:00:00.000+08:00',
              contentHash: r.local,
            });
          if (r.base) exchange.set(`decision/d${i}`, r.base);
        });
        const plan = planImport({ records: incoming }, local, exchange);
        expect(plan.new.length + plan.updated.length + plan.unchanged.length + plan.conflicts.length).toBe(
          rows.length,
        );
        for (const u of plan.updated) {
          const base = exchange.get(recordKey(u.local.type, u.local.id));
          expect(u.local.contentHash).toBe(base);
        }
        // Apply new and updated, then plan the same packet again: nothing left to apply, conflicts unchanged.
        for (const r of [...plan.new, ...plan.updated.map((u) => u.incoming)]) {
          local.set(recordKey(r.meta.type, r.meta.id), { ...r.meta });
        }
        const again = planImport({ records: incoming }, local, exchangeStateAfter(plan, exchange));
        expect(again.new).toEqual([]);
        expect(again.updated).toEqual([]);
        expect(again.conflicts.map((c) => c.incoming.meta.id)).toEqual(
          plan.conflicts.map((c) => c.incoming.meta.id),
        );
      }),
    );
  });
});
