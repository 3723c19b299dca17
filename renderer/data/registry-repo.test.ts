import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../shared/calendar/iso-date';
import { registrySchema } from '../../shared/domain/registry-schema';
import { actingOn } from '../../shared/domain/registry';
import { createSampleOffice, SAMPLE_IDS } from '../../shared/sample';
import { type Store } from './index';
import { freshStore, rejection } from './test-store';

const fresh = (): Promise<Store> => freshStore('registry-test');

const person = { id: 'p1', name: '王明', partyMember: true };
const unit = { id: 'u1', name: '区教育局', kind: 'department' };


describe('registry repository', () => {
  it('creates, updates and deletes, writing one audit entry per change', async () => {
    const { registry, audit } = await fresh();
    await registry.save('people', person);
    await registry.save('people', { ...person, name: '王明远' });
    expect((await registry.load()).people).toEqual([{ ...person, name: '王明远' }]);
    await registry.remove('people', 'p1');
    expect((await registry.load()).people).toEqual([]);
    const entries = await audit.forRecord('people', 'p1');
    expect(entries.map((e) => [e.sequence, e.action, e.context, e.operatorName])).toEqual([
      [1, 'create', '保存人员', '系统管理员'],
      [2, 'update', '保存人员', '系统管理员'],
      [3, 'delete', '删除人员', '系统管理员'],
    ]);
    expect(entries[0]?.beforeDigest).toBeNull();
    expect(entries[1]?.beforeDigest).toBe(entries[0]?.afterDigest);
    expect(entries[2]?.afterDigest).toBeNull();
    expect(entries[0]?.at).toBe('2026-03-02T09:00:00.000+08:00');
    expect(await audit.verify(await audit.head())).toMatchObject({ ok: true, count: 3 });
  });

  it('returns domain records without the derived search field', async () => {
    const { registry, db } = await fresh();
    await registry.save('people', person);
    expect((await db.people.get('p1'))?.pinyinInitials).toBe('wm');
    expect((await registry.load()).people[0]).toEqual(person);
  });

  it('refuses an invalid record with Chinese, per-field messages and writes nothing', async () => {
    const { registry, audit } = await fresh();
    await registry.save('people', person);
    const e = await rejection(
      registry.save('posts', { id: 'h1', personId: 'p1', post: 'deputyHead', from: '2026-02-30', to: '2025-01-01' }),
    );
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/^任职记录未保存：开始日期：日期格式应为 YYYY-MM-DD 且为真实日期/);
    expect(e.issues.map((i) => i.path[0])).toContain('from');
    const missing = await rejection(registry.save('people', { id: 'p2', partyMember: true }));
    expect(missing.message).toBe('人员未保存：名称：此项必填');
    expect(await audit.count()).toBe(1);
  });

  it('refuses a record naming a person or unit that does not exist', async () => {
    const { registry, audit } = await fresh();
    const e = await rejection(
      registry.save('posts', { id: 'h1', personId: 'ghost', post: 'unitHead', unitId: 'u1', from: '2026-01-01' }),
    );
    expect(e.code).toBe('missing-reference');
    expect(e.issues[0]?.path).toEqual(['personId']);
    expect(e.message).toContain('所选人员已不存在');
    expect((await registry.load()).posts).toEqual([]);
    expect(await audit.count()).toBe(0);
  });

  it('refuses a unit that would be its own ancestor', async () => {
    const { registry } = await fresh();
    await registry.save('units', unit);
    await registry.save('units', { id: 'u2', name: '区教育局下属中心', kind: 'institution', parentId: 'u1' });
    const e = await rejection(registry.save('units', { ...unit, parentId: 'u2' }));
    expect(e.message).toContain('上级单位不能是它的下级单位');
  });

  it('refuses to delete a person still referenced, naming what refers to them', async () => {
    const { registry, audit } = await fresh();
    await registry.save('people', person);
    await registry.save('units', unit);
    await registry.save('posts', { id: 'h1', personId: 'p1', post: 'unitHead', unitId: 'u1', from: '2026-01-01' });
    const e = await rejection(registry.remove('people', 'p1'));
    expect(e.code).toBe('referenced');
    expect(e.message).toContain('1 条任职记录');
    expect((await registry.load()).people).toHaveLength(1);
    expect(await audit.count()).toBe(3);
    const gone = await rejection(registry.remove('people', 'nobody'));
    expect(gone.code).toBe('not-found');
  });

  it('loads the sample office in one step, marks it, and clears it with everything depending on it', async () => {
    const store = await fresh();
    const { registry, audit } = store;
    const asOf = isoDate('2026-03-02');
    const sample = createSampleOffice(asOf);
    await registry.save('people', { id: 'own', name: '自录人员', partyMember: false });
    await registry.loadSample(sample, asOf, '示例区人民政府办公室');
    expect(await store.officeName()).toBe('示例区人民政府办公室');
    const loaded = await registry.load();
    expect(registrySchema.safeParse(loaded).success).toBe(true);
    expect(loaded.people).toHaveLength(sample.people.length + 1);
    expect(actingOn(loaded, asOf).map((a) => a.absentId)).toEqual([SAMPLE_IDS.deputies[0]]);
    expect((await registry.sampleInfo())?.loadedOn).toBe(asOf);
    await expect(registry.loadSample(sample, asOf)).rejects.toThrow('示例数据已经载入');

    // A record the clerk added that depends on a sample person goes with the sample.
    await registry.save('travels', {
      id: 'own-trip',
      personId: SAMPLE_IDS.districtHead,
      from: '2026-04-01',
      to: '2026-04-02',
      destination: '示例市',
      purpose: '开会',
      reportedTo: ['partyCommittee'],
      reportedOn: '2026-03-20',
    });
    const before = await audit.count();
    const total = Object.values(sample).reduce((s, xs: readonly unknown[]) => s + xs.length, 0);
    expect(await registry.clearSample()).toBe(total + 1);
    const after = await registry.load();
    expect(after.people).toEqual([{ id: 'own', name: '自录人员', partyMember: false }]);
    expect(after.travels).toEqual([]);
    expect(await registry.sampleInfo()).toBeUndefined();
    expect(await audit.count()).toBe(before + total + 3); // each record + the sample flag + the office name
    expect(await store.officeName()).toBeUndefined();
    expect((await audit.latest(1))[0]?.context).toBe('清除示例数据');
    expect(await audit.verify(await audit.head())).toMatchObject({ ok: true });
    expect(await registry.clearSample()).toBe(0);
  });

  it('leaves nothing, not even audit entries, when a sample load fails half-way', async () => {
    const { registry, audit } = await fresh();
    const sample = createSampleOffice(isoDate('2026-03-02'));
    // The last coverage names a person that is not in the sample: refs are checked inside the transaction.
    const broken = {
      ...sample,
      coverages: [...sample.coverages, { id: 'bad', absentId: SAMPLE_IDS.districtHead, coveringId: 'ghost' }],
    };
    const e = await rejection(registry.loadSample(broken as typeof sample, '2026-03-02'));
    expect(e.code).toBe('missing-reference');
    const after = await registry.load();
    expect(after.people).toEqual([]);
    expect(after.units).toEqual([]);
    expect(await audit.count()).toBe(0);
    expect(await registry.sampleInfo()).toBeUndefined();
  });
});

describe('registry rights (issue 4: only an administrator manages the registry)', () => {
  it('refuses every registry write from a 文书 with a Chinese message, and stores nothing', async () => {
    const { setCurrentOperator } = await import('./operator');
    const store = await fresh();
    setCurrentOperator({ id: 'c1', name: '李文书', role: 'clerk' });
    try {
      await expect(store.registry.save('people', person)).rejects.toThrow(/只有管理员可以修改人员与单位/);
      await expect(store.registry.remove('people', 'p1')).rejects.toThrow(/只有管理员/);
      await expect(store.registry.clearSample()).rejects.toThrow(/只有管理员可以清除示例数据/);
      expect(await store.audit.count()).toBe(0);
      setCurrentOperator({ id: 'a1', name: '张管理', role: 'admin' });
      await store.registry.save('people', person);
      expect((await store.audit.latest(1))[0]?.operatorName).toBe('张管理');
    } finally {
      setCurrentOperator(undefined);
    }
  });
});
