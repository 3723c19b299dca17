/**
 * Incoming documents (收文): addressing and cross-department requests at registration (art. 49), routing to
 * the leader by portfolio (art. 50) with art. 9 acting, and the leader's instruction (art. 54).
 */
import type { IsoDate } from '../../calendar/iso-date';
import { finding, type Finding, type SubjectRef } from '../findings';
import type { PersonId, UnitId } from '../ids';
import {
  actingFor,
  districtHeadOn,
  holdersOf,
  isAway,
  personName,
  responsibleDeputyOn,
  unitName,
  type Acting,
  type Registry,
} from '../registry';
import type { WorkingDays } from '../working-days';
import type { IncomingDocument, LeaderInstruction } from './model';

const subjectOf = (doc: IncomingDocument): SubjectRef => ({ kind: 'document', id: doc.id });

/** Art. 49: not to an individual leader, except what that leader assigned (交办) and 绝密 items. */
export function checkIncomingAddressing(doc: IncomingDocument, reg: Registry): Finding[] {
  if (doc.addressedTo.kind === 'government') return [];
  if (doc.assignedByLeader === true || doc.classification?.level === 'topSecret') return [];
  return [
    finding(
      'incoming.addressing',
      [49],
      'warn',
      subjectOf(doc),
      `${unitName(reg, doc.fromUnitId)}的来文直接报送${personName(reg, doc.addressedTo.personId)}个人。除领导交办事项和必须直接报送的绝密事项外，不得直接向区政府领导个人报送公文：请退回来文单位改报区政府，或注明系领导交办事项。`,
    ),
  ];
}

/** Heads and leaders (负责同志) of a unit on a date. */
function leadersOf(reg: Registry, unit: UnitId, date: IsoDate): PersonId[] {
  return [...holdersOf(reg, 'unitHead', date, unit), ...holdersOf(reg, 'unitLeader', date, unit)];
}

/**
 * Art. 49: a 请示 touching other departments' powers carries the lead head's signature and the countersignatures
 * of those departments' leaders; a standing disagreement lists each side's grounds and a recommendation.
 */
export function checkCrossDepartmentRequest(doc: IncomingDocument, reg: Registry): Finding[] {
  const cross = doc.crossDepartment;
  if (doc.kind !== 'request' || cross === undefined || cross.concernedUnitIds.length === 0) return [];
  const subject = subjectOf(doc);
  const date = doc.registeredOn;
  const out: Finding[] = [];
  const from = unitName(reg, doc.fromUnitId);
  const lead = cross.leadSignature;
  const leadHeads = holdersOf(reg, 'unitHead', lead?.date ?? date, doc.fromUnitId);
  if (lead === undefined) {
    out.push(
      finding(
        'incoming.request.leadSignature',
        [49],
        'block',
        subject,
        `本请示涉及其他部门职权，须由主办部门（${from}）主要负责同志签字后与相关部门会签联合报送。请退回补签。`,
      ),
    );
  } else if (leadHeads.length > 0 && !leadHeads.includes(lead.personId)) {
    out.push(
      finding(
        'incoming.request.leadSignature',
        [49],
        'block',
        subject,
        `${personName(reg, lead.personId)}不是${from}的主要负责同志，请由主要负责同志${leadHeads.map((p) => personName(reg, p)).join('、')}签字。`,
      ),
    );
  }
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const unit of cross.concernedUnitIds) {
    const signs = cross.countersignatures.filter((c) => c.unitId === unit);
    if (signs.length === 0) {
      missing.push(unitName(reg, unit));
      continue;
    }
    const ok = signs.some((c) => {
      const leaders = leadersOf(reg, unit, c.date);
      return leaders.length === 0 || leaders.includes(c.personId);
    });
    if (!ok) wrong.push(unitName(reg, unit));
  }
  if (missing.length > 0) {
    out.push(
      finding(
        'incoming.request.countersign',
        [49],
        'block',
        subject,
        `本请示涉及其他部门职权，尚缺以下部门负责同志会签：${missing.join('、')}。请退回主办部门协商会签后联合报送。`,
      ),
    );
  }
  if (wrong.length > 0) {
    out.push(
      finding(
        'incoming.request.countersignerNotLeader',
        [49],
        'block',
        subject,
        `以下部门的会签人不是该部门负责同志：${wrong.join('、')}。请由部门负责同志会签。`,
      ),
    );
  }
  const dis = cross.disagreement;
  if (dis !== undefined) {
    const lacking: string[] = [];
    const sides = new Set(dis.sides.filter((s) => s.grounds.trim() !== '').map((s) => s.unitId));
    const parties = [doc.fromUnitId, ...cross.concernedUnitIds];
    const noGrounds = parties.filter((u) => !sides.has(u)).map((u) => unitName(reg, u));
    if (noGrounds.length > 0) lacking.push(`各方理据（缺：${noGrounds.join('、')}）`);
    if ((dis.recommendation ?? '').trim() === '') lacking.push('主办部门的办理建议');
    if (lacking.length > 0) {
      out.push(
        finding(
          'incoming.request.disagreement',
          [49],
          'block',
          subject,
          `部门间有分歧的请示，主办部门须列明各方理据、提出办理建议，与相关部门会签后报区政府决定。尚缺：${lacking.join('；')}。`,
        ),
      );
    }
  }
  return out;
}

export interface IncomingRouting {
  /** Who the document goes to on the date (the acting person when the leader is away). */
  readonly leaderId?: PersonId;
  /** The leader by portfolio, before art. 9 acting. */
  readonly nominalId?: PersonId;
  readonly acting?: Acting;
  /** Chinese, shown to the clerk. */
  readonly reason: string;
  readonly findings: readonly Finding[];
}

/**
 * Art. 50: the office routes a document for approval by the leaders' division of work — the deputy in charge of
 * the sending unit on `date`, or whoever acts for that leader (art. 9). Items a leader assigned, and 绝密 items
 * sent to a leader directly, go back to that leader. A unit without a deputy in charge goes to the 区长.
 */
export function routeIncoming(doc: IncomingDocument, reg: Registry, date: IsoDate): IncomingRouting {
  const subject = subjectOf(doc);
  const findings: Finding[] = [];
  const from = unitName(reg, doc.fromUnitId);
  let nominalId: PersonId | undefined;
  let reason: string;
  const to = doc.addressedTo;
  if (to.kind === 'leader' && (doc.assignedByLeader === true || doc.classification?.level === 'topSecret')) {
    nominalId = to.personId;
    reason =
      doc.assignedByLeader === true
        ? `系${personName(reg, to.personId)}交办事项，呈交办领导（第四十九条）`
        : `绝密件直接报送${personName(reg, to.personId)}（第四十九条）`;
  } else {
    const deputy = responsibleDeputyOn(reg, doc.fromUnitId, date);
    if (deputy !== undefined) {
      nominalId = deputy;
      reason = `按区政府领导分工，${from}由副区长${personName(reg, deputy)}分管，呈其批示（第五十条）`;
    } else {
      nominalId = districtHeadOn(reg, date);
      reason = `${from}在 ${date} 没有登记分管副区长，呈区长批示（第五十条）`;
      findings.push(
        finding(
          'incoming.route.noDeputy',
          [50],
          'warn',
          subject,
          `${from}没有登记分管副区长，已改呈区长。请在“人员与分工”中补录该单位的分管领导。`,
        ),
      );
    }
  }
  if (nominalId === undefined) {
    findings.push(
      finding(
        'incoming.route.noLeader',
        [50],
        'block',
        subject,
        `${date} 没有登记在任的区长，无法呈批。请先在“人员与分工”中补录任职记录。`,
      ),
    );
    return { reason, findings };
  }
  const acting = actingFor(reg, nominalId, date);
  if (acting !== undefined) {
    return { leaderId: acting.actingId, nominalId, acting, reason: `${reason}；${acting.reason}`, findings };
  }
  if (isAway(reg, nominalId, date)) {
    findings.push(
      finding(
        'incoming.route.noActing',
        [9],
        'warn',
        subject,
        `${personName(reg, nominalId)}于 ${date} 外出且没有登记代管人，文件将积压。请补录代管安排或与其联系。`,
      ),
    );
  }
  return { leaderId: nominalId, nominalId, reason, findings };
}

/** A recorded routing that differs from the portfolio is flagged, not refused: the leader may have redirected it. */
export function checkRoutingRecord(doc: IncomingDocument, reg: Registry): Finding[] {
  if (doc.routing === undefined) return [];
  const expected = routeIncoming(doc, reg, doc.routing.date);
  const out = [...expected.findings];
  if (expected.leaderId !== undefined && expected.leaderId !== doc.routing.leaderId) {
    out.push(
      finding(
        'incoming.route.mismatch',
        [50],
        'warn',
        subjectOf(doc),
        `已呈${personName(reg, doc.routing.leaderId)}，但按分工应呈${personName(reg, expected.leaderId)}（${expected.reason}）。如系领导指定，请注明。`,
      ),
    );
  }
  return out;
}

const BARE_WORDS = new Set(['', '阅', '已阅', '圈阅', '已圈阅', '阅知', '已阅知', '知悉', '已知悉', '悉', '知道了', '○', '〇', '√', '✓']);
const NOISE = /[\s，。、,.!！;；:：（）()“”"'’‘—\-/\\·]/g;
const DATE_MARKS = /(\d{2,4}年)?\d{1,2}月\d{1,2}日?|\d{1,4}[.\-/]\d{1,2}([.\-/]\d{1,2})?|\d+/g;

/**
 * Art. 54: "阅批公文要有明确而又具体的意见，不能简单的只签字阅知". True for an empty text, a bare "阅" / "已阅" /
 * "圈阅" / a tick, or just the leader's name (with or without a date).
 */
export function isBareInstruction(text: string, leaderName?: string): boolean {
  let rest = text.replace(NOISE, '');
  if (leaderName !== undefined && leaderName !== '') rest = rest.split(leaderName).join('');
  rest = rest.replace(DATE_MARKS, '');
  return BARE_WORDS.has(rest);
}

export function checkInstruction(doc: IncomingDocument, instruction: LeaderInstruction, reg: Registry): Finding[] {
  if (!isBareInstruction(instruction.text, personName(reg, instruction.leaderId))) return [];
  const request = doc.kind === 'request';
  return [
    finding(
      'incoming.instruction.specific',
      [54],
      request ? 'block' : 'warn',
      subjectOf(doc),
      request
        ? `请示件须有明确具体的批示意见，“${instruction.text.trim()}”不能作为批复依据。请呈${personName(reg, instruction.leaderId)}补充明确意见。`
        : `批示“${instruction.text.trim()}”只是签字阅知，不是明确具体的意见。如需交办落实，请请领导补充意见。`,
    ),
  ];
}

/** The working day by which the routed leader should have instructed ("当日事当日清", one working day of grace). */
export function instructionDue(doc: IncomingDocument, cal: WorkingDays): IsoDate | undefined {
  return doc.routing === undefined ? undefined : cal.addWorkingDays(doc.routing.date, 1);
}

/** Art. 54: routed and still without an instruction more than one working day later → warn. */
export function checkSameDay(doc: IncomingDocument, reg: Registry, cal: WorkingDays, today: IsoDate): Finding[] {
  const routing = doc.routing;
  if (routing === undefined) return [];
  const due = cal.addWorkingDays(routing.date, 1);
  const first = (doc.instructions ?? []).map((i) => i.date).sort()[0];
  const handledOn = first ?? today;
  if (handledOn <= due) return [];
  const who = personName(reg, routing.leaderId);
  return [
    finding(
      'incoming.instruction.sameDay',
      [54],
      'warn',
      subjectOf(doc),
      first === undefined
        ? `本件于 ${routing.date} 呈${who}，已超过一个工作日（${due}）未批示。按“当日事当日清”，请提醒领导及时阅批。`
        : `本件于 ${routing.date} 呈${who}，${first} 才批示，超过一个工作日（${due}），未做到“当日事当日清”。`,
    ),
  ];
}

/** A leader's items routed to them and not yet instructed, oldest first, with their same-day findings. */
export function pendingForLeader(
  docs: readonly IncomingDocument[],
  leader: PersonId,
  reg: Registry,
  cal: WorkingDays,
  today: IsoDate,
): { readonly doc: IncomingDocument; readonly overdue: boolean }[] {
  return docs
    .filter((d) => d.routing?.leaderId === leader && (d.instructions ?? []).length === 0 && d.completedOn === undefined)
    .sort((a, b) => ((a.routing?.date ?? '') < (b.routing?.date ?? '') ? -1 : 1))
    .map((doc) => ({ doc, overdue: checkSameDay(doc, reg, cal, today).length > 0 }));
}
