/**
 * Topic gates (议题, art. 45) and the statutory procedures of major decisions (arts. 23, 25, 27): what must be
 * on record before a topic goes on the agenda.
 */
import { finding, type Finding, type SubjectRef } from '../findings';
import {
  ART27_DOMAIN_LABELS,
  MEETING_KIND_LABELS,
  activeTopics,
  stateReached,
  type Meeting,
  type Topic,
} from '../meeting';
import { findUnit, personName, responsibleDeputyOn, type Registry } from '../registry';
import type { MeetingRuleContext } from './context';
import { TOPIC_SETTER_TEXT, topicSetterStatus } from './roles';

const topicRef = (t: Topic): SubjectRef => ({ kind: 'topic', id: t.id });
const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** Art. 45: substantive, prior study by the responsible deputy, reporting unit, materials. */
export function checkTopicSubstance(m: Meeting, t: Topic, reg: Registry): Finding[] {
  const out: Finding[] = [];
  const ref = topicRef(t);
  if (blank(t.proposedDecision)) {
    out.push(
      finding(
        'topic.substantive',
        [45],
        'block',
        ref,
        `议题“${t.title}”没有明确意见（解决方案）。没有实质内容、没有明确意见的议题一律不上会，请填写拟决定事项。`,
      ),
    );
  }
  if (t.reportingUnitIds.length === 0) {
    out.push(finding('topic.reportingUnit', [45], 'warn', ref, `议题“${t.title}”没有填写汇报单位，请补充。`));
  }
  if (t.materials.length === 0) {
    out.push(
      finding(
        'topic.materials',
        [45],
        'warn',
        ref,
        `议题“${t.title}”没有登记会议材料，文件和议题应于会前送达与会人员。`,
      ),
    );
  }
  const inCharge = t.reportingUnitIds
    .map((u) => responsibleDeputyOn(reg, u, m.date))
    .find((p) => p !== undefined);
  if (t.responsibleDeputyId === undefined) {
    out.push(
      finding(
        'topic.responsibleDeputy',
        [8, 45],
        'warn',
        ref,
        `议题“${t.title}”没有填写分管副区长${inCharge ? `（按分工应为${personName(reg, inCharge)}）` : ''}，请补充。`,
      ),
    );
  } else if (
    inCharge !== undefined &&
    !t.reportingUnitIds.some((u) => responsibleDeputyOn(reg, u, m.date) === t.responsibleDeputyId)
  ) {
    out.push(
      finding(
        'topic.responsibleDeputy',
        [8, 45],
        'warn',
        ref,
        `议题“${t.title}”填写的分管副区长为${personName(reg, t.responsibleDeputyId)}，但按${m.date}的分工，汇报单位由${personName(reg, inCharge)}分管，请核对。`,
      ),
    );
  }
  if (t.priorStudy === undefined) {
    out.push(
      finding(
        'topic.priorStudy',
        [45],
        'block',
        ref,
        `议题“${t.title}”没有分管副区长组织会前研究的记录。分管副区长要组织有关部门提前研究讨论、会前达成初步意向，请登记研究日期和初步意见。`,
      ),
    );
  } else {
    if (t.responsibleDeputyId !== undefined && t.priorStudy.byId !== t.responsibleDeputyId) {
      out.push(
        finding(
          'topic.priorStudy.byDeputy',
          [45],
          'warn',
          ref,
          `议题“${t.title}”的会前研究由${personName(reg, t.priorStudy.byId)}组织，应由分管副区长${personName(reg, t.responsibleDeputyId)}组织，请核实。`,
        ),
      );
    }
    if (t.priorStudy.on > m.date) {
      out.push(
        finding(
          'topic.priorStudy.late',
          [45],
          'block',
          ref,
          `议题“${t.title}”的会前研究日期（${t.priorStudy.on}）晚于会议日期（${m.date}），应在会前达成初步意向。`,
        ),
      );
    }
  }
  return out;
}

/** Art. 45: departments disagree → a 专题会议 coordinating it must have been held first. */
export function checkCoordination(m: Meeting, t: Topic, ctx: MeetingRuleContext): Finding[] {
  if (!t.departmentsDisagree) return [];
  const ref = topicRef(t);
  if (t.coordinatingMeetingId === undefined) {
    return [
      finding(
        'topic.coordination',
        [45],
        'block',
        ref,
        `议题“${t.title}”涉及多部门且意见不一致，分管副区长须先行召开专题会议协调、形成一致意见后再提交会议审议。请先召开专题会议并关联。`,
      ),
    ];
  }
  const linked = (ctx.meetings ?? []).find((x) => x.id === t.coordinatingMeetingId);
  if (linked === undefined) {
    return [
      finding(
        'topic.coordination.unverified',
        [45],
        'warn',
        ref,
        `议题“${t.title}”关联的协调会议（${t.coordinatingMeetingId}）不在会议登记中，无法核实是否已召开，请核对。`,
      ),
    ];
  }
  const problems: string[] = [];
  if (linked.kind !== 'special')
    problems.push(`关联的会议是${MEETING_KIND_LABELS[linked.kind]}，不是专题会议`);
  if (!stateReached(linked.state, 'held')) problems.push('关联的专题会议尚未召开');
  if (linked.date >= m.date) problems.push(`关联的专题会议（${linked.date}）不早于本次会议（${m.date}）`);
  return problems.length === 0
    ? []
    : [
        finding(
          'topic.coordination',
          [45],
          'block',
          ref,
          `议题“${t.title}”意见不一致，须先召开专题会议协调：${problems.join('；')}。`,
        ),
      ];
}

/** Arts. 23, 25: legality review by the 法制机构 and the statutory procedures of a major decision. */
export function checkMajorDecision(m: Meeting, t: Topic, reg: Registry): Finding[] {
  const major = t.major;
  if (major === undefined) return [];
  const out: Finding[] = [];
  const ref = topicRef(t);
  const review = major.legalityReview;
  if (review === undefined) {
    out.push(
      finding(
        'topic.legality',
        [23],
        'block',
        ref,
        `议题“${t.title}”属重大决策，未经区政府法制机构合法性审查，不得提交讨论。请先送法制机构审查。`,
      ),
    );
  } else {
    const unit = findUnit(reg, review.byUnitId);
    if (!(unit?.roles?.includes('legalAffairs') ?? false)) {
      out.push(
        finding(
          'topic.legality',
          [23],
          'block',
          ref,
          `议题“${t.title}”的合法性审查由${unit?.name ?? review.byUnitId}出具，应由区政府法制机构审查，请重新送审。`,
        ),
      );
    } else if (!review.lawful) {
      out.push(
        finding(
          'topic.legality',
          [23],
          'block',
          ref,
          `议题“${t.title}”经合法性审查不合法，不得提交讨论。请修改方案后重新送审。`,
        ),
      );
    } else if (review.on > m.date) {
      out.push(
        finding(
          'topic.legality',
          [23],
          'block',
          ref,
          `议题“${t.title}”的合法性审查日期（${review.on}）晚于会议日期，须审查后才能提交讨论。`,
        ),
      );
    }
  }
  const missing = [
    major.publicParticipation === undefined ? '公众参与' : undefined,
    major.expertReview === undefined ? '专家论证' : undefined,
    major.riskAssessment === undefined ? '风险评估' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (missing.length > 0) {
    out.push(
      finding(
        'topic.majorProcedures',
        [23],
        'warn',
        ref,
        `议题“${t.title}”属重大决策，公众参与、专家论证、风险评估是法定程序，尚缺：${missing.join('、')}。请补充记录或说明理由。`,
      ),
    );
  }
  if (major.publicInterestAtStake) {
    const lacking = [
      major.stabilityAssessment === undefined ? '委托第三方的社会稳定风险评估' : undefined,
      major.hearing === undefined ? '听证会等听取各方面意见的记录' : undefined,
    ].filter((x): x is string => x !== undefined);
    if (lacking.length > 0) {
      out.push(
        finding(
          'topic.stability',
          [25],
          'block',
          ref,
          `议题“${t.title}”涉及重大公共利益和公众权益、容易引发社会稳定问题，尚缺：${lacking.join('、')}。`,
        ),
      );
    }
  }
  if (major.art27Domain !== undefined && major.partyCommitteeConsent === undefined) {
    out.push(
      finding(
        'topic.art27.pending',
        [27],
        'info',
        ref,
        `议题“${t.title}”属${ART27_DOMAIN_LABELS[major.art27Domain]}方面的重大决策部署，会议研究后须先提出意见报经区委同意，才能部署实施。`,
      ),
    );
  }
  return out;
}

/** Art. 45: a topic goes on the agenda only when approved by whoever sets topics for the kind. */
export function checkTopicApproval(m: Meeting, t: Topic, reg: Registry): Finding[] {
  const ref = topicRef(t);
  if (t.approval === undefined) {
    return [
      finding(
        'topic.approval.missing',
        [45],
        'block',
        ref,
        `议题“${t.title}”尚未确定上会：${TOPIC_SETTER_TEXT[m.kind]}。请报送确定。`,
      ),
    ];
  }
  const status = topicSetterStatus(reg, m, t.approval.byId, t.approval.on);
  const out: Finding[] = [];
  if (status === 'ineligible') {
    out.push(
      finding(
        'topic.approval.approver',
        [45],
        'block',
        ref,
        `议题“${t.title}”由${personName(reg, t.approval.byId)}确定，但${TOPIC_SETTER_TEXT[m.kind]}。请报有权确定议题的领导审定。`,
      ),
    );
  } else if (status === 'otherDeputy') {
    out.push(
      finding(
        'topic.approval.approver',
        [45],
        'warn',
        ref,
        `专题会议议题由区长或副区长确定；本次会议由${personName(reg, m.convenorId)}召集，议题“${t.title}”却由${personName(reg, t.approval.byId)}确定，请核实。`,
      ),
    );
  } else if (status === 'acting') {
    out.push(
      finding(
        'topic.approval.acting',
        [9, 45],
        'info',
        ref,
        `议题“${t.title}”由${personName(reg, t.approval.byId)}在区长外出期间主持区政府工作时确定。`,
      ),
    );
  }
  if (t.approval.on > m.date) {
    out.push(
      finding(
        'topic.approval.late',
        [45],
        'block',
        ref,
        `议题“${t.title}”的确定日期（${t.approval.on}）晚于会议日期（${m.date}），议题须会前确定。`,
      ),
    );
  }
  return out;
}

/**
 * Art. 24: major matters of overall importance are decided by the 全体会议, 党组会议 or 常务会议; a
 * 区长办公会议 or 专题会议 may study them but should not take the decision.
 */
export function checkDecidingBody(m: Meeting, t: Topic): Finding[] {
  if (t.major === undefined || m.kind === 'plenary' || m.kind === 'partyGroup' || m.kind === 'executive')
    return [];
  return [
    finding(
      'topic.decidingBody',
      [24],
      'warn',
      topicRef(t),
      `议题“${t.title}”属重大决策，涉及全局性工作的应由区政府全体会议或区政府党组会议、区政府常务会议讨论决定；${MEETING_KIND_LABELS[m.kind]}可研究协调，决定须提交上述会议。`,
    ),
  ];
}

/** All agenda gates for every active topic. */
export function checkAgenda(m: Meeting, ctx: MeetingRuleContext): Finding[] {
  const topics = activeTopics(m);
  if (topics.length === 0) {
    return [
      finding(
        'meeting.agenda.empty',
        [45],
        'block',
        { kind: 'meeting', id: m.id },
        '会议还没有议题，请先添加议题。',
      ),
    ];
  }
  return topics.flatMap((t) => [
    ...checkTopicSubstance(m, t, ctx.registry),
    ...checkCoordination(m, t, ctx),
    ...checkMajorDecision(m, t, ctx.registry),
    ...checkDecidingBody(m, t),
    ...checkTopicApproval(m, t, ctx.registry),
  ]);
}

/** Art. 27: decisions in the five domains are implemented (issued) only after 区委 consent. */
export function checkPartyCommitteeConsent(m: Meeting): Finding[] {
  return activeTopics(m).flatMap((t) =>
    t.major?.art27Domain !== undefined && t.major.partyCommitteeConsent === undefined
      ? [
          finding(
            'topic.art27.consent',
            [27],
            'block',
            topicRef(t),
            `议题“${t.title}”属${ART27_DOMAIN_LABELS[t.major.art27Domain]}方面的重大决策部署，须报经区委同意后才能部署实施。请先登记区委同意的日期和文号。`,
          ),
        ]
      : [],
  );
}
