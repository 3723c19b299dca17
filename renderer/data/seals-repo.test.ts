import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_META_KEY, OFFICE_META_KEY } from './meta';

import { setFallbackOperator, TEST_OPERATOR } from './operator';
import { checkSealPng, MAX_SEAL_PNG_BYTES, sealsRepository } from './seals-repo';
import { fixedNow, freshStore, rejection } from './test-store';

async function fresh() {
  const store = await freshStore('seals-test');
  return { store, repo: sealsRepository(store.db, fixedNow) };
}
afterEach(() => setFallbackOperator(TEST_OPERATOR));

function chunk(type: string, data: number[]): number[] {
  const len = data.length;
  // CRC left zero: the registry checks structure, not checksums (the PDF engine re-encodes anyway).
  return [
    len >>> 24,
    (len >>> 16) & 255,
    (len >>> 8) & 255,
    len & 255,
    ...[...type].map((c) => c.charCodeAt(0)),
    ...data,
    0,
    0,
    0,
    0,
  ];
}

/** A structurally valid PNG header: IHDR (+ optional tRNS), IDAT, IEND. */
function png(colourType: number, opts: { trns?: boolean; width?: number } = {}): Uint8Array {
  const w = opts.width ?? 4;
  const ihdr = [0, 0, 0, w, 0, 0, 0, 4, 8, colourType, 0, 0, 0];
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...(opts.trns ? chunk('tRNS', [0, 0]) : []),
    ...chunk('IDAT', [1, 2, 3]),
    ...chunk('IEND', []),
  ]);
}

describe('checkSealPng', () => {
  it('accepts RGBA, grey+alpha and tRNS transparency, with the size from IHDR', () => {
    expect(checkSealPng(png(6))).toEqual({ ok: true, width: 4, height: 4 });
    expect(checkSealPng(png(4)).ok).toBe(true);
    expect(checkSealPng(png(3, { trns: true })).ok).toBe(true);
  });

  it('refuses opaque PNGs, other formats and files over 2 MB with a message saying what to do', () => {
    const opaque = checkSealPng(png(2));
    expect(opaque).toMatchObject({ ok: false });
    expect(!opaque.ok && opaque.message).toMatch(/透明/);
    const jpeg = checkSealPng(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(40).fill(0)]));
    expect(!jpeg.ok && jpeg.message).toMatch(/不是 PNG/);
    const big = new Uint8Array(MAX_SEAL_PNG_BYTES + 1);
    big.set(png(6));
    const tooBig = checkSealPng(big);
    expect(!tooBig.ok && tooBig.message).toMatch(/2 MB/);
    const zero = checkSealPng(png(6, { width: 0 }));
    expect(!zero.ok && zero.message).toMatch(/尺寸/);
  });
});

describe('seals repository', () => {
  it('registers a seal as administrator, lists it and audits the registration', async () => {
    const { store, repo } = await fresh();
    const seal = await repo.registerSeal({ name: ' 示例区人民政府办公室 ', unitId: 'u-office', png: png(6) });
    expect(seal).toMatchObject({ name: '示例区人民政府办公室', unitId: 'u-office', width: 4, height: 4 });
    const listed = await repo.listSeals();
    expect(listed.map((s) => s.id)).toEqual([seal.id]);
    expect([...(listed[0]?.png ?? [])]).toEqual([...png(6)]);
    const audit = await store.audit.forRecord('seals', seal.id);
    expect(audit.map((a) => [a.action, a.context])).toEqual([['create', '登记印章“示例区人民政府办公室”']]);
  });

  it('refuses an opaque PNG or a missing name, writing nothing', async () => {
    const { repo } = await fresh();
    const e = await rejection(repo.registerSeal({ name: '', unitId: 'u-office', png: png(2) }));
    expect(e.issues.map((i) => i.path[0])).toEqual(['name', 'png']);
    expect(await repo.listSeals()).toEqual([]);
  });

  it('lets only an administrator register or retire seals; a clerk may still record a use', async () => {
    const { repo } = await fresh();
    const seal = await repo.registerSeal({ name: '办公室印章', unitId: 'u-office', png: png(6) });
    setFallbackOperator({ id: 'p-clerk', name: '李文书', role: 'clerk' });
    const e = await rejection(repo.registerSeal({ name: '另一枚', unitId: 'u-office', png: png(6) }));
    expect(e.message).toMatch(/只有管理员可以登记印章/);
    await rejection(repo.retireSeal(seal.id));
    const use = await repo.recordSealUse({
      sealId: seal.id,
      documentId: 'd',
      documentTitle: '通知',
      copies: 2,
      signed: true,
    });
    expect(use.operatorName).toBe('李文书');
    expect((await repo.listSeals()).map((s) => s.name)).toEqual(['办公室印章']);
  });

  it('retires a seal: hidden from the active list, refused for new uses, audited', async () => {
    const { store, repo } = await fresh();
    const seal = await repo.registerSeal({ name: '旧章', unitId: 'u-office', png: png(6) });
    const retired = await repo.retireSeal(seal.id);
    expect(retired.retiredAt).toBe('2026-03-02T01:00:00.000Z');
    expect(await repo.listSeals()).toEqual([]);
    expect((await repo.listSeals({ includeRetired: true })).map((s) => s.id)).toEqual([seal.id]);
    const e = await rejection(
      repo.recordSealUse({
        sealId: seal.id,
        documentId: 'd1',
        documentTitle: '通知',
        copies: 1,
        signed: true,
      }),
    );
    expect(e.message).toMatch(/已停用/);
    expect((await store.audit.forRecord('seals', seal.id)).map((a) => a.action)).toEqual([
      'create',
      'update',
    ]);
  });

  it('logs a seal use on a signed document with copies and operator, audited', async () => {
    const { store, repo } = await fresh();
    const seal = await repo.registerSeal({ name: '办公室印章', unitId: 'u-office', png: png(6) });
    const use = await repo.recordSealUse({
      sealId: seal.id,
      documentId: 'min-1',
      documentTitle: '第3期常务会议纪要',
      copies: 12,
      signed: true,
    });
    expect(use).toMatchObject({ sealName: '办公室印章', copies: 12, operatorName: TEST_OPERATOR.name });
    expect(await repo.listSealUses('min-1')).toEqual([use]);
    expect(await repo.listSealUses('other')).toEqual([]);
    const audit = await store.audit.forRecord('sealUses', use.id);
    expect(audit.map((a) => a.context)).toEqual(['用印：第3期常务会议纪要（12 份）']);
  });

  it('refuses the seal on an unsigned document, citing art. 54, and bad copy counts', async () => {
    const { repo } = await fresh();
    const seal = await repo.registerSeal({ name: '办公室印章', unitId: 'u-office', png: png(6) });
    const unsigned = await rejection(
      repo.recordSealUse({
        sealId: seal.id,
        documentId: 'd',
        documentTitle: '草稿',
        copies: 1,
        signed: false,
      }),
    );
    expect(unsigned.message).toMatch(/第五十四条/);
    await rejection(
      repo.recordSealUse({
        sealId: seal.id,
        documentId: 'd',
        documentTitle: '草稿',
        copies: 0,
        signed: true,
      }),
    );
    expect(await repo.listSealUses()).toEqual([]);
  });

  it('prints the unit’s registered seal, else the sample seal only for the sample office', async () => {
    const { store, repo } = await fresh();
    expect(await repo.sealForPrint()).toBeUndefined();
    await store.db.meta.put({ key: SAMPLE_META_KEY, value: { loadedOn: '2026-03-02', ids: {} } });
    await store.db.meta.put({ key: OFFICE_META_KEY, value: { name: '示例区人民政府办公室' } });
    expect(await repo.sealForPrint()).toEqual({ seal: { kind: 'sample', organ: '示例区人民政府办公室' } });
    const seal = await repo.registerSeal({ name: '办公室印章', unitId: 'u-office', png: png(6) });
    const chosen = await repo.sealForPrint('u-office');
    expect(chosen?.record?.id).toBe(seal.id);
    expect(chosen?.seal.kind).toBe('png');
  });
});
