/**
 * Schemas for registry records: every boundary (forms, store writes, scenario files, packet import) parses
 * through these, so a malformed record is refused with a Chinese message before it reaches a rule.
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/iso-date';
import type { Registry } from './registry';
import type {
  CoverageId,
  EntrustmentId,
  PersonId,
  PortfolioId,
  PostHoldingId,
  TravelId,
  UnitId,
} from './ids';

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD 且为真实日期' })
  .transform((s) => s as IsoDate);

const id = <T extends string>() =>
  z
    .string()
    .min(1, '编号不能为空')
    .max(100)
    .transform((s) => s as T);

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称过长（最多 100 字）');

const dated = <S extends z.ZodRawShape>(shape: S) =>
  z
    .object({ ...shape, from: isoDateSchema, to: isoDateSchema.optional() })
    .strict()
    .refine(
      (r) => {
        const { from, to } = r as { from: IsoDate; to?: IsoDate };
        return to === undefined || from <= to;
      },
      { message: '结束日期不能早于开始日期', path: ['to'] },
    );

export const personSchema = z
  .object({
    id: id<PersonId>(),
    name,
    partyMember: z.boolean(),
    note: z.string().max(500).optional(),
  })
  .strict();

export const postCodeSchema = z.enum([
  'districtHead',
  'partyGroupSecretary',
  'executiveDeputyHead',
  'deputyHead',
  'partyGroupMember',
  'officeDirector',
  'officeDeputyDirector',
  'unitHead',
  'unitLeader',
]);

export const postHoldingSchema = dated({
  id: id<PostHoldingId>(),
  personId: id<PersonId>(),
  post: postCodeSchema,
  unitId: id<UnitId>().optional(),
  title: z.string().max(100).optional(),
}).refine((h) => (h.post === 'unitHead' || h.post === 'unitLeader') === (h.unitId !== undefined), {
  message: '单位负责人职务须指明单位；区政府领导职务不指明单位',
  path: ['unitId'],
});

export const unitSchema = z
  .object({
    id: id<UnitId>(),
    name,
    kind: z.enum(['department', 'township', 'institution', 'specialBody', 'dispatchedBody', 'governmentOffice', 'outside']),
    outsideRole: z
      .enum([
        'partyCommittee',
        'partyCommitteeOffice',
        'congressStandingCommittee',
        'cppcc',
        'court',
        'procuratorate',
        'democraticParty',
        'commerceFederation',
        'peoplesOrganization',
        'nonPartisan',
        'otherGovernment',
        'cityDepartment',
      ])
      .optional(),
    roles: z.array(z.enum(['executiveFixedAttendee', 'legalAffairs', 'supervision'])).optional(),
    parentId: id<UnitId>().optional(),
  })
  .strict()
  .refine((u) => (u.kind === 'outside') === (u.outsideRole !== undefined), {
    message: '区外单位须注明类别（区委、区人大常委会、区政协等），区内单位不注明',
    path: ['outsideRole'],
  });

export const portfolioSchema = dated({
  id: id<PortfolioId>(),
  leaderId: id<PersonId>(),
  unitId: id<UnitId>(),
  relation: z.enum(['inCharge', 'liaison']),
});

export const entrustmentSchema = dated({
  id: id<EntrustmentId>(),
  grantorId: id<PersonId>(),
  granteeId: id<PersonId>(),
  scope: z.enum(['headOfficeMeeting', 'specialTask', 'foreignAffairs']),
  description: z.string().max(500),
  recordedOn: isoDateSchema,
});

export const travelSchema = z
  .object({
    id: id<TravelId>(),
    personId: id<PersonId>(),
    from: isoDateSchema,
    to: isoDateSchema,
    destination: z.string().trim().min(1, '请填写外出地点').max(200),
    purpose: z.string().max(500),
    reportedTo: z.array(z.enum(['districtHead', 'partyCommittee', 'city', 'responsibleLeader'])),
    reportedOn: isoDateSchema,
    approvedBy: id<PersonId>().optional(),
    approvedOn: isoDateSchema.optional(),
  })
  .strict()
  .refine((t) => t.from <= t.to, { message: '返回日期不能早于外出日期', path: ['to'] });

export const coverageSchema = z
  .object({
    id: id<CoverageId>(),
    absentId: id<PersonId>(),
    coveringId: id<PersonId>(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    travelId: id<TravelId>().optional(),
  })
  .strict()
  .refine((c) => c.absentId !== c.coveringId, { message: '代管人不能是外出人本人', path: ['coveringId'] });

export const registrySchema = z
  .object({
    people: z.array(personSchema).default([]),
    posts: z.array(postHoldingSchema).default([]),
    units: z.array(unitSchema).default([]),
    portfolios: z.array(portfolioSchema).default([]),
    entrustments: z.array(entrustmentSchema).default([]),
    travels: z.array(travelSchema).default([]),
    coverages: z.array(coverageSchema).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const people = new Set(r.people.map((p) => p.id));
    const units = new Set(r.units.map((u) => u.id));
    const dup = (xs: readonly { id: string }[], what: string) => {
      const seen = new Set<string>();
      for (const x of xs) {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', message: `${what}编号重复：${x.id}` });
        seen.add(x.id);
      }
    };
    dup(r.people, '人员');
    dup(r.units, '单位');
    const refPerson = (pid: string, where: string) => {
      if (!people.has(pid as PersonId)) ctx.addIssue({ code: 'custom', message: `${where}引用了不存在的人员：${pid}` });
    };
    const refUnit = (uid: string, where: string) => {
      if (!units.has(uid as UnitId)) ctx.addIssue({ code: 'custom', message: `${where}引用了不存在的单位：${uid}` });
    };
    r.posts.forEach((h) => {
      refPerson(h.personId, '任职记录');
      if (h.unitId) refUnit(h.unitId, '任职记录');
    });
    r.portfolios.forEach((p) => {
      refPerson(p.leaderId, '分工记录');
      refUnit(p.unitId, '分工记录');
    });
    r.entrustments.forEach((e) => {
      refPerson(e.grantorId, '委托记录');
      refPerson(e.granteeId, '委托记录');
    });
    r.travels.forEach((t) => refPerson(t.personId, '外出报告'));
    r.coverages.forEach((c) => {
      refPerson(c.absentId, '代管安排');
      refPerson(c.coveringId, '代管安排');
    });
  });

/** Parses unknown data into a Registry or throws a ZodError whose messages are Chinese. */
export function parseRegistry(data: unknown): Registry {
  return registrySchema.parse(data) as Registry;
}
