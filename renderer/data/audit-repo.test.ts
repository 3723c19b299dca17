import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit';
import { matchesAuditFilter } from './audit-repo';
import { auditedWrite } from './audited';
import { openStore } from './index';
import { setCurrentOperator } from './operator';

afterEach(() => setCurrentOperator(undefined));

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  sequence: 1,
  at: '2026-03-02T09:00:00+08:00',
  operatorId: 'o1',
  operatorName: '张管理',
  action: 'create',
  recordType: 'people',
  recordId: 'person-17',
  beforeDigest: null,
  afterDigest: null,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...over,
});

describe('audit filter', () => {
  it('combines operator, type, action, date range and record id', () => {
    const e = entry({});
    expect(matchesAuditFilter(e, {})).toBe(true);
    expect(matchesAuditFilter(e, { operatorId: 'o1', recordType: 'people', action: 'create' })).toBe(true);
    expect(matchesAuditFilter(e, { operatorId: 'o2' })).toBe(false);
    expect(matchesAuditFilter(e, { action: 'delete' })).toBe(false);
    expect(matchesAuditFilter(e, { from: '2026-03-02', to: '2026-03-02' })).toBe(true);
    expect(matchesAuditFilter(e, { from: '2026-03-03' })).toBe(false);
    expect(matchesAuditFilter(e, { to: '2026-03-01' })).toBe(false);
    expect(matchesAuditFilter(e, { recordId: ' son-1 ' })).toBe(true);
    expect(matchesAuditFilter(e, { recordId: 'unit' })).toBe(false);
  });
});

describe('audit query', () => {
  it('returns matching entries newest first, limited, and says when more matched', async () => {
    let day = 1;
    const store = await openStore(`audit-query-${Math.random()}`);
    const { db } = store;
    for (const [i, who] of ['甲', '乙', '甲', '乙', '甲'].entries()) {
      setCurrentOperator({ id: who, name: who, role: 'admin' });
      await auditedWrite(
        db,
        [db.meetings],
        { context: '保存会议', now: () => new Date(`2026-03-0${day++}T10:00:00+08:00`) },
        async (log) => {
          await db.meetings.put({ id: `m${i}` });
          log.record('create', 'meetings', `m${i}`, undefined, { id: `m${i}` });
        },
      );
    }
    const byJia = await store.audit.query({ operatorId: '甲' }, 10);
    expect(byJia.entries.map((e) => e.sequence)).toEqual([5, 3, 1]);
    expect(byJia.truncated).toBe(false);
    const limited = await store.audit.query({}, 2);
    expect(limited.entries.map((e) => e.sequence)).toEqual([5, 4]);
    expect(limited.truncated).toBe(true);
    const ranged = await store.audit.query({ from: '2026-03-02', to: '2026-03-04' }, 10);
    expect(ranged.entries.map((e) => e.sequence)).toEqual([4, 3, 2]);
    const rangedJia = await store.audit.query({ from: '2026-03-02', operatorId: '甲' }, 1);
    expect(rangedJia).toEqual({ entries: [expect.objectContaining({ sequence: 5 })], truncated: true });
    expect(await store.audit.recordTypes()).toEqual(['meetings']);
    store.close();
  });
});
