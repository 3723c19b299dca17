/**
 * The people-and-units registry: who holds which post, which deputy is in charge of which unit, who was
 * entrusted with what, who is away and who covers for them — always "as of date D", because people change
 * posts and old meetings and documents must stay correct (SPEC §1, arts. 4–11, 40–44, 59).
 */
import type { IsoDate } from '../calendar/iso-date';
import { isWithin } from '../calendar/iso-date';
import type {
  CoverageId,
  EntrustmentId,
  PersonId,
  PortfolioId,
  PostHoldingId,
  TravelId,
  UnitId,
} from './ids';

export interface Person {
  readonly id: PersonId;
  readonly name: string;
  /** Member of the Communist Party of China: decides membership of the 党组 and 列席 at 党组会议 (art. 41). */
  readonly partyMember: boolean;
  readonly note?: string;
}

/** Posts of the district government as the rules name them (SPEC §1). */
export type PostCode =
  | 'districtHead' // 区长
  | 'partyGroupSecretary' // 区政府党组书记
  | 'executiveDeputyHead' // 常务副区长 (also a 副区长)
  | 'deputyHead' // 副区长
  | 'partyGroupMember' // 区政府党组成员
  | 'officeDirector' // 区政府办公室主任
  | 'officeDeputyDirector' // 区政府办公室副主任
  | 'unitHead' // 主要负责同志 of a unit (department, township, outside body …)
  | 'unitLeader'; // another leader of a unit (e.g. 区人大常委会副主任), invited as 列席

export const POST_LABELS: Readonly<Record<PostCode, string>> = {
  districtHead: '区长',
  partyGroupSecretary: '区政府党组书记',
  executiveDeputyHead: '常务副区长',
  deputyHead: '副区长',
  partyGroupMember: '区政府党组成员',
  officeDirector: '区政府办公室主任',
  officeDeputyDirector: '区政府办公室副主任',
  unitHead: '主要负责同志',
  unitLeader: '单位领导',
};

export interface PostHolding {
  readonly id: PostHoldingId;
  readonly personId: PersonId;
  readonly post: PostCode;
  /** The unit, for unitHead / unitLeader. */
  readonly unitId?: UnitId;
  /** Display title when more specific than the post label, e.g. "区人大常委会副主任". */
  readonly title?: string;
  readonly from: IsoDate;
  /** Last day in post (inclusive); open when absent. */
  readonly to?: IsoDate;
}

/** Kinds of unit (SPEC §1; arts. 11, 40, 75). */
export type UnitKind =
  | 'department' // 区政府组成部门
  | 'township' // 乡镇
  | 'institution' // 直属事业单位 / 挂牌管理 / 归口管理 (art. 75)
  | 'specialBody' // 委员会 / 指挥部 / 领导小组 (art. 11)
  | 'dispatchedBody' // 管委会 (art. 11)
  | 'governmentOffice' // 区政府办公室
  | 'outside'; // bodies outside the government that may be invited (art. 40)

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  department: '区政府组成部门',
  township: '乡镇',
  institution: '直属事业单位',
  specialBody: '专项工作机构',
  dispatchedBody: '派出机构',
  governmentOffice: '区政府办公室',
  outside: '区外单位',
};

/** Outside bodies named by art. 40 (and 区委办公室 for joint office documents, art. 52). */
export type OutsideBodyRole =
  | 'partyCommittee' // 区委
  | 'partyCommitteeOffice' // 区委办公室
  | 'congressStandingCommittee' // 区人大常委会
  | 'cppcc' // 区政协
  | 'court' // 区法院
  | 'procuratorate' // 区检察院
  | 'democraticParty' // 民主党派
  | 'commerceFederation' // 工商联
  | 'peoplesOrganization' // 人民团体
  | 'nonPartisan' // 无党派人士
  | 'otherGovernment' // 其他县（区）政府
  | 'cityDepartment'; // 市直部门

/**
 * Standing roles of units the rules single out. Kept as data, not names, because units get renamed (SPEC §1).
 * - executiveFixedAttendee: heads attend every 常务会议 as 列席 (art. 42: 监察局, 督查考核局, 法制办).
 * - legalAffairs: the 法制机构 that reviews legality (arts. 19, 23).
 * - supervision: 督查考核局, which inspects decisions (art. 47).
 */
export type UnitRole = 'executiveFixedAttendee' | 'legalAffairs' | 'supervision';

export interface Unit {
  readonly id: UnitId;
  readonly name: string;
  readonly kind: UnitKind;
  readonly outsideRole?: OutsideBodyRole;
  readonly roles?: readonly UnitRole[];
  /** Parent in the unit tree (e.g. an institution under a department). */
  readonly parentId?: UnitId;
}

/** 分管 (in charge) or 联系 (liaison) — a deputy's portfolio over a unit (art. 8, SPEC §1). */
export type PortfolioRelation = 'inCharge' | 'liaison';

export interface Portfolio {
  readonly id: PortfolioId;
  readonly leaderId: PersonId;
  readonly unitId: UnitId;
  readonly relation: PortfolioRelation;
  readonly from: IsoDate;
  readonly to?: IsoDate;
}

/** What the 区长 may entrust to a deputy (arts. 8, 43, 45). */
export type EntrustmentScope = 'headOfficeMeeting' | 'specialTask' | 'foreignAffairs';

export interface Entrustment {
  readonly id: EntrustmentId;
  readonly grantorId: PersonId;
  readonly granteeId: PersonId;
  readonly scope: EntrustmentScope;
  readonly description: string;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  /** When the office recorded it. */
  readonly recordedOn: IsoDate;
}

/** Whom a leader reports to before leaving (art. 59). */
export type ReportRecipient = 'districtHead' | 'partyCommittee' | 'city' | 'responsibleLeader';

export interface TravelReport {
  readonly id: TravelId;
  readonly personId: PersonId;
  /** First and last day away (inclusive). */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly destination: string;
  readonly purpose: string;
  readonly reportedTo: readonly ReportRecipient[];
  readonly reportedOn: IsoDate;
  /** For department heads: the district leader who agreed (art. 59). */
  readonly approvedBy?: PersonId;
  readonly approvedOn?: IsoDate;
}

/**
 * 代管: who takes over an absent deputy's portfolio (art. 9 "代管办法"). Without dates it is the standing
 * arrangement; with dates (or tied to one trip) it overrides the standing one for those days.
 */
export interface Coverage {
  readonly id: CoverageId;
  readonly absentId: PersonId;
  readonly coveringId: PersonId;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  readonly travelId?: TravelId;
}

export interface Registry {
  readonly people: readonly Person[];
  readonly posts: readonly PostHolding[];
  readonly units: readonly Unit[];
  readonly portfolios: readonly Portfolio[];
  readonly entrustments: readonly Entrustment[];
  readonly travels: readonly TravelReport[];
  readonly coverages: readonly Coverage[];
}

export const emptyRegistry: Registry = {
  people: [],
  posts: [],
  units: [],
  portfolios: [],
  entrustments: [],
  travels: [],
  coverages: [],
};

// ---------------------------------------------------------------------------------------------------------
// Queries, all "as of date".

const activeOn = (date: IsoDate) => (p: { readonly from: IsoDate; readonly to?: IsoDate }) =>
  isWithin(date, p.from, p.to);

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function findPerson(reg: Registry, id: PersonId): Person | undefined {
  return reg.people.find((p) => p.id === id);
}

export function findUnit(reg: Registry, id: UnitId): Unit | undefined {
  return reg.units.find((u) => u.id === id);
}

export function personName(reg: Registry, id: PersonId): string {
  return findPerson(reg, id)?.name ?? `（未知人员 ${id}）`;
}

export function unitName(reg: Registry, id: UnitId): string {
  return findUnit(reg, id)?.name ?? `（未知单位 ${id}）`;
}

/** Post holdings active on `date`. */
export function postsOn(reg: Registry, date: IsoDate): PostHolding[] {
  return reg.posts.filter(activeOn(date));
}

/** Everyone holding `post` on `date` (for unit posts, optionally of one unit). */
export function holdersOf(reg: Registry, post: PostCode, date: IsoDate, unit?: UnitId): PersonId[] {
  return unique(
    postsOn(reg, date)
      .filter((h) => h.post === post && (unit === undefined || h.unitId === unit))
      .map((h) => h.personId),
  );
}

export function hasPost(reg: Registry, person: PersonId, post: PostCode, date: IsoDate, unit?: UnitId): boolean {
  return holdersOf(reg, post, date, unit).includes(person);
}

export function postsOf(reg: Registry, person: PersonId, date: IsoDate): PostHolding[] {
  return postsOn(reg, date).filter((h) => h.personId === person);
}

export function districtHeadOn(reg: Registry, date: IsoDate): PersonId | undefined {
  return holdersOf(reg, 'districtHead', date)[0];
}

export function executiveDeputyOn(reg: Registry, date: IsoDate): PersonId | undefined {
  return holdersOf(reg, 'executiveDeputyHead', date)[0];
}

export function partyGroupSecretaryOn(reg: Registry, date: IsoDate): PersonId | undefined {
  return holdersOf(reg, 'partyGroupSecretary', date)[0];
}

export function officeDirectorOn(reg: Registry, date: IsoDate): PersonId | undefined {
  return holdersOf(reg, 'officeDirector', date)[0];
}

/** 副区长 on `date`, the 常务副区长 included (he is a 副区长 with the 常务 duty, art. 9). */
export function deputyHeadsOn(reg: Registry, date: IsoDate): PersonId[] {
  return unique([...holdersOf(reg, 'executiveDeputyHead', date), ...holdersOf(reg, 'deputyHead', date)]);
}

export function isDeputyHead(reg: Registry, person: PersonId, date: IsoDate): boolean {
  return deputyHeadsOn(reg, date).includes(person);
}

/** 区政府党组成员 on `date`: the secretary and members (the 区长 usually is the secretary, art. 7). */
export function partyGroupOn(reg: Registry, date: IsoDate): PersonId[] {
  return unique([...holdersOf(reg, 'partyGroupSecretary', date), ...holdersOf(reg, 'partyGroupMember', date)]);
}

export function isPartyMember(reg: Registry, person: PersonId): boolean {
  return findPerson(reg, person)?.partyMember ?? false;
}

/** The 主要负责同志 of a unit on `date`. */
export function unitHeadOn(reg: Registry, unit: UnitId, date: IsoDate): PersonId | undefined {
  return holdersOf(reg, 'unitHead', date, unit)[0];
}

export function unitsOfKind(reg: Registry, kind: UnitKind): Unit[] {
  return reg.units.filter((u) => u.kind === kind);
}

export function unitsWithRole(reg: Registry, role: UnitRole): Unit[] {
  return reg.units.filter((u) => u.roles?.includes(role) ?? false);
}

export function outsideBody(reg: Registry, role: OutsideBodyRole): Unit | undefined {
  return reg.units.find((u) => u.kind === 'outside' && u.outsideRole === role);
}

/** The units a person heads on `date`. */
export function unitsHeadedBy(reg: Registry, person: PersonId, date: IsoDate): UnitId[] {
  return postsOf(reg, person, date)
    .filter((h) => h.post === 'unitHead' && h.unitId !== undefined)
    .map((h) => h.unitId as UnitId);
}

/** The deputy in charge (分管) of a unit on `date` (art. 8, 45, 50). */
export function responsibleDeputyOn(reg: Registry, unit: UnitId, date: IsoDate): PersonId | undefined {
  return reg.portfolios.find((p) => p.unitId === unit && p.relation === 'inCharge' && activeOn(date)(p))
    ?.leaderId;
}

/** The units a leader is in charge of (or liaises with) on `date`. */
export function portfolioOf(
  reg: Registry,
  leader: PersonId,
  date: IsoDate,
  relation: PortfolioRelation = 'inCharge',
): UnitId[] {
  return reg.portfolios
    .filter((p) => p.leaderId === leader && p.relation === relation && activeOn(date)(p))
    .map((p) => p.unitId);
}

export function travelsOn(reg: Registry, person: PersonId, date: IsoDate): TravelReport[] {
  return reg.travels.filter((t) => t.personId === person && isWithin(date, t.from, t.to));
}

/** Away on `date` by a travel report (外出报告). */
export function isAway(reg: Registry, person: PersonId, date: IsoDate): boolean {
  return travelsOn(reg, person, date).length > 0;
}

/** An entrustment from the 区长 to `grantee` of `scope` in force on `date` (arts. 8, 43). */
export function entrustmentOn(
  reg: Registry,
  grantee: PersonId,
  scope: EntrustmentScope,
  date: IsoDate,
): Entrustment | undefined {
  const head = districtHeadOn(reg, date);
  return reg.entrustments.find(
    (e) => e.granteeId === grantee && e.scope === scope && e.grantorId === head && activeOn(date)(e),
  );
}

/** Why someone acts for someone else on a date. */
export type ActingBasis =
  | { readonly kind: 'executiveDeputyForDistrictHead' } // art. 9, first sentence
  | { readonly kind: 'coverage'; readonly coverageId: CoverageId }; // art. 9, second sentence: 代管办法

export interface Acting {
  readonly absentId: PersonId;
  readonly actingId: PersonId;
  readonly basis: ActingBasis;
  readonly articles: readonly number[];
  /** A clerk-readable reason, e.g. "区长张三外出期间，由常务副区长李四主持区政府工作（第九条）". */
  readonly reason: string;
}

function coverageFor(reg: Registry, absent: PersonId, date: IsoDate): Coverage | undefined {
  const candidates = reg.coverages.filter(
    (c) => c.absentId === absent && isWithin(date, c.from, c.to) && !isAway(reg, c.coveringId, date),
  );
  // A dated arrangement (or one tied to this trip) overrides the standing one.
  const trips = new Set(travelsOn(reg, absent, date).map((t) => t.id));
  return (
    candidates.find((c) => c.travelId !== undefined && trips.has(c.travelId)) ??
    candidates.find((c) => c.from !== undefined || c.to !== undefined) ??
    candidates.find((c) => c.travelId === undefined)
  );
}

/**
 * Who acts for `absent` on `date`, if `absent` is away (art. 9): the 常务副区长 presides over government work
 * while the 区长 is away; a deputy's portfolio goes to whoever the coverage arrangement names.
 * Returns undefined when `absent` is not away or nobody is designated (the caller reports that gap).
 */
export function actingFor(reg: Registry, absent: PersonId, date: IsoDate): Acting | undefined {
  if (!isAway(reg, absent, date)) return undefined;
  if (hasPost(reg, absent, 'districtHead', date)) {
    const exec = executiveDeputyOn(reg, date);
    if (exec === undefined || exec === absent || isAway(reg, exec, date)) return undefined;
    return {
      absentId: absent,
      actingId: exec,
      basis: { kind: 'executiveDeputyForDistrictHead' },
      articles: [9],
      reason: `区长${personName(reg, absent)}外出期间，由负责常务工作的副区长${personName(reg, exec)}主持区政府工作（第九条）`,
    };
  }
  const cover = coverageFor(reg, absent, date);
  if (cover === undefined) return undefined;
  return {
    absentId: absent,
    actingId: cover.coveringId,
    basis: { kind: 'coverage', coverageId: cover.id },
    articles: [9],
    reason: `${personName(reg, absent)}外出期间，其分管、联系工作按代管办法由${personName(reg, cover.coveringId)}代管（第九条）`,
  };
}

/** Who actually handles `person`'s work on `date`: the person, or whoever acts for them. */
export function effectivePerson(reg: Registry, person: PersonId, date: IsoDate): PersonId {
  return actingFor(reg, person, date)?.actingId ?? person;
}

/** Every acting arrangement in force on `date` ("今日代管情况"). */
export function actingOn(reg: Registry, date: IsoDate): Acting[] {
  const away = unique(reg.travels.filter((t) => isWithin(date, t.from, t.to)).map((t) => t.personId));
  return away.flatMap((p) => {
    const a = actingFor(reg, p, date);
    return a ? [a] : [];
  });
}
