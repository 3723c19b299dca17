/**
 * Pure views of the registry for the page's tables: rows with display names resolved as of `today`,
 * filtered by the search box (name, or pinyin initials: "wm" finds 王明). No React, no store access.
 */
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { isWithin } from '../../../shared/calendar/iso-date';
import {
  actingOn,
  isAway,
  personName,
  portfolioOf,
  POST_LABELS,
  postsOf,
  UNIT_KIND_LABELS,
  unitName,
  type Coverage,
  type Entrustment,
  type Person,
  type Portfolio,
  type PostHolding,
  type Registry,
  type ReportRecipient,
  type TravelReport,
  type Unit,
  type UnitKind,
  type UnitRole,
} from '../../../shared/domain/registry';
import { checkTravelReport } from '../../../shared/domain/travel-rules';
import { matchesNameQuery, pinyinInitials } from '../../data';

// Initials per name, computed once: the search box filters on every keystroke.
const initialsCache = new Map<string, string>();
export function initialsOf(name: string, kind: 'person' | 'other' = 'other'): string {
  const key = `${kind}:${name}`;
  let v = initialsCache.get(key);
  if (v === undefined) {
    v = pinyinInitials(name, kind);
    initialsCache.set(key, v);
  }
  return v;
}

const matchPerson = (name: string, q: string) => matchesNameQuery(name, q, initialsOf(name, 'person'));
const matchOther = (text: string, q: string) => matchesNameQuery(text, q, initialsOf(text));

export const ROLE_LABELS: Readonly<Record<UnitRole, string>> = {
  executiveFixedAttendee: '常务会议固定列席',
  legalAffairs: '法制机构',
  supervision: '督查机构',
};

export const RECIPIENT_LABELS: Readonly<Record<ReportRecipient, string>> = {
  districtHead: '区长',
  partyCommittee: '区委',
  city: '市政府',
  responsibleLeader: '分管区领导',
};

export const ENTRUSTMENT_SCOPE_LABELS = {
  headOfficeMeeting: '主持区长办公会议',
  specialTask: '专项工作',
  foreignAffairs: '外事活动',
} as const;

export const RELATION_LABELS = { inCharge: '分管', liaison: '联系' } as const;

export const UNIT_KIND_ORDER: readonly UnitKind[] = [
  'governmentOffice',
  'department',
  'township',
  'institution',
  'specialBody',
  'dispatchedBody',
  'outside',
];

const period = (from: IsoDate | undefined, to: IsoDate | undefined) =>
  from === undefined && to === undefined ? '长期' : `${from ?? '…'} 至 ${to ?? '今'}`;

export interface PersonRowView {
  readonly id: string;
  readonly person: Person;
  readonly name: string;
  readonly posts: string;
  readonly party: string;
  readonly portfolio: number;
  readonly away: boolean;
}

function postLabel(reg: Registry, h: PostHolding): string {
  if (h.title) return h.title;
  return h.unitId ? `${unitName(reg, h.unitId)}${POST_LABELS[h.post]}` : POST_LABELS[h.post];
}

const POST_RANK: Readonly<Record<PostHolding['post'], number>> = {
  districtHead: 0,
  partyGroupSecretary: 1,
  executiveDeputyHead: 2,
  deputyHead: 3,
  partyGroupMember: 4,
  officeDirector: 5,
  officeDeputyDirector: 6,
  unitHead: 7,
  unitLeader: 8,
};

/** People in protocol order (区长, 常务副区长, 副区长 … then unit heads), as a clerk expects the list. */
export function personRows(reg: Registry, today: IsoDate, query: string): PersonRowView[] {
  const rank = (id: string) =>
    Math.min(9, ...postsOf(reg, id as Person['id'], today).map((h) => POST_RANK[h.post]));
  return reg.people
    .filter((p) => matchPerson(p.name, query))
    .map((p) => ({ p, r: rank(p.id) }))
    .sort((a, b) => a.r - b.r)
    .map(({ p }) => ({
      id: p.id,
      person: p,
      name: p.name,
      posts:
        postsOf(reg, p.id, today)
          .map((h) => postLabel(reg, h))
          .join('、') || '（今日无任职）',
      party: p.partyMember ? '中共党员' : '非中共党员',
      portfolio: portfolioOf(reg, p.id, today).length,
      away: isAway(reg, p.id, today),
    }));
}

export interface UnitRowView {
  readonly id: string;
  readonly unit: Unit;
  readonly name: string;
  readonly kind: string;
  readonly roles: string;
  readonly head: string;
  readonly responsible: string;
  readonly parent: string;
}

/** `filter`: a unit kind, a unit id (that unit and its descendants), or undefined for all. */
export function unitRows(reg: Registry, today: IsoDate, query: string, filter?: string): UnitRowView[] {
  const inScope = unitScope(reg, filter);
  const order = (u: Unit) => UNIT_KIND_ORDER.indexOf(u.kind);
  return reg.units
    .filter((u) => inScope(u) && matchOther(u.name, query))
    // By kind as the tree shows them; within a kind, in the order they were entered.
    .sort((a, b) => order(a) - order(b))
    .map((u) => {
      const head = reg.posts.find(
        (h) => h.post === 'unitHead' && h.unitId === u.id && isWithin(today, h.from, h.to),
      );
      const resp = reg.portfolios.find((p) => p.unitId === u.id && isWithin(today, p.from, p.to));
      return {
        id: u.id,
        unit: u,
        name: u.name,
        kind: UNIT_KIND_LABELS[u.kind],
        roles: (u.roles ?? []).map((r) => ROLE_LABELS[r]).join('、'),
        head: head ? personName(reg, head.personId) : '—',
        responsible: resp ? `${personName(reg, resp.leaderId)}（${RELATION_LABELS[resp.relation]}）` : '—',
        parent: u.parentId ? unitName(reg, u.parentId) : '—',
      };
    });
}

function unitScope(reg: Registry, filter: string | undefined): (u: Unit) => boolean {
  if (filter === undefined) return () => true;
  if ((UNIT_KIND_ORDER as readonly string[]).includes(filter)) return (u) => u.kind === filter;
  const parents = new Map(reg.units.map((u) => [u.id as string, u.parentId as string | undefined]));
  return (u) => {
    const seen = new Set<string>();
    for (let at: string | undefined = u.id; at !== undefined && !seen.has(at); at = parents.get(at)) {
      if (at === filter) return true;
      seen.add(at);
    }
    return false;
  };
}

export interface TreeNode {
  readonly key: string;
  readonly title: string;
  readonly children: readonly TreeNode[];
}

/** Units grouped by kind, then nested by parent; a parent of another kind still nests its children. */
export function unitTree(reg: Registry): TreeNode[] {
  const ids = new Set(reg.units.map((u) => u.id as string));
  const childrenOf = (id: string): TreeNode[] =>
    reg.units
      .filter((u) => u.parentId === id)
      .map((u) => ({ key: u.id, title: u.name, children: childrenOf(u.id) }));
  return UNIT_KIND_ORDER.map((kind) => {
    const roots = reg.units.filter(
      (u) => u.kind === kind && (u.parentId === undefined || !ids.has(u.parentId)),
    );
    return {
      key: kind,
      title: `${UNIT_KIND_LABELS[kind]}（${reg.units.filter((u) => u.kind === kind).length}）`,
      children: roots.map((u) => ({ key: u.id, title: u.name, children: childrenOf(u.id) })),
    };
  }).filter((n) => n.children.length > 0);
}

export interface PostRowView {
  readonly id: string;
  readonly record: PostHolding;
  readonly person: string;
  readonly post: string;
  readonly unit: string;
  readonly period: string;
  readonly current: boolean;
}

export function postRows(reg: Registry, today: IsoDate, query: string): PostRowView[] {
  return reg.posts
    .filter((h) => matchPerson(personName(reg, h.personId), query) || matchOther(postLabel(reg, h), query))
    .map((h) => ({
      id: h.id,
      record: h,
      person: personName(reg, h.personId),
      post: postLabel(reg, h),
      unit: h.unitId ? unitName(reg, h.unitId) : '区人民政府',
      period: period(h.from, h.to),
      current: isWithin(today, h.from, h.to),
    }));
}

export interface PortfolioRowView {
  readonly id: string;
  readonly record: Portfolio;
  readonly leader: string;
  readonly relation: string;
  readonly unit: string;
  readonly period: string;
  readonly current: boolean;
}

export function portfolioRows(reg: Registry, today: IsoDate, query: string): PortfolioRowView[] {
  return reg.portfolios
    .filter(
      (p) => matchPerson(personName(reg, p.leaderId), query) || matchOther(unitName(reg, p.unitId), query),
    )
    .map((p) => ({
      id: p.id,
      record: p,
      leader: personName(reg, p.leaderId),
      relation: RELATION_LABELS[p.relation],
      unit: unitName(reg, p.unitId),
      period: period(p.from, p.to),
      current: isWithin(today, p.from, p.to),
    }));
}

export interface EntrustmentRowView {
  readonly id: string;
  readonly record: Entrustment;
  readonly grantor: string;
  readonly grantee: string;
  readonly scope: string;
  readonly description: string;
  readonly period: string;
  readonly current: boolean;
}

export function entrustmentRows(reg: Registry, today: IsoDate, query: string): EntrustmentRowView[] {
  return reg.entrustments
    .filter(
      (e) =>
        matchPerson(personName(reg, e.granteeId), query) || matchPerson(personName(reg, e.grantorId), query),
    )
    .map((e) => ({
      id: e.id,
      record: e,
      grantor: personName(reg, e.grantorId),
      grantee: personName(reg, e.granteeId),
      scope: ENTRUSTMENT_SCOPE_LABELS[e.scope],
      description: e.description,
      period: period(e.from, e.to),
      current: isWithin(today, e.from, e.to),
    }));
}

export interface TravelRowView {
  readonly id: string;
  readonly record: TravelReport;
  readonly person: string;
  readonly period: string;
  readonly destination: string;
  readonly reported: string;
  readonly approval: string;
  readonly status: 'past' | 'now' | 'planned';
  /** What art. 59 says about this report (missing recipients, late report, approval); empty when in order. */
  readonly issues: readonly string[];
}

export function travelRows(reg: Registry, today: IsoDate, query: string): TravelRowView[] {
  return reg.travels
    .filter((t) => matchPerson(personName(reg, t.personId), query) || matchOther(t.destination, query))
    .map((t) => ({
      id: t.id,
      record: t,
      person: personName(reg, t.personId),
      period: period(t.from, t.to),
      destination: t.destination,
      reported: `${t.reportedOn} 报告${t.reportedTo.map((r) => RECIPIENT_LABELS[r]).join('、') || '（未填写）'}`,
      approval: t.approvedBy ? `${personName(reg, t.approvedBy)} ${t.approvedOn ?? ''}同意`.trim() : '—',
      status: today < t.from ? 'planned' : today > t.to ? 'past' : 'now',
      issues: checkTravelReport(reg, t)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.message),
    }));
}

export interface CoverageRowView {
  readonly id: string;
  readonly record: Coverage;
  readonly absent: string;
  readonly covering: string;
  readonly when: string;
}

export function coverageRows(reg: Registry, query: string): CoverageRowView[] {
  return reg.coverages
    .filter(
      (c) =>
        matchPerson(personName(reg, c.absentId), query) || matchPerson(personName(reg, c.coveringId), query),
    )
    .map((c) => {
      const trip = c.travelId ? reg.travels.find((t) => t.id === c.travelId) : undefined;
      return {
        id: c.id,
        record: c,
        absent: personName(reg, c.absentId),
        covering: personName(reg, c.coveringId),
        when: trip
          ? `仅限外出 ${trip.from} 至 ${trip.to}（${trip.destination}）`
          : c.from || c.to
            ? period(c.from, c.to)
            : '长期（常设代管安排）',
      };
    });
}

export interface ActingView {
  readonly key: string;
  readonly absent: string;
  readonly acting: string;
  readonly reason: string;
}

const DEPUTY_POSTS: ReadonlySet<string> = new Set(['districtHead', 'executiveDeputyHead', 'deputyHead']);

/** 今日代管情况: who acts for whom on `today`, and who is away with nobody designated (a gap to fix). */
export function actingToday(reg: Registry, today: IsoDate): { acting: ActingView[]; uncovered: string[] } {
  const acting = actingOn(reg, today).map((a) => ({
    key: `${a.absentId}-${a.actingId}`,
    absent: personName(reg, a.absentId),
    acting: personName(reg, a.actingId),
    reason: a.reason,
  }));
  const covered = new Set(actingOn(reg, today).map((a) => a.absentId as string));
  const leaders = new Set(
    reg.posts
      .filter((h) => DEPUTY_POSTS.has(h.post) && isWithin(today, h.from, h.to))
      .map((h) => h.personId as string),
  );
  const uncovered = [
    ...new Set(
      reg.travels
        .filter((t) => isWithin(today, t.from, t.to) && leaders.has(t.personId) && !covered.has(t.personId))
        .map((t) => personName(reg, t.personId)),
    ),
  ];
  return { acting, uncovered };
}

export const isEmptyRegistry = (reg: Registry): boolean => reg.people.length === 0 && reg.units.length === 0;
