/**
 * A fictional district office for first runs, demos, PDF samples, scenarios and e2e tests: 示例区人民政府.
 * Every name is invented. Dates are relative to `asOf`, so the sample always has a trip "in the coming weeks"
 * and one "today", and the output is deterministic for a given `asOf`.
 */
import { addDays, type IsoDate } from '../calendar/iso-date';
import { personId } from '../domain/ids';
import type {
  CoverageId,
  EntrustmentId,
  PersonId,
  PortfolioId,
  PostHoldingId,
  TravelId,
  UnitId,
} from '../domain/ids';
import type {
  Coverage,
  Entrustment,
  OutsideBodyRole,
  Person,
  Portfolio,
  PortfolioRelation,
  PostCode,
  PostHolding,
  Registry,
  TravelReport,
  Unit,
  UnitKind,
  UnitRole,
} from '../domain/registry';

export const SAMPLE_DISTRICT = '示例区';
export const SAMPLE_OFFICE_NAME = '示例区人民政府办公室';

/** Ids of the people other samples and tests refer to by role. */
export const SAMPLE_IDS = {
  districtHead: 'sample-p-head' as PersonId,
  executiveDeputy: 'sample-p-exec' as PersonId,
  deputies: ['sample-p-dep1', 'sample-p-dep2', 'sample-p-dep3', 'sample-p-dep4'].map(personId),
  nonPartyDeputy: 'sample-p-dep3' as PersonId,
  partyGroupMember: 'sample-p-pgm' as PersonId,
  officeDirector: 'sample-p-odir' as PersonId,
  officeDeputies: ['sample-p-odep1', 'sample-p-odep2'].map(personId),
  office: 'sample-u-office' as UnitId,
  /** The 区长's trip in the coming weeks (acting-chair flows). */
  headTrip: 'sample-t-head' as TravelId,
  /** A deputy away today, so 今日代管情况 is never empty. */
  deputyTripToday: 'sample-t-dep1' as TravelId,
} as const;

/** Days from `asOf` of the 区长's trip: first and last day away. */
export const HEAD_TRIP_OFFSET = { from: 7, to: 10 } as const;

interface UnitSeed {
  readonly key: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly roles?: readonly UnitRole[];
  readonly outsideRole?: OutsideBodyRole;
  readonly parent?: string;
  /** Head's title, for outside bodies (区委书记, 区人大常委会主任 …). */
  readonly headTitle?: string;
}

const DEPARTMENTS: readonly UnitSeed[] = [
  ['fgj', '区发展和改革局'],
  ['jyj', '区教育局'],
  ['kjj', '区科学技术局'],
  ['gxj', '区工业和信息化局'],
  ['gaj', '区公安分局'],
  ['mzj', '区民政局'],
  ['sfj', '区司法局'],
  ['czj', '区财政局'],
  ['rsj', '区人力资源和社会保障局'],
  ['zrj', '区自然资源局'],
  ['hbj', '区生态环境分局'],
  ['jsj', '区住房和城乡建设局'],
  ['jtj', '区交通运输局'],
  ['slj', '区水务局'],
  ['nyj', '区农业农村局'],
  ['swj', '区商务局'],
  ['wlj', '区文化和旅游局'],
  ['wjj', '区卫生健康局'],
  ['tyj', '区退役军人事务局'],
  ['yjj', '区应急管理局'],
  ['sjj', '区审计局'],
  ['scj', '区市场监督管理局'],
  ['tjj', '区统计局'],
  ['ybj', '区医疗保障局'],
  ['cgj', '区城市管理局'],
].map(([key, name]) => ({ key: key as string, name: name as string, kind: 'department' as const }));

/** The fixed attendees of 常务会议 (art. 42). Named as today; the roles, not the names, drive the rules. */
const FIXED_ATTENDEES: readonly UnitSeed[] = [
  { key: 'jcw', name: '区监察委员会', kind: 'department', roles: ['executiveFixedAttendee'] },
  { key: 'dck', name: '区督查考核局', kind: 'department', roles: ['executiveFixedAttendee', 'supervision'] },
  { key: 'fzb', name: '区政府法制办公室', kind: 'department', roles: ['executiveFixedAttendee', 'legalAffairs'] },
];

const TOWNSHIPS: readonly UnitSeed[] = [
  '青石镇', '白杨镇', '柳河镇', '东岭乡', '西川镇', '南原乡', '北塬镇', '杏林镇',
  '桃园乡', '松岗镇', '梅溪乡', '石桥镇', '新安镇', '永宁乡', '清泉镇',
].map((name, i) => ({ key: `tw${String(i + 1).padStart(2, '0')}`, name, kind: 'township' as const }));

const OTHERS: readonly UnitSeed[] = [
  { key: 'office', name: SAMPLE_OFFICE_NAME, kind: 'governmentOffice' },
  { key: 'dag', name: '区档案馆', kind: 'institution', parent: 'office' },
  { key: 'cdc', name: '区疾病预防控制中心', kind: 'institution', parent: 'wjj' },
  { key: 'aqw', name: '区安全生产委员会', kind: 'specialBody' },
  { key: 'kfq', name: '示例经济技术开发区管委会', kind: 'dispatchedBody' },
];

const OUTSIDE: readonly UnitSeed[] = [
  { key: 'qw', name: '中共示例区委员会', kind: 'outside', outsideRole: 'partyCommittee', headTitle: '区委书记' },
  { key: 'qwb', name: '中共示例区委办公室', kind: 'outside', outsideRole: 'partyCommitteeOffice', headTitle: '区委办公室主任' },
  { key: 'rd', name: '示例区人大常委会', kind: 'outside', outsideRole: 'congressStandingCommittee', headTitle: '区人大常委会主任' },
  { key: 'zx', name: '政协示例区委员会', kind: 'outside', outsideRole: 'cppcc', headTitle: '区政协主席' },
  { key: 'fy', name: '示例区人民法院', kind: 'outside', outsideRole: 'court', headTitle: '区人民法院院长' },
  { key: 'jcy', name: '示例区人民检察院', kind: 'outside', outsideRole: 'procuratorate', headTitle: '区人民检察院检察长' },
  { key: 'gsl', name: '示例区工商业联合会', kind: 'outside', outsideRole: 'commerceFederation', headTitle: '区工商联主席' },
  { key: 'mg', name: '民革示例区支部', kind: 'outside', outsideRole: 'democraticParty', headTitle: '民革示例区支部主委' },
  { key: 'zgh', name: '示例区总工会', kind: 'outside', outsideRole: 'peoplesOrganization', headTitle: '区总工会主席' },
  { key: 'wdp', name: '示例区无党派人士联谊会', kind: 'outside', outsideRole: 'nonPartisan', headTitle: '联谊会会长' },
];

const uid = (key: string) => `sample-u-${key}` as UnitId;

// Invented names: surname and given-name pools combined deterministically, skipping the leaders' names.
const SURNAMES = '赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁马方任袁柳'.split('');
const GIVEN = [
  '建华', '志强', '秀兰', '海燕', '国庆', '文博', '晓峰', '春梅', '立军', '雪松', '宏伟', '丽娟', '永康', '思远',
  '嘉禾', '红霞', '德胜', '明轩', '玉兰', '振东', '向阳', '静怡', '兴邦', '书琴', '俊杰', '慧敏', '长青', '若谷',
  '卫东', '晓云', '鹏程', '凤英', '启航', '子涵', '怀远', '佳宁',
];

interface Leader {
  readonly id: PersonId;
  readonly name: string;
  readonly partyMember: boolean;
}

const LEADERS: readonly Leader[] = [
  { id: SAMPLE_IDS.districtHead, name: '赵志远', partyMember: true },
  { id: SAMPLE_IDS.executiveDeputy, name: '钱德明', partyMember: true },
  { id: 'sample-p-dep1' as PersonId, name: '孙丽华', partyMember: true },
  { id: 'sample-p-dep2' as PersonId, name: '王明', partyMember: true },
  { id: 'sample-p-dep3' as PersonId, name: '周清和', partyMember: false },
  { id: 'sample-p-dep4' as PersonId, name: '郑海涛', partyMember: true },
  { id: SAMPLE_IDS.partyGroupMember, name: '冯建军', partyMember: true },
  { id: SAMPLE_IDS.officeDirector, name: '陈晓东', partyMember: true },
  { id: 'sample-p-odep1' as PersonId, name: '褚红梅', partyMember: true },
  { id: 'sample-p-odep2' as PersonId, name: '卫国强', partyMember: false },
  { id: 'sample-p-odir-old' as PersonId, name: '蒋文清', partyMember: true },
];

function nameGenerator(taken: ReadonlySet<string>): () => string {
  const used = new Set(taken);
  let i = 0;
  return () => {
    for (;;) {
      const s = SURNAMES[(i * 7) % SURNAMES.length] as string;
      const g = GIVEN[(i * 5 + Math.floor(i / GIVEN.length)) % GIVEN.length] as string;
      i++;
      const name = s + g;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export function createSampleOffice(asOf: IsoDate): Registry {
  const day = (offset: number) => addDays(asOf, offset);
  const termStart = day(-720);
  const people: Person[] = LEADERS.map((l) => ({ ...l }));
  const posts: PostHolding[] = [];
  const units: Unit[] = [];
  const portfolios: Portfolio[] = [];
  let postN = 0;
  const hold = (personId: PersonId, post: PostCode, extra: Partial<PostHolding> = {}) => {
    postN++;
    posts.push({
      id: `sample-h-${String(postN).padStart(3, '0')}` as PostHoldingId,
      personId,
      post,
      from: termStart,
      ...extra,
    });
  };

  // Government leadership (arts. 4–9).
  const [dep1, dep2, dep3, dep4] = SAMPLE_IDS.deputies as [PersonId, PersonId, PersonId, PersonId];
  hold(SAMPLE_IDS.districtHead, 'districtHead');
  hold(SAMPLE_IDS.districtHead, 'partyGroupSecretary', { title: '区政府党组书记' });
  hold(SAMPLE_IDS.executiveDeputy, 'executiveDeputyHead');
  hold(SAMPLE_IDS.executiveDeputy, 'partyGroupMember', { title: '区政府党组副书记' });
  for (const d of [dep1, dep2, dep4]) {
    hold(d, 'deputyHead');
    hold(d, 'partyGroupMember');
  }
  hold(dep3, 'deputyHead', { title: '副区长（党外）' });
  hold(SAMPLE_IDS.partyGroupMember, 'partyGroupMember');
  // History: the office director changed a year ago, so old records name the former one.
  hold('sample-p-odir-old' as PersonId, 'officeDirector', { to: day(-366) });
  hold(SAMPLE_IDS.officeDirector, 'officeDirector', { from: day(-365) });
  for (const d of SAMPLE_IDS.officeDeputies) hold(d, 'officeDeputyDirector');

  const newName = nameGenerator(new Set(LEADERS.map((l) => l.name)));
  let personN = 0;
  const newPerson = (partyMember = true): PersonId => {
    personN++;
    const id = `sample-p-${String(personN).padStart(3, '0')}` as PersonId;
    people.push({ id, name: newName(), partyMember });
    return id;
  };

  const seeds = [...OTHERS, ...FIXED_ATTENDEES, ...DEPARTMENTS, ...TOWNSHIPS, ...OUTSIDE];
  for (const s of seeds) {
    units.push({
      id: uid(s.key),
      name: s.name,
      kind: s.kind,
      ...(s.roles ? { roles: [...s.roles] } : {}),
      ...(s.outsideRole ? { outsideRole: s.outsideRole } : {}),
      ...(s.parent ? { parentId: uid(s.parent) } : {}),
    });
    if (s.kind === 'governmentOffice') continue; // its director holds officeDirector instead
    if (s.key === 'gaj') {
      // The party-group member who is not a deputy heads the police (a common arrangement).
      hold(SAMPLE_IDS.partyGroupMember, 'unitHead', { unitId: uid(s.key), title: '区公安分局局长' });
      continue;
    }
    const headTitle = s.headTitle ?? (s.kind === 'township' ? `${s.name}${s.name.endsWith('乡') ? '乡长' : '镇长'}` : undefined);
    hold(newPerson(s.outsideRole !== 'democraticParty' && s.outsideRole !== 'nonPartisan'), 'unitHead', {
      unitId: uid(s.key),
      ...(headTitle ? { title: headTitle } : {}),
    });
    if (s.key === 'rd' || s.key === 'zx') {
      hold(newPerson(), 'unitLeader', {
        unitId: uid(s.key),
        title: s.key === 'rd' ? '区人大常委会副主任' : '区政协副主席',
      });
    }
  }

  // Portfolios (art. 8): every department and township is 分管 by one deputy; some outside bodies 联系.
  let portN = 0;
  const portfolio = (leaderId: PersonId, key: string, relation: PortfolioRelation) => {
    portN++;
    portfolios.push({
      id: `sample-f-${String(portN).padStart(3, '0')}` as PortfolioId,
      leaderId,
      unitId: uid(key),
      relation,
      from: termStart,
    });
  };
  const inCharge = [SAMPLE_IDS.executiveDeputy, dep1, dep2, dep3, dep4];
  [...FIXED_ATTENDEES, ...DEPARTMENTS].forEach((s, i) =>
    portfolio(inCharge[i % inCharge.length] as PersonId, s.key, 'inCharge'),
  );
  TOWNSHIPS.forEach((s, i) => portfolio(inCharge[(i + 2) % inCharge.length] as PersonId, s.key, 'inCharge'));
  portfolio(SAMPLE_IDS.executiveDeputy, 'kfq', 'inCharge');
  portfolio(dep4, 'aqw', 'inCharge');
  portfolio(dep1, 'fy', 'liaison');
  portfolio(dep1, 'jcy', 'liaison');
  portfolio(dep3, 'gsl', 'liaison');
  portfolio(dep3, 'mg', 'liaison');
  portfolio(dep2, 'zgh', 'liaison');

  const entrustments: Entrustment[] = [
    {
      id: 'sample-e-001' as EntrustmentId,
      grantorId: SAMPLE_IDS.districtHead,
      granteeId: SAMPLE_IDS.executiveDeputy,
      scope: 'headOfficeMeeting',
      description: '受区长委托，主持召开研究经济运行和项目建设事项的区长办公会议',
      from: day(-300),
      recordedOn: day(-300),
    },
  ];

  const departmentHeadOf = (key: string) =>
    posts.find((h) => h.post === 'unitHead' && h.unitId === uid(key))?.personId as PersonId;
  const travels: TravelReport[] = [
    {
      id: SAMPLE_IDS.headTrip,
      personId: SAMPLE_IDS.districtHead,
      from: day(HEAD_TRIP_OFFSET.from),
      to: day(HEAD_TRIP_OFFSET.to),
      destination: '示例市',
      purpose: '参加全市经济工作会议并考察学习',
      reportedTo: ['partyCommittee', 'city'],
      reportedOn: asOf,
    },
    {
      id: SAMPLE_IDS.deputyTripToday,
      personId: dep1,
      from: day(-1),
      to: day(2),
      destination: '省城',
      purpose: '参加全省教育工作培训班',
      // Deputies and party-group members report to the 区长 and the 区委 beforehand (art. 59).
      reportedTo: ['districtHead', 'partyCommittee'],
      reportedOn: day(-5),
    },
    {
      id: 'sample-t-dep3' as TravelId,
      personId: dep3,
      from: day(14),
      to: day(16),
      destination: '邻省某市',
      purpose: '招商引资项目洽谈',
      reportedTo: ['districtHead', 'partyCommittee'],
      reportedOn: asOf,
    },
    {
      id: 'sample-t-fgj' as TravelId,
      personId: departmentHeadOf('fgj'),
      from: day(-40),
      to: day(-38),
      destination: '示例市',
      purpose: '汇报重点项目申报',
      // Department heads report to their leader, who agrees first; then the 区委 is told (art. 59).
      reportedTo: ['responsibleLeader', 'partyCommittee'],
      reportedOn: day(-43),
      approvedBy: portfolios.find((p) => p.unitId === uid('fgj') && p.relation === 'inCharge')?.leaderId as PersonId,
      approvedOn: day(-44),
    },
  ];

  // Standing 代管 pairs (art. 9), and one arrangement for a particular trip that overrides the standing one.
  const pairs: readonly (readonly [PersonId, PersonId])[] = [
    [SAMPLE_IDS.executiveDeputy, dep1],
    [dep1, dep2],
    [dep2, dep1],
    [dep3, dep4],
    [dep4, dep3],
  ];
  const coverages: Coverage[] = pairs.map(([absentId, coveringId], i) => ({
    id: `sample-c-${String(i + 1).padStart(3, '0')}` as CoverageId,
    absentId,
    coveringId,
  }));
  coverages.push({
    id: 'sample-c-trip' as CoverageId,
    absentId: dep3,
    coveringId: SAMPLE_IDS.executiveDeputy,
    travelId: 'sample-t-dep3' as TravelId,
  });

  return { people, posts, units, portfolios, entrustments, travels, coverages };
}
