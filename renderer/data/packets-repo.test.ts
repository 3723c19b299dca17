import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../shared/audit';
import { isoDate } from '../../shared/calendar/iso-date';
import type { OutgoingRecord } from '../../shared/domain/documents';
import { documentId, meetingId, personId, unitId, type DecisionId } from '../../shared/domain/ids';
import { newMeeting, type Meeting } from '../../shared/domain/meeting';
import { buildPacket, generateOfficeKey, openPacket, type OpenedPacket } from '../../shared/packet';
import { StoreError, type Store } from './index';
import { contentHashOf, type ConflictChoice, type PreparedExport } from './packets-repo';
import { freshStore, rejection } from './test-store';

async function pc(officeName: string): Promise<Store> {
  const store = await freshStore('packets-test');
  await store.db.meta.put({ key: 'office', value: { name: officeName } });
  return store;
}

const head = personId('p-head');
function meeting(id: string, fields: Partial<Meeting> = {}): Meeting {
  return newMeeting({
    id: meetingId(id),
    kind: 'executive',
    title: `区政府第${id}次常务会议`,
    date: isoDate('2026-03-10'),
    place: '区政府常务会议室',
    convenorId: head,
    chairId: head,
    ...fields,
  });
}

const PDF = new TextEncoder().encode('%PDF-1.4 fake minutes\n%%EOF\n');

async function exportMeetings(store: Store, ids: string[], passphrase?: string): Promise<PreparedExport> {
  const prepared = await store.packets.prepareExport({
    kind: 'meeting',
    meetingIds: ids,
    recipient: '区委办公室',
    purpose: '报送常务会议',
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  await store.packets.recordSent(prepared, { fileName: prepared.built.fileName });
  return prepared;
}

async function opens(store: Store, bytes: Uint8Array, passphrase?: string): Promise<OpenedPacket> {
  const result = await store.packets.open(bytes, passphrase);
  if (!result.ok) throw new Error(result.message);
  return result.packet;
}

async function importInto(
  store: Store,
  bytes: Uint8Array,
  choices: ReadonlyMap<string, ConflictChoice> = new Map(),
) {
  const packet = await opens(store, bytes);
  const preview = await store.packets.prepareImport(packet, { name: 'p.hwpkt', size: bytes.length });
  return {
    packet,
    preview,
    apply: () =>
      store.packets.applyImport(preview, choices, { confirmedFingerprint: packet.signer.fingerprint }),
  };
}

/** Everything the store holds, to prove that something changed nothing. */
async function snapshot(store: Store) {
  const { db } = store;
  return {
    meetings: await db.meetings.toArray(),
    attachments: await db.attachments.toArray(),
    meta: await db.meta.toArray(),
    packets: await db.packets.toArray(),
    audit: await db.audit.count(),
  };
}

describe('packets repository', () => {
  it('generates the office key once and keeps it', async () => {
    const a = await pc('甲区政府办公室');
    const first = await a.packets.identity();
    const again = await a.packets.identity();
    expect(again).toEqual(first);
    expect(first.officeName).toBe('甲区政府办公室');
    expect(first.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(first.officeId).toMatch(/^HW-[0-9A-F]{8}$/);
    const b = await pc('乙');
    expect((await b.packets.identity()).publicKey).not.toBe(first.publicKey);
  });

  it('round trip: a meeting with its attachment arrives equal on an empty second store, the key registered on confirmation', async () => {
    const a = await pc('甲区政府办公室');
    const b = await pc('乙区委办公室');
    const m = meeting('m1', { time: '09:00' });
    await a.meetings.create(m, { context: '新建会议' });
    await a.db.attachments.put({
      id: 'att-1',
      ownerId: 'm1',
      name: '会议纪要.pdf',
      mime: 'application/pdf',
      bytes: PDF,
    });
    const prepared = await exportMeetings(a, ['m1']);
    expect(prepared.items).toHaveLength(1);
    expect(prepared.items[0]?.files).toEqual([
      expect.objectContaining({ name: '会议纪要.pdf', size: PDF.length }),
    ]);
    expect(prepared.built.fileName).toMatch(/^HW-[0-9A-F]{8}-\d{8}-meeting-[0-9a-f]{32}\.hwpkt$/);
    expect((await openPacket(prepared.built.bytes)).ok).toBe(true);
    expect((await a.packets.register()).map((r) => [r.direction, r.counterpart])).toEqual([
      ['sent', '区委办公室'],
    ]);

    const { packet, preview } = await importInto(b, prepared.built.bytes);
    expect(preview.trust).toBe('unregistered');
    expect(preview.newRecords.map((r) => r.title)).toEqual(['区政府第m1次常务会议']);
    expect(preview.noop).toBe(false);

    // Not confirmed: nothing is written.
    const before = await snapshot(b);
    expect((await rejection(b.packets.applyImport(preview, new Map()))).message).toContain('指纹');
    expect(await snapshot(b)).toEqual(before);

    const report = await b.packets.applyImport(preview, new Map(), {
      confirmedFingerprint: packet.signer.fingerprint,
    });
    expect(report.applied).toBe(1);
    expect(await b.meetings.get(meetingId('m1'))).toEqual(m);
    const att = await b.db.attachments.get('att-1');
    expect(att?.ownerId).toBe('m1');
    expect(new Uint8Array(att!.bytes as Uint8Array)).toEqual(PDF);
    expect((await b.packets.partners()).map((p) => p.fingerprint)).toEqual([packet.signer.fingerprint]);
    const reg = await b.packets.register({ direction: 'received' });
    expect(reg[0]).toMatchObject({ counterpart: '甲区政府办公室', verdict: '已导入 1 条' });
    const audit = await b.audit.forRecord('meetings', 'm1');
    expect(audit.map((e) => e.action)).toEqual(['create']);
    expect(audit[0]?.context).toContain('导入数据包');
    expect((await b.audit.verify()).ok).toBe(true);
  });

  it('re-importing the same packet changes nothing', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const prepared = await exportMeetings(a, ['m1']);
    await (await importInto(b, prepared.built.bytes)).apply();
    const before = await snapshot(b);
    const again = await importInto(b, prepared.built.bytes);
    expect(again.preview.trust).toBe('registered');
    expect(again.preview.noop).toBe(true);
    expect(again.preview.unchanged.map((r) => r.id)).toEqual(['m1']);
    expect((await rejection(again.apply())).message).toContain('无变化');
    expect(await snapshot(b)).toEqual(before);
  });

  it('a change on one side only is an update, not a conflict', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    const m = meeting('m1');
    await a.meetings.create(m, { context: '新建会议' });
    await (await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes)).apply();
    await a.meetings.update({ ...m, place: '区政府第二会议室' }, { context: '修改会议' });
    const { preview, apply } = await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes);
    expect(preview.conflicts).toEqual([]);
    expect(preview.updated.map((r) => r.id)).toEqual(['m1']);
    await apply();
    expect((await b.meetings.get(meetingId('m1')))?.place).toBe('区政府第二会议室');
    // And back: B edits, A receives it as a direct successor.
    const got = (await b.meetings.get(meetingId('m1')))!;
    await b.meetings.update({ ...got, time: '15:00' }, { context: '修改会议' });
    const back = await importInto(a, (await exportMeetings(b, ['m1'])).built.bytes);
    expect(back.preview.updated.map((r) => r.id)).toEqual(['m1']);
    expect(back.preview.conflicts).toEqual([]);
  });

  it('a conflict is shown with both versions and not overwritten until chosen; 保留本机 keeps both in history', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    const m = meeting('m1');
    await a.meetings.create(m, { context: '新建会议' });
    await (await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes)).apply();
    await a.meetings.update({ ...m, place: '甲改的会议室' }, { context: '修改会议' });
    await b.meetings.update({ ...m, place: '乙改的会议室' }, { context: '修改会议' });
    const bytes = (await exportMeetings(a, ['m1'])).built.bytes;

    const { preview } = await importInto(b, bytes);
    expect(preview.conflicts).toHaveLength(1);
    const c = preview.conflicts[0]!;
    expect(c.key).toBe('meeting/m1');
    expect((c.local as { meeting: Meeting }).meeting.place).toBe('乙改的会议室');
    expect((c.incoming as { meeting: Meeting }).meeting.place).toBe('甲改的会议室');

    const before = await snapshot(b);
    expect((await rejection(b.packets.applyImport(preview, new Map()))).message).toContain('冲突');
    expect(await snapshot(b)).toEqual(before);

    await b.packets.applyImport(preview, new Map([[c.key, 'local' as const]]));
    expect((await b.meetings.get(meetingId('m1')))?.place).toBe('乙改的会议室');
    const entry = (await b.packets.registerEntry(`received-${preview.packet.manifest.packetId}`))!;
    expect(entry.conflicts?.[0]).toMatchObject({ choice: 'local', local: c.local, incoming: c.incoming });
    const last = (await b.audit.forRecord('meetings', 'm1')).at(-1)!;
    expect(last.beforeDigest).toBe(digestOf(c.incoming));
    expect(last.afterDigest).toBe(digestOf(c.local));
    expect(entry.receipt?.conflicts).toEqual([{ type: 'meeting', id: 'm1' }]);

    // The same packet again: the choice stands, nothing changes.
    const again = await importInto(b, bytes);
    expect(again.preview.noop).toBe(true);
  });

  it('采用来件 replaces the local version; the audit keeps both digests', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    const m = meeting('m1');
    await a.meetings.create(m, { context: '新建会议' });
    await (await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes)).apply();
    await a.meetings.update({ ...m, place: '甲改的会议室' }, { context: '修改会议' });
    await b.meetings.update({ ...m, place: '乙改的会议室' }, { context: '修改会议' });
    const { preview } = await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes);
    const localBefore = (await b.meetings.get(meetingId('m1')))!;
    await b.packets.applyImport(preview, new Map([['meeting/m1', 'incoming' as const]]));
    const now = (await b.meetings.get(meetingId('m1')))!;
    expect(now.place).toBe('甲改的会议室');
    const last = (await b.audit.forRecord('meetings', 'm1')).at(-1)!;
    expect(last.beforeDigest).toBe(digestOf(localBefore));
    expect(last.afterDigest).toBe(digestOf(now));
    expect((await b.packets.exchangeState()).get('meeting/m1')).toBe(
      contentHashOf({ meeting: now, attachments: [] }),
    );
  });

  it('refuses a tampered packet, and a known office signing with another key, leaving the store untouched', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const bytes = (await exportMeetings(a, ['m1'])).built.bytes;
    await (await importInto(b, bytes)).apply();
    const before = await snapshot(b);
    for (let i = 0; i < bytes.length; i += Math.floor(bytes.length / 7)) {
      const bad = bytes.slice();
      bad[i]! ^= 0x01;
      const result = await b.packets.open(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Same office id, another key: an impostor (or a re-keyed PC that must be confirmed by phone).
    const ident = await a.packets.identity();
    const packet = (await opens(a, bytes)).manifest;
    const impostor = await buildPacket({
      kind: 'meeting',
      origin: packet.origin,
      createdAt: packet.createdAt,
      operator: packet.operator,
      purpose: '冒充',
      records: [
        {
          type: 'meeting',
          id: 'm1',
          version: 1,
          updatedAt: packet.createdAt,
          data: { meeting: meeting('m1'), attachments: [] },
        },
      ],
      auditHead: { sequence: 0, hash: '0'.repeat(64) },
      key: generateOfficeKey(),
    });
    expect(impostor.manifest.origin.officeId).toBe(ident.officeId);
    const refused = await b.packets.open(impostor.bytes);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.check).toBe('untrusted-key');
      expect(refused.message).toContain('不一致');
    }
    expect(await snapshot(b)).toEqual(before);
  });

  it('encrypted packets: wrong passphrase is a clear message; the right one opens', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    await expect(
      a.packets.prepareExport({
        kind: 'meeting',
        meetingIds: ['m1'],
        recipient: '乙',
        purpose: '报送',
        passphrase: 'short',
      }),
    ).rejects.toThrow(/至少 8 位/);
    const prepared = await exportMeetings(a, ['m1'], '正确的口令12345');
    expect(prepared.built.manifest.encryption).toBeDefined();
    const wrong = await b.packets.open(prepared.built.bytes, '错误的口令12345');
    expect(wrong.ok === false && wrong.check).toBe('wrong-passphrase');
    const none = await b.packets.open(prepared.built.bytes);
    expect(none.ok === false && none.check).toBe('passphrase-required');
    const right = await opens(b, prepared.built.bytes, '正确的口令12345');
    expect(right.records[0]?.meta.id).toBe('m1');
  });

  it('a decisions update brings 督办 progress into the meeting; the meeting stays agreed', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    const d = { id: 'd1' as DecisionId, text: '启动老旧小区改造', progress: [], evidence: [] };
    const m = meeting('m1', { decisions: [d] });
    await a.meetings.create(m, { context: '新建会议' });
    await (await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes)).apply();
    const progressed = {
      ...m,
      decisions: [{ ...d, progress: [{ on: isoDate('2026-03-20'), note: '已完成方案' }] }],
    };
    await a.meetings.update(progressed, { context: '督办进展' });
    const prepared = await a.packets.prepareExport({
      kind: 'decisions-update',
      decisionIds: ['d1'],
      recipient: '乙',
      purpose: '报送督办进展',
    });
    await a.packets.recordSent(prepared, { fileName: prepared.built.fileName });
    const { preview, apply } = await importInto(b, prepared.built.bytes);
    expect(preview.updated.map((r) => r.key)).toEqual(['decision/d1']);
    await apply();
    expect((await b.meetings.get(meetingId('m1')))?.decisions[0]?.progress).toEqual([
      { on: '2026-03-20', note: '已完成方案' },
    ]);
    // The next meeting packet with only A's further change is an update, not a false conflict.
    await a.meetings.update({ ...progressed, place: '新会议室' }, { context: '修改会议' });
    const next = await importInto(b, (await exportMeetings(a, ['m1'])).built.bytes);
    expect(next.preview.conflicts).toEqual([]);
    expect(next.preview.updated.map((r) => r.id)).toEqual(['m1']);
  });

  it('receipts: B answers, A registers the receipt against its sent packet; once only', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const prepared = await exportMeetings(a, ['m1']);
    const report = await (await importInto(b, prepared.built.bytes)).apply();
    const receipt = await b.packets.buildReceipt(report.registerId);
    expect(receipt.manifest.kind).toBe('receipt');
    expect(receipt.manifest.inReplyTo).toBe(prepared.built.manifest.packetId);
    await b.packets.recordReceiptWritten(report.registerId);
    expect((await b.packets.registerEntry(report.registerId))?.receiptWrittenAt).toBeDefined();

    const r = await importInto(a, receipt.bytes);
    expect(r.preview.receipt?.applied).toEqual([expect.objectContaining({ type: 'meeting', id: 'm1' })]);
    await r.apply();
    const sent = await a.packets.registerEntry(`sent-${prepared.built.manifest.packetId}`);
    expect(sent?.verdict).toContain('对方已校验，导入 1 条');
    expect(sent?.receiptReceivedAt).toBeDefined();
    const again = await importInto(a, receipt.bytes);
    expect(again.preview.noop).toBe(true);
  });

  it('refuses its own packets and the public sample key', async () => {
    const a = await pc('甲');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const bytes = (await exportMeetings(a, ['m1'])).built.bytes;
    const own = await importInto(a, bytes);
    expect(own.preview.trust).toBe('self');
    expect(own.preview.blockers[0]).toContain('本机导出');
    const before = await snapshot(a);
    await rejection(own.apply());
    expect(await snapshot(a)).toEqual(before);
  });

  it('a 公文 travels with its PDF; classified content must be encrypted; an unreadable row aborts everything', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    const title = '关于申请重点项目专项资金的请示';
    const doc: OutgoingRecord = {
      doc: {
        id: documentId('doc-1'),
        direction: 'outgoing',
        title,
        kind: 'request',
        issuer: { kind: 'government' },
        flow: 'upward',
        recipientLevel: 'superior',
        draftingUnitId: unitId('sample-u-fgj'),
        necessity: {
          callOrMeetingWouldDo: false,
          concernsOneDepartment: false,
          departmentOwnBusiness: false,
          lawAlreadyProvides: false,
          noRealContent: false,
        },
      },
      createdOn: isoDate('2026-03-02'),
      mainRecipients: [{ name: '示例市人民政府' }],
      ccRecipients: [],
      versions: [
        {
          version: 1,
          savedAt: '2026-03-02 09:00',
          savedBy: '文书',
          title,
          body: [{ level: 0, text: '市政府：' }],
        },
      ],
      deliveries: [],
      tasks: [],
    };
    await a.outgoing.create(doc, { context: '起草发文' });
    const noPdf = await rejection(
      a.packets.prepareExport({ kind: 'document', documentIds: ['doc-1'], recipient: '乙', purpose: '报送' }),
    );
    expect(noPdf.message).toContain('没有 PDF');
    await a.outgoing.addAttachment(
      documentId('doc-1'),
      { name: '签发稿.pdf', mime: 'application/pdf', bytes: PDF },
      { context: '附件' },
    );
    expect((await a.packets.documentCandidates()).map((d) => d.title)).toEqual([title]);
    const prepared = await a.packets.prepareExport({
      kind: 'document',
      documentIds: ['doc-1'],
      recipient: '乙',
      purpose: '报送请示',
    });
    expect(prepared.items[0]?.files.map((f) => f.name)).toEqual(['签发稿.pdf']);
    const { preview, apply } = await importInto(b, prepared.built.bytes);
    expect(preview.newRecords.map((r) => r.title)).toEqual([title]);
    await apply();
    expect((await b.outgoing.get(documentId('doc-1')))?.doc.title).toBe(title);
    expect((await b.outgoing.attachments(documentId('doc-1'))).map((x) => x.name)).toEqual(['签发稿.pdf']);
    expect((await importInto(b, prepared.built.bytes)).preview.noop).toBe(true);

    // 密级 requires a passphrase.
    const row = (await a.db.documents.get('doc-1'))!;
    await a.db.documents.put({ ...row, classification: 'secret' });
    const classified = await rejection(
      a.packets.prepareExport({ kind: 'document', documentIds: ['doc-1'], recipient: '乙', purpose: '报送' }),
    );
    expect(classified.message).toContain('必须设置口令');

    // A row this PC cannot read (a broken record) rolls the whole import back.
    const c = await pc('丙');
    await a.db.documents.put({ ...row, id: 'doc-2', record: { broken: true } });
    await a.db.attachments.put({
      id: 'att-2',
      ownerId: 'doc-2',
      name: 'x.pdf',
      mime: 'application/pdf',
      bytes: PDF,
    });
    const bad = await a.packets.prepareExport({
      kind: 'document',
      documentIds: ['doc-2'],
      recipient: '丙',
      purpose: '报送',
    });
    await c.packets.identity(); // the key is made on first use, not by the import
    const before = await snapshot(c);
    const e = await rejection((await importInto(c, bad.built.bytes)).apply());
    expect(e.message).toContain('未导入');
    expect(await snapshot(c)).toEqual(before);
  });

  it('filters the register by direction, kind and text', async () => {
    const a = await pc('甲');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    await a.meetings.create(meeting('m2'), { context: '新建会议' });
    await exportMeetings(a, ['m1']);
    await exportMeetings(a, ['m2']);
    expect(await a.packets.register({ text: 'm2次' })).toHaveLength(1);
    expect(await a.packets.register({ direction: 'received' })).toHaveLength(0);
    expect(await a.packets.register({ kind: 'meeting' })).toHaveLength(2);
  });
});

describe('packets: generated meeting PDFs and the read-back verdict', () => {
  it('carries generated PDFs with the meeting (hashed, signed) without changing its data', async () => {
    const a = await pc('甲');
    const b = await pc('乙');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const prepared = await a.packets.prepareExport({
      kind: 'meeting',
      meetingIds: ['m1'],
      recipient: '乙',
      purpose: '报送',
      generatedFiles: { m1: [{ slug: 'notice', name: '会议通知.pdf', bytes: PDF }] },
    });
    expect(prepared.items[0]?.files.map((f) => f.name)).toEqual(['会议通知.pdf']);
    const packet = await opens(b, prepared.built.bytes);
    const path = prepared.items[0]!.files[0]!.path;
    expect(path).toMatch(/^files\/m-[0-9a-f]{16}\/g-notice\.pdf$/);
    expect(packet.files.get(path)).toEqual(PDF);
    const { preview, apply } = await importInto(b, prepared.built.bytes);
    expect(preview.newRecords.map((r) => r.id)).toEqual(['m1']);
    await apply();
    expect(await b.db.attachments.count()).toBe(0);
    await expect(
      a.packets.prepareExport({
        kind: 'meeting',
        meetingIds: ['m1'],
        recipient: '乙',
        purpose: '报送',
        generatedFiles: { m1: [{ slug: '../x', name: 'x.pdf', bytes: PDF }] },
      }),
    ).rejects.toBeInstanceOf(StoreError);
  });

  it('a failed read-back is in the register and counts nothing as sent', async () => {
    const a = await pc('甲');
    await a.meetings.create(meeting('m1'), { context: '新建会议' });
    const prepared = await a.packets.prepareExport({
      kind: 'meeting',
      meetingIds: ['m1'],
      recipient: '乙',
      purpose: '报送',
    });
    const entry = await a.packets.recordSent(prepared, {
      fileName: prepared.built.fileName,
      readBackFailed: '读回的文件与生成的数据包不一致',
    });
    expect(entry.verdict).toContain('写入后读回复核未通过');
    expect((await a.packets.register())[0]?.verdict).toContain('读回的文件与生成的数据包不一致');
    expect((await a.packets.exchangeState()).size).toBe(0);
  });
});
