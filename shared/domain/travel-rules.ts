/**
 * Being away (外出报告, art. 59) and who acts for whom (art. 9): who reports to whom before leaving, and gaps in
 * coverage on a date. Also the standing leadership facts the meeting rules rely on (arts. 6–9).
 */
import type { IsoDate } from '../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from './findings';
import type { PersonId } from './ids';
import {
  actingFor,
  actingOn,
  deputyHeadsOn,
  districtHeadOn,
  findUnit,
  hasPost,
  holdersOf,
  isDeputyHead,
  partyGroupOn,
  personName,
  responsibleDeputyOn,
  unitsHeadedBy,
  unitsOfKind,
  type Acting,
  type Registry,
  type ReportRecipient,
  type TravelReport,
} from './registry';

/** Whose travel rule applies to a person on a date (art. 59). */
export type TravellerKind = 'districtHead' | 'deputyOrPartyGroup' | 'departmentHead' | 'other';

export function travellerKind(reg: Registry, person: PersonId, date: IsoDate): TravellerKind {
  if (hasPost(reg, person, 'districtHead', date)) return 'districtHead';
  if (isDeputyHead(reg, person, date) || partyGroupOn(reg, date).includes(person))
    return 'deputyOrPartyGroup';
  // 区政府各部门主要负责同志; art. 75 extends the rules to directly affiliated institutions.
  const heads = unitsHeadedBy(reg, person, date)
    .map((u) => findUnit(reg, u)?.kind)
    .some((k) => k === 'department' || k === 'institution');
  return heads ? 'departmentHead' : 'other';
}

const RECIPIENT_LABELS: Readonly<Record<ReportRecipient, string>> = {
  districtHead: '区长',
  partyCommittee: '区委',
  city: '市委、市政府',
  responsibleLeader: '分管区政府领导',
};

/** Whom `person` must report to before leaving on `date` (art. 59). */
export function requiredTravelRecipients(
  reg: Registry,
  person: PersonId,
  date: IsoDate,
): readonly ReportRecipient[] {
  const kind = travellerKind(reg, person, date);
  switch (kind) {
    case 'districtHead':
      return ['city'];
    case 'deputyOrPartyGroup':
      return ['districtHead', 'partyCommittee'];
    case 'departmentHead':
      return ['responsibleLeader', 'partyCommittee'];
    case 'other':
      return [];
    default: {
      const never: never = kind;
      throw new Error(String(never));
    }
  }
}

/** Art. 59: a travel report's recipients, timing and (for department heads) the leader's prior approval. */
export function checkTravelReport(reg: Registry, t: TravelReport): Finding[] {
  const out: Finding[] = [];
  const ref: SubjectRef = { kind: 'travel', id: t.id };
  const who = personName(reg, t.personId);
  const kind = travellerKind(reg, t.personId, t.from);
  if (kind === 'other') return [];
  const missing = requiredTravelRecipients(reg, t.personId, t.from).filter((r) => !t.reportedTo.includes(r));
  if (missing.length > 0) {
    const rule =
      kind === 'districtHead'
        ? '区长外出的，按市委、市政府要求报告'
        : kind === 'deputyOrPartyGroup'
          ? '副区长、区政府党组成员外出的，须提前向区长、区委报告'
          : '区政府各部门主要负责同志外出的，须提前向区政府领导报告，经区政府领导同意后报区委';
    out.push(
      finding(
        'travel.recipients',
        [59],
        'warn',
        ref,
        `${who}外出报告未报${missing.map((r) => RECIPIENT_LABELS[r]).join('、')}。${rule}。`,
      ),
    );
  }
  if (t.reportedOn > t.from) {
    out.push(
      finding(
        'travel.report.late',
        [59],
        'warn',
        ref,
        `${who}于${t.from}外出，${t.reportedOn}才报告，外出报告须在外出前提前报告。请说明原因。`,
      ),
    );
  }
  if (kind === 'departmentHead') {
    const inCharge = unitsHeadedBy(reg, t.personId, t.from)
      .map((u) => responsibleDeputyOn(reg, u, t.from))
      .find((p) => p !== undefined);
    if (t.approvedBy === undefined || t.approvedOn === undefined) {
      out.push(
        finding(
          'travel.approval.missing',
          [59],
          'warn',
          ref,
          `${who}是部门主要负责同志，外出须先经区政府领导${inCharge ? `（分管：${personName(reg, inCharge)}）` : ''}同意后再报区委，请登记同意的领导和日期。`,
        ),
      );
    } else {
      const leader =
        hasPost(reg, t.approvedBy, 'districtHead', t.approvedOn) ||
        isDeputyHead(reg, t.approvedBy, t.approvedOn);
      if (!leader) {
        out.push(
          finding(
            'travel.approval.leader',
            [59],
            'warn',
            ref,
            `${who}的外出由${personName(reg, t.approvedBy)}同意，应经区政府领导${inCharge ? `（分管：${personName(reg, inCharge)}）` : ''}同意，请核实。`,
          ),
        );
      } else if (
        inCharge !== undefined &&
        t.approvedBy !== inCharge &&
        !hasPost(reg, t.approvedBy, 'districtHead', t.approvedOn)
      ) {
        out.push(
          finding(
            'travel.approval.leader',
            [59],
            'info',
            ref,
            `${who}的外出由${personName(reg, t.approvedBy)}同意；其单位的分管领导是${personName(reg, inCharge)}。`,
          ),
        );
      }
      if (t.approvedOn > t.reportedOn && t.reportedTo.includes('partyCommittee')) {
        out.push(
          finding(
            'travel.approval.order',
            [59],
            'warn',
            ref,
            `${who}的外出在${t.reportedOn}报区委，区政府领导${t.approvedOn}才同意；应先经区政府领导同意后再报区委。`,
          ),
        );
      }
    }
  }
  return out;
}

/** Art. 9: who acts for whom on `date`, and anyone away whose work nobody covers. */
export function checkActingOn(reg: Registry, date: IsoDate): Finding[] {
  const out: Finding[] = actingOn(reg, date).map((a) =>
    finding('acting.arrangement', [9], 'info', { kind: 'person', id: a.absentId }, a.reason),
  );
  const away = [...new Set(reg.travels.filter((t) => t.from <= date && date <= t.to).map((t) => t.personId))];
  for (const p of away) {
    const isHead = hasPost(reg, p, 'districtHead', date);
    if (!isHead && !isDeputyHead(reg, p, date)) continue;
    if (actingFor(reg, p, date) !== undefined) continue;
    out.push(
      finding(
        'acting.gap',
        [9],
        'warn',
        { kind: 'person', id: p },
        isHead
          ? `区长${personName(reg, p)}${date}外出，负责常务工作的副区长不在岗或未登记，没有人主持区政府工作。请安排。`
          : `副区长${personName(reg, p)}${date}外出，没有可用的代管人（代管人未登记或同时外出），其分管、联系工作无人代管。请按代管办法安排。`,
      ),
    );
  }
  return out;
}

/** Who acts for `person` on `date` (art. 9), as a plain value for display. */
export function actingPersonOn(reg: Registry, person: PersonId, date: IsoDate): Acting | undefined {
  return actingFor(reg, person, date);
}

/** Standing leadership facts on a date the rules depend on (arts. 6–9). */
export function checkLeadershipOn(reg: Registry, date: IsoDate): Finding[] {
  const out: Finding[] = [];
  const ref: SubjectRef = { kind: 'date', id: date };
  const heads = holdersOf(reg, 'districtHead', date);
  if (heads.length !== 1) {
    out.push(
      finding(
        'registry.districtHead',
        [6],
        'warn',
        ref,
        heads.length === 0
          ? `${date}没有登记在任的区长，会议主持和纪要签发无法确定。请完善任职记录。`
          : `${date}登记了${heads.length}位区长（${heads.map((p) => personName(reg, p)).join('、')}），请核对任职起止日期。`,
      ),
    );
  }
  const head = districtHeadOn(reg, date);
  if (head !== undefined && !hasPost(reg, head, 'partyGroupSecretary', date)) {
    out.push(
      finding(
        'registry.headIsSecretary',
        [7],
        'info',
        ref,
        `区长${personName(reg, head)}${date}未登记为区政府党组书记；党组会议将由登记的党组书记召集和主持。`,
      ),
    );
  }
  if (holdersOf(reg, 'executiveDeputyHead', date).length === 0) {
    out.push(
      finding(
        'registry.executiveDeputy',
        [9],
        'warn',
        ref,
        `${date}没有登记负责常务工作的副区长，区长外出期间无人主持区政府工作。请完善任职记录。`,
      ),
    );
  }
  for (const d of deputyHeadsOn(reg, date)) {
    const standing = reg.coverages.some(
      (c) => c.absentId === d && c.from === undefined && c.to === undefined && c.travelId === undefined,
    );
    if (!standing) {
      out.push(
        finding(
          'registry.coverage',
          [9],
          'info',
          { kind: 'person', id: d },
          `副区长${personName(reg, d)}没有登记常设代管安排；其外出时须另行登记代管人。`,
        ),
      );
    }
  }
  for (const u of unitsOfKind(reg, 'department')) {
    if (responsibleDeputyOn(reg, u.id, date) === undefined) {
      out.push(
        finding(
          'registry.portfolio',
          [8, 50],
          'info',
          ref,
          `${u.name}${date}没有登记分管副区长，其议题和公文无法按分工呈批。`,
        ),
      );
    }
  }
  return out;
}
