import { describe, expect, it } from 'vitest';
import { chunkRanges, conflictFields, displayValue, formatBytes } from './exchange-model';

describe('exchange model', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 字节');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('splits a packet into chunks that cover every byte once', () => {
    expect(chunkRanges(0, 4)).toEqual([]);
    expect(chunkRanges(10, 4)).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(() => chunkRanges(10, 0)).toThrow();
  });

  it('lists only the differing fields of a meeting, labelled in Chinese, with attachments', () => {
    const base = { id: 'm1', title: '常务会议', place: '一楼', state: 'planned', topics: [] };
    const diff = conflictFields(
      'meeting',
      { meeting: { ...base, place: '二楼' }, attachments: [] },
      { meeting: { ...base, place: '三楼', state: 'held' }, attachments: [{ id: 'a', name: '纪要.pdf' }] },
    );
    expect(diff).toEqual([
      { field: 'place', label: '会议地点', local: '二楼', incoming: '三楼' },
      { field: 'state', label: '会议状态', local: '筹备', incoming: '已召开' },
      { field: 'attachments', label: '附件', local: '（无）', incoming: '1 项：纪要.pdf' },
    ]);
  });

  it('compares 公文 rows by title, 文号 and 密级', () => {
    const row = (documentNumber: string) => ({
      row: { id: 'd', title: '请示', documentNumber },
      attachments: [],
    });
    expect(conflictFields('document', row('区政发〔2026〕1号'), row('区政发〔2026〕2号'))).toEqual([
      { field: 'documentNumber', label: '文号', local: '区政发〔2026〕1号', incoming: '区政发〔2026〕2号' },
    ]);
  });

  it('labels postponement and cancellation with their reasons', () => {
    const m = (extra: object) => ({ meeting: { id: 'm1', ...extra }, attachments: [] });
    expect(
      conflictFields(
        'meeting',
        m({ cancelled: { reason: '议题未备好' } }),
        m({ postponed: { reason: '外出' } }),
      ),
    ).toEqual([
      { field: 'postponed', label: '延期', local: '（空）', incoming: '原因：外出' },
      { field: 'cancelled', label: '取消', local: '原因：议题未备好', incoming: '（空）' },
    ]);
  });

  it('shows decision progress as dated notes', () => {
    const d = (progress: unknown[]) => ({ meetingId: 'm1', decision: { id: 'd1', text: '改造', progress } });
    expect(conflictFields('decision', d([]), d([{ on: '2026-03-01', note: '已启动' }]))).toEqual([
      { field: 'progress', label: '办理进展', local: '（无）', incoming: '1 项：2026-03-01 已启动' },
    ]);
    expect(displayValue('x', undefined)).toBe('（空）');
  });
});
