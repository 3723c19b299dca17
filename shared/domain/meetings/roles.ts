/**
 * Who convenes and chairs each kind of meeting (arts. 7, 9, 40–44), who sets its topics (art. 45) and who is
 * expected to sit at it (arts. 40–44), always as of the meeting date.
 */
import type { IsoDate } from '../../calendar/iso-date';
import { articleLabel, finding, type Finding } from '../findings';
import type { PersonId, TopicId, UnitId } from '../ids';
import {
  ATTENDEE_ROLE_LABELS,
  MEETING_KIND_ARTICLE,
  MEETING_KIND_LABELS,
  activeTopics,
  type Attendee,
  type AttendeeRole,
  type Meeting,
  type MeetingKind,
} from '../meeting';
import {
  actingFor,
  deputyHeadsOn,
  districtHeadOn,
  entrustmentOn,
  findUnit,
  hasPost,
  holdersOf,
  isAway,
  isDeputyHead,
  isPartyMember,
  officeDirectorOn,
  partyGroupOn,
  partyGroupSecretaryOn,
  personName,
  postsOf,
  unitHeadOn,
  unitsOfKind,
  unitsWithRole,
  type Acting,
  type OutsideBodyRole,
  type Registry,
} from '../registry';
import { joinNames, meetingRef, topicTitles } from './context';

/** How a person stands as chair (or convenor) of a kind of meeting on a date. */
export type ChairStatus =
  | 'eligible' // the post the article names
  | 'acting' // 常务副区长 presiding while the 区长 is away (art. 9)
  | 'entrusted' // 副区长 entrusted by the 区长 (art. 43)
  | 'needsEntrustment' // a 副区长 at a 区长办公会议 without a recorded entrustment
  | 'ineligible';

export function chairStatus(reg: Registry, kind: MeetingKind, person: PersonId, date: IsoDate): ChairStatus {
  const isHead = hasPost(reg, person, 'districtHead', date);
  const head = districtHeadOn(reg, date);
  const actingForHead =
    head !== undefined && isAway(reg, head, date) && actingFor(reg, head, date)?.actingId === person;
  switch (kind) {
    case 'plenary':
    case 'executive':
      return isHead ? 'eligible' : actingForHead ? 'acting' : 'ineligible';
    case 'partyGroup':
      return hasPost(reg, person, 'partyGroupSecretary', date) ? 'eligible' : 'ineligible';
    case 'headOffice':
      if (isHead) return 'eligible';
      if (!isDeputyHead(reg, person, date)) return 'ineligible';
      if (entrustmentOn(reg, person, 'headOfficeMeeting', date) !== undefined) return 'entrusted';
      return actingForHead ? 'acting' : 'needsEntrustment';
    case 'special':
      return isHead || isDeputyHead(reg, person, date) ? 'eligible' : 'ineligible';
    default: {
      const never: never = kind;
      throw new Error(`未知会议类型：${String(never)}`);
    }
  }
}

/** Who may chair a kind on a date, for the chair picker: everyone whose status is not ineligible. */
export function chairCandidates(
  reg: Registry,
  kind: MeetingKind,
  date: IsoDate,
): { readonly personId: PersonId; readonly status: ChairStatus }[] {
  const leaders = [
    ...new Set([
      ...holdersOf(reg, 'districtHead', date),
      ...holdersOf(reg, 'partyGroupSecretary', date),
      ...deputyHeadsOn(reg, date),
    ]),
  ];
  return leaders
    .map((personId) => ({ personId, status: chairStatus(reg, kind, personId, date) }))
    .filter((c) => c.status !== 'ineligible');
}

/** Who the article names as convenor and chair, for messages. */
export const CHAIR_RULE_TEXT: Readonly<Record<MeetingKind, string>> = {
  plenary: '区政府全体会议由区长召集和主持',
  partyGroup: '区政府党组会议由区政府党组书记召集和主持',
  executive: '区政府常务会议由区长召集和主持',
  headOffice: '区长办公会议由区长或区长委托的副区长召集和主持',
  special: '区政府专题会议由区长或副区长召集和主持',
};

/** Convenor and chair eligibility, entrustment and acting-chair findings (arts. 7, 8, 9, 40–44). */
export function checkChair(m: Meeting, reg: Registry): Finding[] {
  const out: Finding[] = [];
  const art = MEETING_KIND_ARTICLE[m.kind];
  const label = MEETING_KIND_LABELS[m.kind];
  const head = districtHeadOn(reg, m.date);
  const roles: readonly ['convenor' | 'chair', PersonId, string, string][] = [
    ['convenor', m.convenorId, '召集人', '召集'],
    ['chair', m.chairId, '主持人', '主持'],
  ];
  for (const [role, person, roleLabel, verb] of roles) {
    if (role === 'convenor' && person === m.chairId) continue; // judged once, as chair
    const status = chairStatus(reg, m.kind, person, m.date);
    const name = personName(reg, person);
    switch (status) {
      case 'eligible':
      case 'entrusted':
      case 'acting':
        break;
      case 'needsEntrustment':
        out.push(
          finding(
            `meeting.${role}.entrustment`,
            [8, 43],
            'block',
            meetingRef(m),
            `${name}为副区长，${verb}区长办公会议须有区长委托，但${m.date}没有登记在效的委托。请先登记区长的委托，或改由区长${verb}。`,
          ),
        );
        break;
      case 'ineligible':
        out.push(
          finding(
            `meeting.${role}.eligible`,
            [7, art],
            'block',
            meetingRef(m),
            `${name}不能${verb}${label}：${CHAIR_RULE_TEXT[m.kind]}。请更换${roleLabel}。`,
          ),
        );
        break;
      default: {
        const never: never = status;
        throw new Error(String(never));
      }
    }
  }
  if (m.convenorId !== m.chairId) {
    out.push(
      finding(
        'meeting.convenor.sameAsChair',
        [art],
        'warn',
        meetingRef(m),
        `${label}的召集人与主持人应为同一人（${CHAIR_RULE_TEXT[m.kind]}），现为${personName(reg, m.convenorId)}和${personName(reg, m.chairId)}。如确需分开，请说明原因。`,
      ),
    );
  }
  const chair = chairStatus(reg, m.kind, m.chairId, m.date);
  if (chair === 'entrusted') {
    const e = entrustmentOn(reg, m.chairId, 'headOfficeMeeting', m.date);
    out.push(
      finding(
        'meeting.chair.entrusted',
        [43],
        'info',
        meetingRef(m),
        `${personName(reg, m.chairId)}受区长委托召集和主持区长办公会议（委托：${e?.description ?? ''}，登记于${e?.recordedOn ?? ''}）。`,
      ),
    );
  }
  if (chair === 'acting' && head !== undefined) {
    if (m.acting?.basis === 'executiveDeputyForDistrictHead' && m.acting.forId === head) {
      out.push(
        finding(
          'meeting.chair.acting',
          [9],
          'info',
          meetingRef(m),
          `区长${personName(reg, head)}外出期间，由负责常务工作的副区长${personName(reg, m.chairId)}主持区政府工作，代为主持本次会议。`,
        ),
      );
    } else {
      out.push(
        finding(
          'meeting.chair.actingBasis',
          [9],
          'warn',
          meetingRef(m),
          `区长${personName(reg, head)}${m.date}外出，${personName(reg, m.chairId)}作为负责常务工作的副区长代为主持，请在会议记录中登记代为主持的依据（第九条）。`,
        ),
      );
    }
  }
  if (head !== undefined && m.chairId === head && isAway(reg, head, m.date)) {
    const proposal = proposeChair(reg, m.kind, m.date);
    out.push(
      finding(
        'meeting.chair.away',
        [9],
        'warn',
        meetingRef(m),
        `区长${personName(reg, head)}${m.date}外出，不能主持会议。${proposal && proposal.personId !== head ? `建议由${personName(reg, proposal.personId)}主持：${proposal.reason}` : '请改期或另行安排主持人。'}`,
      ),
    );
  }
  return out;
}

export interface ChairProposal {
  readonly personId: PersonId;
  readonly articles: readonly number[];
  readonly reason: string;
  readonly acting?: Acting;
}

/** Whom to propose as convenor/chair of a kind on a date; the 常务副区长 while the 区长 is away (art. 9). */
export function proposeChair(reg: Registry, kind: MeetingKind, date: IsoDate): ChairProposal | undefined {
  if (kind === 'partyGroup') {
    const sec = partyGroupSecretaryOn(reg, date);
    return sec === undefined
      ? undefined
      : { personId: sec, articles: [7, 41], reason: '区政府党组会议由区政府党组书记召集和主持' };
  }
  const head = districtHeadOn(reg, date);
  if (head === undefined) return undefined;
  if (!isAway(reg, head, date)) {
    return { personId: head, articles: [7, MEETING_KIND_ARTICLE[kind]], reason: CHAIR_RULE_TEXT[kind] };
  }
  const acting = actingFor(reg, head, date);
  if (acting === undefined) return undefined;
  return { personId: acting.actingId, articles: [9], reason: acting.reason, acting };
}

/** Who sets (approves) a kind's topics (art. 45), given the meeting's chair. */
export function topicSetterStatus(
  reg: Registry,
  m: Meeting,
  person: PersonId,
  date: IsoDate,
): 'eligible' | 'acting' | 'otherDeputy' | 'ineligible' {
  const isHead = hasPost(reg, person, 'districtHead', date);
  const head = districtHeadOn(reg, date);
  const actingForHead =
    head !== undefined && isAway(reg, head, date) && actingFor(reg, head, date)?.actingId === person;
  switch (m.kind) {
    case 'plenary':
    case 'executive':
      return isHead ? 'eligible' : actingForHead ? 'acting' : 'ineligible';
    case 'partyGroup':
      return hasPost(reg, person, 'partyGroupSecretary', date) ? 'eligible' : 'ineligible';
    case 'headOffice':
      if (isHead) return 'eligible';
      if (entrustmentOn(reg, person, 'headOfficeMeeting', date) !== undefined) return 'eligible';
      return actingForHead ? 'acting' : 'ineligible';
    case 'special':
      // 区长 or the 副区长 who convenes it.
      // "由区长或副区长确定": the convening one is expected; another 副区长 is allowed by the letter.
      if (isHead || (isDeputyHead(reg, person, date) && person === m.convenorId)) return 'eligible';
      return isDeputyHead(reg, person, date) ? 'otherDeputy' : 'ineligible';
    default: {
      const never: never = m.kind;
      throw new Error(`未知会议类型：${String(never)}`);
    }
  }
}

export const TOPIC_SETTER_TEXT: Readonly<Record<MeetingKind, string>> = {
  plenary: '区政府全体会议议题由区长确定',
  partyGroup: '区政府党组会议议题由区政府党组书记确定',
  executive: '区政府常务会议议题由区长确定',
  headOffice: '区长办公会议议题由区长或区长委托的副区长确定',
  special: '区政府专题会议议题由区长或召集会议的副区长确定',
};

// ---------------------------------------------------------------------------------------------------------
// Expected attendees.

export interface ExpectedAttendee {
  readonly personId: PersonId;
  readonly role: AttendeeRole;
  readonly topicIds?: readonly TopicId[];
  readonly unitId?: UnitId;
  /** May be arranged "根据需要" but is not required. */
  readonly optional: boolean;
  readonly articles: readonly number[];
}

const uniqueIds = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function governmentLeaders(reg: Registry, date: IsoDate): PersonId[] {
  const head = districtHeadOn(reg, date);
  return uniqueIds([...(head ? [head] : []), ...deputyHeadsOn(reg, date), ...partyGroupOn(reg, date)]);
}

function headsOfTopicUnits(
  m: Meeting,
  reg: Registry,
): Map<PersonId, { unitId: UnitId; topicIds: TopicId[] }> {
  const byPerson = new Map<PersonId, { unitId: UnitId; topicIds: TopicId[] }>();
  for (const t of activeTopics(m)) {
    for (const u of t.reportingUnitIds) {
      const h = unitHeadOn(reg, u, m.date);
      if (h === undefined) continue;
      const entry = byPerson.get(h) ?? { unitId: u, topicIds: [] };
      if (!entry.topicIds.includes(t.id)) entry.topicIds.push(t.id);
      byPerson.set(h, entry);
    }
  }
  return byPerson;
}

/** Outside bodies whose leaders (领导同志: head and deputies) art. 40 lets a plenary invite. */
const PLENARY_LEADER_BODIES: readonly OutsideBodyRole[] = [
  'partyCommittee',
  'congressStandingCommittee',
  'cppcc',
  'court',
  'procuratorate',
];
/** Outside bodies whose 主要负责同志 (head only) art. 40 lets a plenary invite. */
const PLENARY_HEAD_BODIES: readonly OutsideBodyRole[] = [
  'democraticParty',
  'commerceFederation',
  'peoplesOrganization',
  'nonPartisan',
];

/** The outside leaders a plenary may invite to sit in (art. 40), in registry order. */
function plenaryOutsideInvitees(reg: Registry, date: IsoDate): { personId: PersonId; unitId: UnitId }[] {
  return unitsOfKind(reg, 'outside').flatMap((u) => {
    const role = u.outsideRole;
    if (role === undefined) return [];
    const posts = PLENARY_LEADER_BODIES.includes(role)
      ? (['unitHead', 'unitLeader'] as const)
      : PLENARY_HEAD_BODIES.includes(role)
        ? (['unitHead'] as const)
        : [];
    return posts.flatMap((post) =>
      holdersOf(reg, post, date, u.id).map((personId) => ({ personId, unitId: u.id })),
    );
  });
}

/**
 * The attendee list the rules imply for a meeting, from its kind, topics and the registry as of its date
 * (arts. 40–44). Optional entries are the "根据需要可安排" ones. The chair is always included.
 */
export function expectedAttendees(m: Meeting, reg: Registry): ExpectedAttendee[] {
  const out: ExpectedAttendee[] = [];
  const add = (e: ExpectedAttendee) => {
    if (!out.some((o) => o.personId === e.personId)) out.push(e);
  };
  const date = m.date;
  const deputyDirectors = holdersOf(reg, 'officeDeputyDirector', date);
  const topicHeads = headsOfTopicUnits(m, reg);
  switch (m.kind) {
    case 'plenary': {
      for (const p of governmentLeaders(reg, date))
        add({ personId: p, role: 'member', optional: false, articles: [40] });
      for (const u of unitsOfKind(reg, 'department')) {
        const h = unitHeadOn(reg, u.id, date);
        if (h) add({ personId: h, role: 'member', unitId: u.id, optional: false, articles: [40] });
      }
      for (const p of deputyDirectors) add({ personId: p, role: 'invited', optional: true, articles: [40] });
      for (const [p, e] of topicHeads)
        add({ personId: p, role: 'invited', unitId: e.unitId, optional: true, articles: [40] });
      // "根据需要可安排乡镇政府……主要负责同志列席"; "必要时，可邀请区委、区人大常委会、区政协、区法院、区检察院
      // 领导同志，民主党派、工商联、人民团体主要负责同志及无党派人士列席" (art. 40): offered, never required.
      for (const u of unitsOfKind(reg, 'township')) {
        const h = unitHeadOn(reg, u.id, date);
        if (h) add({ personId: h, role: 'invited', unitId: u.id, optional: true, articles: [40] });
      }
      for (const { personId, unitId } of plenaryOutsideInvitees(reg, date))
        add({ personId, role: 'invited', unitId, optional: true, articles: [40] });
      break;
    }
    case 'partyGroup': {
      for (const p of partyGroupOn(reg, date))
        add({ personId: p, role: 'member', optional: false, articles: [41] });
      for (const p of deputyHeadsOn(reg, date).filter((d) => !isPartyMember(reg, d)))
        add({ personId: p, role: 'invited', optional: true, articles: [41] });
      for (const p of deputyDirectors) add({ personId: p, role: 'invited', optional: true, articles: [41] });
      break;
    }
    case 'executive': {
      for (const p of governmentLeaders(reg, date))
        add({ personId: p, role: 'member', optional: false, articles: [42] });
      for (const p of deputyDirectors)
        add({ personId: p, role: 'fixedNonVoting', optional: false, articles: [42] });
      for (const u of unitsWithRole(reg, 'executiveFixedAttendee')) {
        const h = unitHeadOn(reg, u.id, date);
        if (h) add({ personId: h, role: 'fixedNonVoting', unitId: u.id, optional: false, articles: [42] });
      }
      for (const [p, e] of topicHeads)
        add({
          personId: p,
          role: 'topicNonVoting',
          unitId: e.unitId,
          topicIds: e.topicIds,
          optional: false,
          articles: [42],
        });
      break;
    }
    case 'headOffice':
    case 'special': {
      const art = MEETING_KIND_ARTICLE[m.kind];
      add({ personId: m.chairId, role: 'participant', optional: false, articles: [art] });
      if (m.kind === 'special') {
        for (const t of activeTopics(m))
          if (t.responsibleDeputyId)
            add({ personId: t.responsibleDeputyId, role: 'participant', optional: false, articles: [44] });
      }
      const director = officeDirectorOn(reg, date);
      // "办公室主任或相关副主任": the director is proposed, a deputy director may replace him.
      if (director) add({ personId: director, role: 'participant', optional: false, articles: [art] });
      for (const p of deputyDirectors)
        add({ personId: p, role: 'participant', optional: true, articles: [art] });
      for (const [p, e] of topicHeads)
        add({
          personId: p,
          role: 'participant',
          unitId: e.unitId,
          topicIds: e.topicIds,
          optional: false,
          articles: [art],
        });
      break;
    }
    default: {
      const never: never = m.kind;
      throw new Error(`未知会议类型：${String(never)}`);
    }
  }
  return out;
}

/**
 * The list after "按规则生成参会名单": everyone the rules require, with the role and topics they imply now
 * (topics may have changed), followed by the people added by hand (invitations, assistants), who stay; a
 * regenerate must not silently drop the adjustments made with a reason.
 */
export function regenerateAttendees(m: Meeting, reg: Registry): Attendee[] {
  const required: Attendee[] = expectedAttendees(m, reg)
    .filter((e) => !e.optional)
    .map((e) => ({
      personId: e.personId,
      role: e.role,
      ...(e.topicIds && e.topicIds.length > 0 ? { topicIds: [...e.topicIds] } : {}),
      ...(e.unitId ? { unitId: e.unitId } : {}),
    }));
  const ids = new Set(required.map((a) => a.personId));
  return [...required, ...m.attendees.filter((a) => !ids.has(a.personId))];
}

/**
 * Roles each kind knows (arts. 40–46). Art. 46 regulates assistants only at the 常务会议 ("参加区政府常务会议，
 * 除议题汇报单位负责同志可带1名助手外，其他单位与会人员不带随员"); the text is silent for the other kinds, so
 * they are not refused there. 区长办公会议 and 专题会议 name participants loosely, so invitees are accepted.
 */
const ROLES_BY_KIND: Readonly<Record<MeetingKind, readonly AttendeeRole[]>> = {
  plenary: ['member', 'invited', 'assistant'],
  partyGroup: ['member', 'invited', 'assistant'],
  executive: ['member', 'fixedNonVoting', 'topicNonVoting', 'assistant'],
  headOffice: ['participant', 'member', 'invited', 'assistant'],
  special: ['participant', 'member', 'invited', 'assistant'],
};

/** May `person` be invited (列席) to a plenary (art. 40)? */
function invitableToPlenary(reg: Registry, person: PersonId, date: IsoDate): boolean {
  return postsOf(reg, person, date).some((h) => {
    if (h.post === 'officeDeputyDirector') return true;
    if ((h.post === 'unitHead' || h.post === 'unitLeader') && h.unitId !== undefined) {
      const unit = findUnit(reg, h.unitId);
      // 乡镇、有关单位主要负责同志; leaders of the outside bodies of art. 40.
      return unit !== undefined && (h.post === 'unitHead' || unit.kind === 'outside');
    }
    return false;
  });
}

/** The composition of the attendee list (arts. 40–42, 46). */
export function checkAttendeeList(m: Meeting, reg: Registry): Finding[] {
  const out: Finding[] = [];
  const art = MEETING_KIND_ARTICLE[m.kind];
  const label = MEETING_KIND_LABELS[m.kind];
  const expected = expectedAttendees(m, reg);
  const members = new Set(expected.filter((e) => e.role === 'member').map((e) => e.personId));
  for (const a of m.attendees) {
    const name = personName(reg, a.personId);
    if (!ROLES_BY_KIND[m.kind].includes(a.role)) {
      out.push(
        finding(
          'meeting.attendee.role',
          [art],
          'warn',
          { kind: 'attendance', id: a.personId },
          `${label}没有“${ATTENDEE_ROLE_LABELS[a.role]}”这种参会身份，请按${articleLabel(art)}调整${name}的参会身份。`,
        ),
      );
      continue;
    }
    if (a.role === 'member' && (m.kind === 'plenary' || m.kind === 'partyGroup' || m.kind === 'executive')) {
      if (!members.has(a.personId)) {
        const nonPartyAtPartyGroup = m.kind === 'partyGroup' && !isPartyMember(reg, a.personId);
        out.push(
          finding(
            nonPartyAtPartyGroup ? 'meeting.attendee.nonPartyMember' : 'meeting.attendee.notMember',
            [art],
            'block',
            { kind: 'attendance', id: a.personId },
            nonPartyAtPartyGroup
              ? `${name}不是中共党员，不是区政府党组成员，只能根据需要列席区政府党组会议（非党员副区长），不能作为组成人员出席。`
              : `${name}${m.date}不是${label}组成人员，不能以组成人员身份出席；如需参会，请改为列席。`,
          ),
        );
      }
    }
    if (a.role === 'invited' && m.kind === 'partyGroup') {
      const allowed =
        (isDeputyHead(reg, a.personId, m.date) && !isPartyMember(reg, a.personId)) ||
        hasPost(reg, a.personId, 'officeDeputyDirector', m.date);
      if (!allowed) {
        out.push(
          finding(
            'meeting.attendee.partyGroupNonVoting',
            [41],
            'warn',
            { kind: 'attendance', id: a.personId },
            `区政府党组会议根据需要可安排非党员副区长、区政府办公室副主任列席；${name}不在此列，请确认是否需要其列席。`,
          ),
        );
      }
    }
    if (a.role === 'invited' && m.kind === 'plenary' && !invitableToPlenary(reg, a.personId, m.date)) {
      out.push(
        finding(
          'meeting.attendee.plenaryNonVoting',
          [40],
          'warn',
          { kind: 'attendance', id: a.personId },
          `区政府全体会议可安排乡镇政府、有关单位主要负责同志、区政府办公室副主任列席，必要时邀请区委、区人大常委会、区政协、区法院、区检察院领导同志等列席；${name}不在此列，请确认。`,
        ),
      );
    }
    if (a.role === 'topicNonVoting') {
      const mine = expected.find((e) => e.personId === a.personId && e.role === 'topicNonVoting');
      const stray = (a.topicIds ?? []).filter((t) => !(mine?.topicIds ?? []).includes(t));
      if (stray.length > 0) {
        out.push(
          finding(
            'meeting.attendee.topicScope',
            [42],
            'warn',
            { kind: 'attendance', id: a.personId },
            `${name}只列席涉及本单位的议题，议题${topicTitles(m, stray)}不涉及其单位，请调整其列席议题。`,
          ),
        );
      }
    }
  }
  return out;
}

/** Expected attendees neither on the list nor on leave (at notice). */
export function checkMissingAttendees(m: Meeting, reg: Registry): Finding[] {
  const listed = new Set([
    ...m.attendees.map((a) => a.personId),
    ...m.leaves.map((l) => l.personId),
    m.chairId,
  ]);
  const missing = expectedAttendees(m, reg).filter((e) => !e.optional && !listed.has(e.personId));
  if (missing.length === 0) return [];
  return [
    finding(
      'meeting.attendees.missing',
      [MEETING_KIND_ARTICLE[m.kind]],
      'warn',
      meetingRef(m),
      `按${articleLabel(MEETING_KIND_ARTICLE[m.kind])}，以下人员应参加${MEETING_KIND_LABELS[m.kind]}但未列入通知名单：${joinNames(missing.map((e) => personName(reg, e.personId)))}。请补充，或登记其请假。`,
    ),
  ];
}

/** Art. 42: topic 列席 sit in only on their own topics; flag sign-ins for other topics. */
export function checkTopicAttendance(m: Meeting, reg: Registry): Finding[] {
  if (m.kind !== 'executive') return [];
  const out: Finding[] = [];
  const members = new Set(
    expectedAttendees(m, reg)
      .filter((e) => e.role === 'member' || e.role === 'fixedNonVoting')
      .map((e) => e.personId),
  );
  for (const s of m.signIns) {
    const a = m.attendees.find((x) => x.personId === s.personId);
    if (members.has(s.personId) || a === undefined || a.role !== 'topicNonVoting') continue;
    const own = new Set(a.topicIds ?? []);
    const other = (s.topicIds ?? []).filter((t) => !own.has(t));
    if (other.length > 0) {
      out.push(
        finding(
          'meeting.attendee.topicScope',
          [42],
          'warn',
          { kind: 'attendance', id: s.personId },
          `${personName(reg, s.personId)}为议题列席人员，只应列席涉及本单位的议题，但签到记录显示其列席了议题${topicTitles(m, other)}。请核实。`,
        ),
      );
    }
  }
  return out;
}

/** Art. 46: at a 常务会议 the head of a reporting unit may bring one assistant; nobody else brings any. */
export function checkAssistants(m: Meeting, reg: Registry): Finding[] {
  if (m.kind !== 'executive') return []; // art. 46 speaks of the 常务会议 only
  const out: Finding[] = [];
  const reportingHeads = new Set(headsOfTopicUnits(m, reg).keys());
  const count = new Map<PersonId, number>();
  for (const a of m.attendees.filter((x) => x.role === 'assistant')) {
    const boss = a.assistsId as PersonId;
    count.set(boss, (count.get(boss) ?? 0) + 1);
    if (!reportingHeads.has(boss)) {
      out.push(
        finding(
          'meeting.assistant.notReporting',
          [46],
          'block',
          { kind: 'attendance', id: a.personId },
          `参加常务会议，只有议题汇报单位负责同志可带1名助手；${personName(reg, boss)}不是本次会议议题汇报单位的负责同志，请删去助手${personName(reg, a.personId)}。`,
        ),
      );
    }
  }
  for (const [boss, n] of count) {
    if (n > 1 && reportingHeads.has(boss)) {
      out.push(
        finding(
          'meeting.assistant.limit',
          [46],
          'block',
          { kind: 'attendance', id: boss },
          `${personName(reg, boss)}带了${n}名助手；议题汇报单位负责同志只可带1名助手，请删减。`,
        ),
      );
    }
  }
  return out;
}
