import { describe, expect, it } from 'vitest';
import { documentTitle, SECTIONS, sectionOf } from './routes';

describe('route table', () => {
  it('has the sections in navigation order with unique paths', () => {
    expect(SECTIONS.map((s) => s.label)).toEqual([
      '工作台',
      '会议',
      '公文',
      '人员与单位',
      '数据交换',
      '审计日志',
      '操作员',
      '设置',
      '关于',
    ]);
    expect(new Set(SECTIONS.map((s) => s.path)).size).toBe(SECTIONS.length);
  });

  it('finds the section of nested paths and nothing for unknown ones', () => {
    expect(sectionOf('/')?.label).toBe('工作台');
    expect(sectionOf('/meetings')?.label).toBe('会议');
    expect(sectionOf('/meetings/2026-001')?.label).toBe('会议');
    expect(sectionOf('/meetingsx')).toBeUndefined();
    expect(sectionOf('/nowhere')).toBeUndefined();
  });

  it('titles pages in Chinese', () => {
    expect(documentTitle(sectionOf('/about'))).toBe('关于 - 会文');
    expect(documentTitle(sectionOf('/'))).toBe('会文');
    expect(documentTitle(undefined)).toBe('会文');
  });
});
