/**
 * Minutes (会议纪要, art. 47): drafted within 2 working days, signed by the chair — or by the 区长 when a 副区长
 * chaired — and decision items with owners and due dates, followed until done.
 */
import type { IsoDate } from '../../calendar/iso-date';
import { finding, type Finding } from '../findings';
import type { PersonId } from '../ids';
import { firstMinutes, latestMinutes, stateReached, type Meeting } from '../meeting';
import {
  actingFor,
  districtHeadOn,
  hasPost,
  isAway,
  isDeputyHead,
  personName,
  type Registry,
} from '../registry';
import type { WorkingDays } from '../working-days';
import { deadlineOrFinding, joinNames, meetingRef, type MeetingRuleContext } from './context';

/** Art. 47: the office drafts the minutes within 2 working days of the meeting. */
export function minutesDueDate(m: Meeting, cal: WorkingDays): IsoDate {
  return cal.addWorkingDays(m.date, 2);
}

export interface RequiredSigner {
  readonly personId: PersonId;
  readonly articles: readonly number[];
  readonly reason: string;
}

/**
 * Who signs the minutes (art. 47): the chair; when the chair is a 副区长, the 区长 (as of `on`, default the
 * meeting date). Undefined when that 区长 is not registered.
 */
export function requiredMinutesSigner(
  m: Meeting,
  reg: Registry,
  on: IsoDate = m.date,
): RequiredSigner | undefined {
  const chairIsHead = hasPost(reg, m.chairId, 'districtHead', m.date);
  if (!chairIsHead && isDeputyHead(reg, m.chairId, m.date)) {
    const head = districtHeadOn(reg, on);
    if (head === undefined) return undefined;
    return {
      personId: head,
      articles: [47],
      reason: `会议主持人${personName(reg, m.chairId)}是副区长，会议纪要报区长${personName(reg, head)}签发`,
    };
  }
  return {
    personId: m.chairId,
    articles: [47],
    reason: `会议纪要由会议主持人${personName(reg, m.chairId)}签发`,
  };
}

/** Art. 47: drafted within 2 working days; reported once late (or once overdue when still not drafted). */
export function checkMinutesDue(m: Meeting, ctx: MeetingRuleContext): Finding[] {
  if (!stateReached(m.state, 'held')) return [];
  const due = deadlineOrFinding(
    () => minutesDueDate(m, ctx.calendar),
    meetingRef(m),
    [47],
    '会议纪要起草期限',
  );
  if (typeof due !== 'string') return [due];
  const first = firstMinutes(m);
  if (first !== undefined) {
    return first.draftedOn > due
      ? [
          finding(
            'meeting.minutes.overdue',
            [47],
            'warn',
            meetingRef(m),
            `会议纪要应在会后2个工作日内（${due}前）完成起草，实际起草于${first.draftedOn}，已超期。请说明原因。`,
          ),
        ]
      : [];
  }
  if (ctx.today !== undefined && ctx.today > due) {
    return [
      finding(
        'meeting.minutes.overdue',
        [47],
        'warn',
        meetingRef(m),
        `会议纪要应在会后2个工作日内（${due}前）完成起草，至今（${ctx.today}）尚未起草，请尽快起草。`,
      ),
    ];
  }
  return [];
}

/** Art. 47 (and art. 9 when the 区长 is away on the signing day). */
export function checkMinutesSignature(m: Meeting, reg: Registry): Finding[] {
  const latest = latestMinutes(m);
  if (latest === undefined) {
    return [
      finding('meeting.minutes.missing', [47], 'block', meetingRef(m), '还没有会议纪要，请先起草纪要。'),
    ];
  }
  const sig = latest.signature;
  if (sig === undefined) {
    return [
      finding(
        'meeting.minutes.unsigned',
        [47],
        'block',
        { kind: 'minutes', id: `${m.id}#${latest.version}` },
        `会议纪要（第${latest.version}稿）尚未签发。${requiredMinutesSigner(m, reg)?.reason ?? '会议纪要由会议主持人签发'}。`,
      ),
    ];
  }
  const required = requiredMinutesSigner(m, reg, sig.on);
  const ref = { kind: 'minutes' as const, id: `${m.id}#${latest.version}` };
  if (required === undefined) {
    return [
      finding(
        'meeting.minutes.signer',
        [47],
        'block',
        ref,
        `${sig.on}没有登记在任的区长，无法确定纪要签发人，请先完善人员任职记录。`,
      ),
    ];
  }
  if (sig.byId === required.personId) {
    if (sig.on < m.date) {
      return [
        finding(
          'meeting.minutes.signedEarly',
          [47],
          'block',
          ref,
          `纪要签发日期（${sig.on}）早于会议日期（${m.date}），请核对。`,
        ),
      ];
    }
    return [];
  }
  // While the required signer (the 区长) is away, the 常务副区长 presides over the government's work (art. 9).
  const acting =
    hasPost(reg, required.personId, 'districtHead', sig.on) && isAway(reg, required.personId, sig.on)
      ? actingFor(reg, required.personId, sig.on)
      : undefined;
  if (acting !== undefined && acting.actingId === sig.byId) {
    return [
      finding(
        'meeting.minutes.signerActing',
        [9, 47],
        'warn',
        ref,
        `${required.reason}；${sig.on}区长外出，由负责常务工作的副区长${personName(reg, sig.byId)}主持区政府工作并代为签发。请注明代签依据，区长返回后报其知悉。`,
      ),
    ];
  }
  return [
    finding(
      'meeting.minutes.signer',
      [47],
      'block',
      ref,
      `会议纪要应由${personName(reg, required.personId)}签发（${required.reason}），不能由${personName(reg, sig.byId)}签发。区长外出期间，可由负责常务工作的副区长代为签发（第九条）。`,
    ),
  ];
}

/** Art. 47: every decision item has an owner unit and a due date. */
export function checkDecisionItems(m: Meeting): Finding[] {
  const out: Finding[] = [];
  for (const d of m.decisions) {
    const lacking = [
      d.ownerUnitId === undefined ? '承办单位' : undefined,
      d.dueDate === undefined ? '完成时限' : undefined,
    ].filter((x): x is string => x !== undefined);
    if (lacking.length > 0) {
      out.push(
        finding(
          'meeting.decision.incomplete',
          [47],
          'block',
          { kind: 'decision', id: d.id },
          `决定事项“${d.text}”缺少${lacking.join('、')}，无法跟踪督办。请补充。`,
        ),
      );
    }
  }
  return out;
}

/** Arts. 29, 47: decision items past due and not closed. */
export function checkDecisionsOverdue(m: Meeting, reg: Registry, today: IsoDate | undefined): Finding[] {
  if (today === undefined) return [];
  return m.decisions
    .filter((d) => d.closedOn === undefined && d.dueDate !== undefined && d.dueDate < today)
    .map((d) =>
      finding(
        'meeting.decision.overdue',
        [29, 47],
        'warn',
        { kind: 'decision', id: d.id },
        `决定事项“${d.text}”应于${d.dueDate ?? ''}前完成，至今未办结${d.responsibleLeaderId ? `（责任领导：${personName(reg, d.responsibleLeaderId)}）` : ''}。请督办并及时报告区政府。`,
      ),
    );
}

/** At archiving: decisions still open are listed for follow-up. */
export function checkDecisionsOpen(m: Meeting): Finding[] {
  const open = m.decisions.filter((d) => d.closedOn === undefined);
  if (open.length === 0) return [];
  return [
    finding(
      'meeting.decision.open',
      [47],
      'info',
      meetingRef(m),
      `仍有${open.length}项决定事项未办结：${joinNames(open.map((d) => `“${d.text}”`))}。归档后继续跟踪督办。`,
    ),
  ];
}

/**
 * Signed minutes are frozen (art. 47 签发): before saving a changed meeting, every version that was signed
 * must be unchanged and still present; a correction goes into a new version (see reviseMinutes).
 */
export function checkMinutesFrozen(before: Meeting, after: Meeting): Finding[] {
  return before.minutes
    .filter((v) => v.signature !== undefined)
    .flatMap((v) => {
      const now = after.minutes.find((x) => x.version === v.version);
      const same =
        now !== undefined &&
        now.text === v.text &&
        now.draftedOn === v.draftedOn &&
        now.submittedToId === v.submittedToId &&
        now.signature?.byId === v.signature?.byId &&
        now.signature?.on === v.signature?.on &&
        now.signature?.opinion === v.signature?.opinion;
      return same
        ? []
        : [
            finding(
              'meeting.minutes.frozen',
              [47],
              'block',
              { kind: 'minutes', id: `${before.id}#${v.version}` },
              `第${v.version}稿会议纪要已于${v.signature?.on ?? ''}签发，不能修改或删除。如需更正，请另起新稿报签发人重新签发。`,
            ),
          ];
    });
}
