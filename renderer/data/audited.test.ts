import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { personId } from '../../shared/domain/ids';
import { auditedWrite } from './audited';
import { openStore } from './index';

describe('auditedWrite', () => {
  it('stores nothing, not even the audit entries, when the action fails after writing', async () => {
    const store = await openStore(`audited-${Math.random()}`);
    const { db } = store;
    await expect(
      auditedWrite(db, [db.people], { context: '测试' }, async (log) => {
        await db.people.put({ id: personId('x'), name: '甲', partyMember: true, pinyinInitials: 'j' });
        log.record('create', 'people', 'x', undefined, { id: 'x' });
        throw new Error('模拟故障');
      }),
    ).rejects.toThrow(/未改动任何数据/);
    expect(await db.people.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    store.close();
  });

  it('chains entries across separate actions and reports the head', async () => {
    const store = await openStore(`audited-chain-${Math.random()}`);
    const { db, audit } = store;
    for (const id of ['a', 'b', 'c']) {
      await auditedWrite(db, [db.meetings], { context: '保存会议' }, async (log) => {
        await db.meetings.put({ id });
        log.record('create', 'meetings', id, undefined, { id });
      });
    }
    const head = await audit.head();
    expect(head?.sequence).toBe(3);
    expect(await audit.verify(head)).toEqual({ ok: true, count: 3, head });
    // A forged edit straight into IndexedDB is caught.
    await db.audit.update(2, { recordId: 'z' });
    expect(await audit.verify(head)).toMatchObject({ ok: false, sequence: 2, problem: 'hash' });
    store.close();
  });

  it('serialises concurrent actions so sequence numbers never collide', async () => {
    const store = await openStore(`audited-concurrent-${Math.random()}`);
    const { db, audit } = store;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        auditedWrite(db, [db.topics], { context: '并发' }, async (log) => {
          await db.topics.put({ id: `t${i}` });
          log.record('create', 'topics', `t${i}`, undefined, { id: `t${i}` });
        }),
      ),
    );
    expect(await audit.verify()).toMatchObject({ ok: true, count: 10 });
    store.close();
  });
});
