/**
 * Schemas for meeting records: the store and scenario files parse through these, so a malformed meeting is
 * refused with a Chinese message before any rule sees it. Lists default to empty so a record can be sparse.
 */
import { z } from 'zod';
import { isoDateSchema } from './registry-schema';
import type { Meeting } from './meeting';
import type {
  DecisionId,
  DocumentId,
  EntrustmentId,
  LeaveRequestId,
  MeetingId,
  PersonId,
  TopicId,
  UnitId,
} from './ids';

const id = <T extends string>() =>
  z
    .string()
    .min(1, '编号不能为空')
    .max(100)
    .transform((s) => s as T);

const text = (max: number) => z.string().max(max, `内容过长（最多 ${max} 字）`);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 09:30');

export const meetingKindSchema = z.enum(['plenary', 'partyGroup', 'executive', 'headOffice', 'special']);

export const meetingStateSchema = z.enum([
  'planned',
  'agendaApproved',
  'noticeSent',
  'held',
  'minutesDrafted',
  'minutesSigned',
  'issued',
  'archived',
  'cancelled',
  'postponed',
]);

const procedureSchema = z.object({ on: isoDateSchema, note: text(500) }).strict();

export const majorDecisionSchema = z
  .object({
    legalityReview: z
      .object({ on: isoDateSchema, byUnitId: id<UnitId>(), lawful: z.boolean(), note: text(500).optional() })
      .strict()
      .optional(),
    publicParticipation: procedureSchema.optional(),
    expertReview: procedureSchema.optional(),
    riskAssessment: procedureSchema.optional(),
    publicInterestAtStake: z.boolean().default(false),
    stabilityAssessment: z
      .object({
        on: isoDateSchema,
        note: text(500),
        thirdParty: z.string().trim().min(1, '请填写第三方评估机构'),
      })
      .strict()
      .optional(),
    hearing: procedureSchema.optional(),
    art27Domain: z.enum(['economic', 'political', 'cultural', 'social', 'ecological']).optional(),
    partyCommitteeConsent: procedureSchema.optional(),
  })
  .strict();

export const topicSchema = z
  .object({
    id: id<TopicId>(),
    title: z.string().trim().min(1, '请填写议题名称').max(200),
    reportingUnitIds: z.array(id<UnitId>()).default([]),
    responsibleDeputyId: id<PersonId>().optional(),
    materials: z.array(text(200)).default([]),
    proposedDecision: text(2000).optional(),
    priorStudy: z
      .object({ on: isoDateSchema, byId: id<PersonId>(), preliminaryView: text(2000) })
      .strict()
      .optional(),
    departmentsDisagree: z.boolean().default(false),
    coordinatingMeetingId: id<MeetingId>().optional(),
    major: majorDecisionSchema.optional(),
    approval: z.object({ byId: id<PersonId>(), on: isoDateSchema }).strict().optional(),
    withdrawn: z.boolean().optional(),
  })
  .strict();

export const attendeeSchema = z
  .object({
    personId: id<PersonId>(),
    role: z.enum(['member', 'fixedNonVoting', 'topicNonVoting', 'invited', 'participant', 'assistant']),
    topicIds: z.array(id<TopicId>()).optional(),
    unitId: id<UnitId>().optional(),
    assistsId: id<PersonId>().optional(),
  })
  .strict()
  .refine((a) => a.role !== 'topicNonVoting' || (a.topicIds !== undefined && a.topicIds.length > 0), {
    message: '议题列席人员须注明列席哪些议题',
    path: ['topicIds'],
  })
  .refine((a) => a.role !== 'assistant' || a.assistsId !== undefined, {
    message: '助手须注明随哪位汇报人员参会',
    path: ['assistsId'],
  });

export const leaveRequestSchema = z
  .object({
    id: id<LeaveRequestId>(),
    personId: id<PersonId>(),
    reason: z.string().trim().min(1, '请填写请假事由').max(500),
    askedOfId: id<PersonId>(),
    requestedOn: isoDateSchema,
    decision: z
      .object({ byId: id<PersonId>(), approved: z.boolean(), on: isoDateSchema, at: time.optional() })
      .strict()
      .optional(),
    standInId: id<PersonId>().optional(),
  })
  .strict();

export const signInSchema = z
  .object({
    personId: id<PersonId>(),
    status: z.enum(['present', 'onLeave', 'absent', 'nonVoting']),
    late: z.boolean().optional(),
    topicIds: z.array(id<TopicId>()).optional(),
  })
  .strict();

export const minutesVersionSchema = z
  .object({
    version: z.number().int().min(1),
    draftedOn: isoDateSchema,
    text: text(20000).default(''),
    submittedToId: id<PersonId>().optional(),
    signature: z
      .object({ byId: id<PersonId>(), on: isoDateSchema, opinion: text(500).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const decisionItemSchema = z
  .object({
    id: id<DecisionId>(),
    text: z.string().trim().min(1, '请填写决定事项').max(2000),
    ownerUnitId: id<UnitId>().optional(),
    responsibleLeaderId: id<PersonId>().optional(),
    dueDate: isoDateSchema.optional(),
    progress: z
      .array(
        z
          .object({
            on: isoDateSchema,
            note: z.string().trim().min(1, '请填写办理进展').max(2000),
            evidence: z.array(text(500)).optional(),
            files: z
              .array(
                z.object({ attachmentId: id<string>(), name: text(200).min(1, '请填写附件名称') }).strict(),
              )
              .optional(),
          })
          .strict(),
      )
      .default([]),
    evidence: z.array(text(500)).default([]),
    closedOn: isoDateSchema.optional(),
    topicId: id<TopicId>().optional(),
    createdOn: isoDateSchema.optional(),
    closingSummary: text(2000).optional(),
    reopenings: z
      .array(
        z
          .object({
            on: isoDateSchema,
            reason: z.string().trim().min(1, '请填写重新打开的原因').max(500),
            closedOn: isoDateSchema,
            closingSummary: text(2000).optional(),
          })
          .strict(),
      )
      .optional(),
    adjustments: z
      .array(
        z
          .object({
            on: isoDateSchema,
            reason: z.string().trim().min(1, '请填写调整的原因').max(500),
            before: z
              .object({
                ownerUnitId: id<UnitId>().optional(),
                responsibleLeaderId: id<PersonId>().optional(),
                dueDate: isoDateSchema.optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export const issueDeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fiveDays') }).strict(),
  z
    .object({
      kind: z.literal('sevenDays'),
      reason: z.string().trim().min(1, '请说明需要协调的重大修改意见'),
    })
    .strict(),
  z.object({ kind: z.literal('explicit'), date: isoDateSchema }).strict(),
]);

export const meetingSchema = z
  .object({
    id: id<MeetingId>(),
    kind: meetingKindSchema,
    title: z.string().trim().min(1, '请填写会议名称').max(200),
    date: isoDateSchema,
    time: time.optional(),
    place: z.string().max(200).default(''),
    convenorId: id<PersonId>(),
    chairId: id<PersonId>(),
    acting: z
      .object({
        forId: id<PersonId>(),
        basis: z.enum(['executiveDeputyForDistrictHead', 'entrustment']),
        entrustmentId: id<EntrustmentId>().optional(),
        note: text(500),
      })
      .strict()
      .optional(),
    important: z.boolean().optional(),
    recorderId: id<PersonId>().optional(),
    state: meetingStateSchema.default('planned'),
    postponed: z
      .object({ reason: z.string().trim().min(1, '请填写延期原因'), to: isoDateSchema.optional() })
      .strict()
      .optional(),
    reschedules: z
      .array(
        z
          .object({
            on: isoDateSchema,
            fromDate: isoDateSchema,
            fromTime: time.optional(),
            toDate: isoDateSchema,
            toTime: time.optional(),
            reason: z.string().trim().min(1, '请填写重新安排的原因').max(500),
            postponedReason: text(500).optional(),
          })
          .strict(),
      )
      .optional(),
    cancelled: z
      .object({ reason: z.string().trim().min(1, '请填写取消原因') })
      .strict()
      .optional(),
    topics: z.array(topicSchema).default([]),
    attendees: z.array(attendeeSchema).default([]),
    deliveries: z
      .array(
        z
          .object({
            personId: id<PersonId>(),
            on: isoDateSchema,
            at: time.optional(),
            by: text(50).optional(),
          })
          .strict(),
      )
      .default([]),
    leaves: z.array(leaveRequestSchema).default([]),
    signIns: z.array(signInSchema).default([]),
    records: z
      .array(z.object({ topicId: id<TopicId>(), recorderId: id<PersonId>(), text: text(20000) }).strict())
      .default([]),
    minutes: z.array(minutesVersionSchema).default([]),
    decisions: z.array(decisionItemSchema).default([]),
    reportTasks: z
      .array(
        z
          .object({
            target: z.enum(['partyCommittee', 'congressStandingCommittee', 'cppcc']),
            doneOn: isoDateSchema.optional(),
            doneBy: text(50).optional(),
            note: text(500).optional(),
          })
          .strict(),
      )
      .default([]),
    documentsToIssue: z
      .array(
        z
          .object({
            title: z.string().trim().min(1, '请填写文件标题').max(200),
            documentId: id<DocumentId>().optional(),
            deadline: issueDeadlineSchema,
            issuedOn: isoDateSchema.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const dup = (xs: readonly string[], what: string) => {
      const seen = new Set<string>();
      for (const x of xs) {
        if (seen.has(x)) ctx.addIssue({ code: 'custom', message: `${what}重复：${x}` });
        seen.add(x);
      }
    };
    dup(
      m.topics.map((t) => t.id),
      '议题编号',
    );
    dup(
      m.minutes.map((v) => String(v.version)),
      '纪要版本号',
    );
    const topics = new Set<string>(m.topics.map((t) => t.id));
    const refTopic = (tid: string, where: string) => {
      if (!topics.has(tid))
        ctx.addIssue({ code: 'custom', message: `${where}引用了本次会议没有的议题：${tid}` });
    };
    m.attendees.forEach((a) => a.topicIds?.forEach((t) => refTopic(t, '与会人员')));
    m.signIns.forEach((s) => s.topicIds?.forEach((t) => refTopic(t, '签到')));
    m.records.forEach((r) => refTopic(r.topicId, '会议纪录'));
    m.decisions.forEach((d) => (d.topicId === undefined ? undefined : refTopic(d.topicId, '决定事项')));
    dup(
      m.decisions.map((d) => d.id),
      '决定事项编号',
    );
    if (m.state === 'postponed' && m.postponed === undefined)
      ctx.addIssue({ code: 'custom', message: '会议延期须填写延期原因', path: ['postponed'] });
    if (m.state === 'cancelled' && m.cancelled === undefined)
      ctx.addIssue({ code: 'custom', message: '会议取消须填写取消原因', path: ['cancelled'] });
  });

/** Parses unknown data into a Meeting or throws a ZodError whose messages are Chinese. */
export function parseMeeting(data: unknown): Meeting {
  return meetingSchema.parse(data) as Meeting;
}

// Compile-time guard: the schema's output stays assignable to the model.
type _SchemaFitsModel = z.output<typeof meetingSchema> extends Meeting ? true : never;
export const _schemaFitsModel: _SchemaFitsModel = true;
