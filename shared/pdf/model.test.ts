import { describe, expect, it } from 'vitest';
import { chineseDate, defaultDirection, defaultFormat, formatDocNumber } from './model';
import { attendanceLists, meetingNoticeDocument } from './meeting';
import { NOTICE } from '../../test/fixtures/pdf/sample-office';

describe('model helpers', () => {
  it('writes dates with Arabic numerals and no zero padding (7.3.5.4)', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(() => chineseDate('2026/3/5')).toThrow(/YYYY-MM-DD/);
  });

  it('writes 发文字号 with 六角括号', () => {
    expect(formatDocNumber({ prefix: '示政办发', year: 2026, serial: 12 })).toBe('示政办发〔2026〕12号');
  });

  it('sends 请示 and 报告 up, 函 sideways in the letter format, 纪要 and 令 in their own formats', () => {
    expect(defaultDirection('qingshi')).toBe('up');
    expect(defaultDirection('baogao')).toBe('up');
    expect(defaultDirection('han')).toBe('parallel');
    expect(defaultDirection('tongzhi')).toBe('down');
    expect(defaultFormat('han')).toBe('letter');
    expect(defaultFormat('jiyao')).toBe('minutes');
    expect(defaultFormat('mingling')).toBe('order');
    expect(defaultFormat('jueding')).toBe('standard');
  });

  it('splits attendance records into 出席/请假/列席 in record order', () => {
    const lists = attendanceLists([
      { name: '甲', status: 'present' },
      { name: '乙', status: 'absent', reason: '出差' },
      { name: '丙', title: '区财政局局长', status: 'attending' },
      { name: '丁', status: 'present' },
    ]);
    expect(lists).toEqual({
      present: ['甲', '丁'],
      absent: ['乙（出差）'],
      attending: ['丙（区财政局局长）'],
    });
  });

  it('turns a meeting notice into a 通知 with numbered sections and the agenda', () => {
    const doc = meetingNoticeDocument(NOTICE);
    expect(doc.kind).toBe('tongzhi');
    const headings = doc.body.filter((p) => p.level === 1).map((p) => p.heading);
    expect(headings).toEqual([
      '一、会议时间',
      '二、会议地点',
      '三、参会人员',
      '四、会议议程',
      '五、有关要求',
    ]);
    expect(doc.body.filter((p) => p.level === 2).map((p) => p.heading)).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
    ]);
  });
});
