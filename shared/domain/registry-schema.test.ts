import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import office from '../../test/scenarios/registries/office.json';
import { emptyRegistry } from './registry';
import { isoDateSchema, parseRegistry, registrySchema } from './registry-schema';

const messages = (data: unknown): string[] => {
  const r = registrySchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const person = (id: string) => ({ id, name: `人员${id}`, partyMember: true });
const unit = (id: string) => ({ id, name: `单位${id}`, kind: 'department' });

describe('registry schema', () => {
  it('parses the sample office and defaults missing lists to empty', () => {
    expect(parseRegistry(office).people).toHaveLength(21);
    expect(parseRegistry({})).toEqual(emptyRegistry);
  });

  it('refuses impossible dates in Chinese', () => {
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(
      messages({
        posts: [{ id: 'h', personId: 'a', post: 'districtHead', from: '2026-13-01' }],
        people: [person('a')],
      }),
    ).toContain('日期格式应为 YYYY-MM-DD 且为真实日期');
  });

  it('refuses a term that ends before it starts, and a unit post without a unit', () => {
    const people = [person('a')];
    expect(
      messages({
        people,
        posts: [{ id: 'h', personId: 'a', post: 'deputyHead', from: '2026-03-01', to: '2026-02-01' }],
      }),
    ).toContain('结束日期不能早于开始日期');
    expect(
      messages({ people, posts: [{ id: 'h', personId: 'a', post: 'unitHead', from: '2026-03-01' }] }),
    ).toContain('单位负责人职务须指明单位；区政府领导职务不指明单位');
  });

  it('refuses duplicates and dangling references', () => {
    const m = messages({
      people: [person('a'), person('a')],
      units: [unit('u'), unit('u')],
      posts: [{ id: 'h', personId: 'x', post: 'unitHead', unitId: 'v', from: '2026-01-01' }],
      portfolios: [{ id: 'p', leaderId: 'x', unitId: 'v', relation: 'inCharge', from: '2026-01-01' }],
      entrustments: [
        {
          id: 'e',
          grantorId: 'x',
          granteeId: 'a',
          scope: 'specialTask',
          description: '',
          from: '2026-01-01',
          recordedOn: '2026-01-01',
        },
      ],
      travels: [
        {
          id: 't',
          personId: 'x',
          from: '2026-01-02',
          to: '2026-01-03',
          destination: '兰州',
          purpose: '',
          reportedTo: [],
          reportedOn: '2026-01-01',
        },
      ],
      coverages: [{ id: 'c', absentId: 'x', coveringId: 'a' }],
    });
    expect(m).toEqual(
      expect.arrayContaining([
        '人员编号重复：a',
        '单位编号重复：u',
        '任职记录引用了不存在的人员：x',
        '任职记录引用了不存在的单位：v',
        '分工记录引用了不存在的人员：x',
        '分工记录引用了不存在的单位：v',
        '委托记录引用了不存在的人员：x',
        '外出报告引用了不存在的人员：x',
        '代管安排引用了不存在的人员：x',
      ]),
    );
  });

  it('refuses an outside body without its role, a self-coverage and a trip that ends before it starts', () => {
    expect(messages({ units: [{ id: 'u', name: '区委', kind: 'outside' }] })[0]).toMatch(
      /区外单位须注明类别/,
    );
    expect(
      messages({ people: [person('a')], coverages: [{ id: 'c', absentId: 'a', coveringId: 'a' }] }),
    ).toContain('代管人不能是外出人本人');
    expect(
      messages({
        people: [person('a')],
        travels: [
          {
            id: 't',
            personId: 'a',
            from: '2026-01-05',
            to: '2026-01-03',
            destination: '兰州',
            purpose: '',
            reportedTo: [],
            reportedOn: '2026-01-01',
          },
        ],
      }),
    ).toContain('返回日期不能早于外出日期');
    expect(messages({ people: [{ id: 'a', name: '  ', partyMember: true }] })).toContain('名称不能为空');
  });

  it('throws a ZodError from parseRegistry', () => {
    expect(() => parseRegistry({ people: [{ id: '' }] })).toThrow(z.ZodError);
  });
});
