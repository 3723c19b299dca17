import { describe, expect, it } from 'vitest';
import { finding } from '../../../shared/domain/findings';
import { auditContext, gateOf, groupBySeverity, overrideReasonError } from './gate';

const ref = { kind: 'topic' as const, id: 't1' };
const block = finding('topic.legality', [23], 'block', ref, '未经合法性审查');
const warn = finding('topic.materials', [45], 'warn', ref, '没有登记会议材料');
const warn2 = finding('topic.reportingUnit', [45], 'warn', ref, '没有填写汇报单位');
const info = finding('topic.art27.pending', [27], 'info', ref, '须报区委同意');

describe('gateOf', () => {
  it('blocks on any block finding and cites the article in the reason', () => {
    const g = gateOf([info, warn, block]);
    expect(g.blocked).toBe(true);
    expect(g.reason).toBe('未经合法性审查（第二十三条）');
    expect(g.warnings).toEqual([warn]);
    expect(g.infos).toEqual([info]);
  });
  it('does not block on warnings and infos alone', () => {
    const g = gateOf([warn, info]);
    expect(g.blocked).toBe(false);
    expect(g.reason).toBe('');
  });
});

describe('groupBySeverity', () => {
  it('orders block, warn, info and leaves out empty groups', () => {
    expect(groupBySeverity([info, warn, block, warn2]).map((g) => [g.severity, g.findings.length])).toEqual([
      ['block', 1],
      ['warn', 2],
      ['info', 1],
    ]);
    expect(groupBySeverity([info]).map((g) => g.severity)).toEqual(['info']);
  });
});

describe('override reasons', () => {
  it('requires a real reason', () => {
    expect(overrideReasonError('   ')).toContain('请填写');
    expect(overrideReasonError('。。')).toContain('过短');
    expect(overrideReasonError('材料会上补发')).toBeUndefined();
  });
  it('puts the reason and the overridden rules into the audit context', () => {
    expect(auditContext('审定议题', [warn, warn2, warn], ' 材料会上补发 ')).toBe(
      '审定议题（已说明理由继续：材料会上补发；所涉提示：topic.materials、topic.reportingUnit）',
    );
    expect(auditContext('审定议题', [], undefined)).toBe('审定议题');
  });
});
