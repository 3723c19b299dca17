/**
 * Schemas for document records: forms, store writes, scenario files and packet import parse through these, so
 * a malformed record is refused with a Chinese message before a rule sees it.
 */
import { z } from 'zod';
import type { DocumentId, MeetingId, PersonId, TaskId, UnitId } from '../ids';
import { isoDateSchema } from '../registry-schema';
import {
  CLASSIFICATIONS,
  COUNTERPART_SIGNER_POSTS,
  DOCUMENT_DIRECTIONS,
  DOCUMENT_KINDS,
  NON_PUBLIC_REASONS,
  RESERVED_CONTENTS,
  URGENCIES,
  type DocumentSignature,
  type IncomingDocument,
  type LeaderInstruction,
  type OfficialDocument,
  type OutgoingDocument,
} from './model';

const id = <T extends string>() =>
  z
    .string()
    .min(1, '编号不能为空')
    .max(100)
    .transform((s) => s as T);

const text = (max: number) => z.string().max(max, `内容过长（最多 ${max} 字）`);
const required = (what: string, max = 500) => z.string().trim().min(1, `请填写${what}`).max(max);

export const documentKindSchema = z.enum(DOCUMENT_KINDS);

const classificationSchema = z
  .object({ level: z.enum(CLASSIFICATIONS), years: z.number().int().min(1).max(30).optional() })
  .strict();

const issuerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('government') }).strict(),
  z.object({ kind: z.literal('governmentOffice') }).strict(),
  z.object({ kind: z.literal('partyAndGovernment') }).strict(),
  z
    .object({
      kind: z.literal('governmentWithPeer'),
      counterpartName: required('联合行文单位名称', 100),
      counterpartUnitId: id<UnitId>().optional(),
      counterpartSignerPost: z.enum(COUNTERPART_SIGNER_POSTS),
    })
    .strict(),
  z.object({ kind: z.literal('partyOfficeAndGovernmentOffice') }).strict(),
]);

const actingBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('executiveDeputyForDistrictHead') }).strict(),
  z.object({ kind: z.literal('coverage'), coverageId: z.string().min(1) }).strict(),
]);

export const signatureSchema = z
  .object({
    personId: id<PersonId>(),
    date: isoDateSchema,
    role: z.enum(['sign', 'countersign']),
    actingForId: id<PersonId>().optional(),
    actingBasis: actingBasisSchema.optional(),
    opinion: text(2000).optional(),
  })
  .strict();

const reviewSchema = z
  .object({
    personId: id<PersonId>(),
    role: z.enum(['verification', 'officeDirector', 'responsibleDeputy']),
    date: isoDateSchema,
    opinion: text(2000).optional(),
    actingForId: id<PersonId>().optional(),
  })
  .strict();

const countersignatureSchema = z
  .object({
    unitId: id<UnitId>().optional(),
    personId: id<PersonId>(),
    date: isoDateSchema,
    opinion: text(2000).optional(),
    actingForId: id<PersonId>().optional(),
  })
  .strict();

const necessitySchema = z
  .object({
    callOrMeetingWouldDo: z.boolean().optional(),
    concernsOneDepartment: z.boolean().optional(),
    departmentOwnBusiness: z.boolean().optional(),
    lawAlreadyProvides: z.boolean().optional(),
    noRealContent: z.boolean().optional(),
    answeredBy: id<PersonId>().optional(),
    answeredOn: isoDateSchema.optional(),
  })
  .strict();

const publicationSchema = z.discriminatedUnion('public', [
  z
    .object({
      public: z.literal(true),
      portalPublishedOn: isoDateSchema.optional(),
      interpretation: z
        .object({ plannedOn: isoDateSchema.optional(), publishedOn: isoDateSchema.optional() })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      public: z.literal(false),
      reason: z.enum(NON_PUBLIC_REASONS).optional(),
      basis: text(500).optional(),
    })
    .strict(),
]);

const printSchema = z
  .object({
    date: isoDateSchema,
    copies: z.number().int().min(1, '印制份数至少 1 份'),
    serialFrom: z.number().int().min(1).optional(),
    serialTo: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((p) => p.serialFrom === undefined || p.serialTo === undefined || p.serialFrom <= p.serialTo, {
    message: '份号止号不能小于起号',
    path: ['serialTo'],
  });

export const outgoingDocumentSchema = z
  .object({
    id: id<DocumentId>(),
    direction: z.literal('outgoing'),
    title: required('文件标题', 200),
    kind: documentKindSchema,
    issuer: issuerSchema,
    flow: z.enum(DOCUMENT_DIRECTIONS),
    recipientLevel: z.enum(['superior', 'peer', 'subordinate', 'public']).optional(),
    draftingUnitId: id<UnitId>().optional(),
    responsibleDeputyId: id<PersonId>().optional(),
    reservedContent: z.enum(RESERVED_CONTENTS).optional(),
    escalation: z
      .object({ to: z.enum(['responsibleDeputy', 'districtHead']), reason: required('报请签发的理由') })
      .strict()
      .optional(),
    classification: classificationSchema.optional(),
    urgency: z.enum(URGENCIES).optional(),
    normative: z.boolean().optional(),
    legalityReview: z
      .object({
        unitId: id<UnitId>().optional(),
        reviewerId: id<PersonId>().optional(),
        date: isoDateSchema,
        conclusion: z.enum(['lawful', 'needsRevision', 'unlawful']),
        note: text(2000).optional(),
      })
      .strict()
      .optional(),
    necessity: necessitySchema.optional(),
    origin: z
      .object({
        meetingId: id<MeetingId>().optional(),
        meetingDate: isoDateSchema,
        majorRevisions: z.boolean().optional(),
        explicitDeadline: isoDateSchema.optional(),
      })
      .strict()
      .optional(),
    reviews: z.array(reviewSchema).optional(),
    countersignatures: z.array(countersignatureSchema).optional(),
    signatures: z.array(signatureSchema).optional(),
    reportedToHeadOn: isoDateSchema.optional(),
    documentNumber: text(100).optional(),
    print: printSchema.optional(),
    seal: z.object({ date: isoDateSchema, operatorId: id<PersonId>() }).strict().optional(),
    publication: publicationSchema.optional(),
    filing: z
      .object({
        congressFiledOn: isoDateSchema.optional(),
        cityLegalOfficeFiledOn: isoDateSchema.optional(),
        taskId: id<TaskId>().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const instructionSchema = z
  .object({ leaderId: id<PersonId>(), date: isoDateSchema, text: text(2000) })
  .strict();

export const incomingDocumentSchema = z
  .object({
    id: id<DocumentId>(),
    direction: z.literal('incoming'),
    title: required('来文标题', 200),
    kind: documentKindSchema,
    fromUnitId: id<UnitId>(),
    senderNumber: text(100).optional(),
    addressedTo: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('government') }).strict(),
      z.object({ kind: z.literal('leader'), personId: id<PersonId>() }).strict(),
    ]),
    assignedByLeader: z.boolean().optional(),
    classification: classificationSchema.optional(),
    urgency: z.enum(URGENCIES).optional(),
    registeredOn: isoDateSchema,
    crossDepartment: z
      .object({
        concernedUnitIds: z.array(id<UnitId>()),
        leadSignature: z.object({ personId: id<PersonId>(), date: isoDateSchema }).strict().optional(),
        countersignatures: z.array(countersignatureSchema).default([]),
        disagreement: z
          .object({
            sides: z.array(z.object({ unitId: id<UnitId>(), grounds: text(4000) }).strict()),
            recommendation: text(4000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    proposal: z.object({ text: required('拟办意见', 2000), byId: id<PersonId>(), date: isoDateSchema }).strict().optional(),
    routing: z
      .object({ leaderId: id<PersonId>(), actingForId: id<PersonId>().optional(), date: isoDateSchema })
      .strict()
      .optional(),
    instructions: z.array(instructionSchema).optional(),
    circulation: z
      .array(z.object({ personId: id<PersonId>(), sentOn: isoDateSchema, readOn: isoDateSchema.optional() }).strict())
      .optional(),
    assignments: z
      .array(
        z
          .object({ unitId: id<UnitId>(), due: isoDateSchema, assignedOn: isoDateSchema, doneOn: isoDateSchema.optional() })
          .strict(),
      )
      .optional(),
    completedOn: isoDateSchema.optional(),
    archivedOn: isoDateSchema.optional(),
  })
  .strict();

export const documentSchema = z.discriminatedUnion('direction', [outgoingDocumentSchema, incomingDocumentSchema]);

/** Parses unknown data into a document or throws a ZodError whose messages are Chinese. */
export function parseDocument(data: unknown): OfficialDocument {
  return documentSchema.parse(data) as OfficialDocument;
}

export function parseOutgoingDocument(data: unknown): OutgoingDocument {
  return outgoingDocumentSchema.parse(data) as OutgoingDocument;
}

export function parseIncomingDocument(data: unknown): IncomingDocument {
  return incomingDocumentSchema.parse(data) as IncomingDocument;
}

export function parseSignature(data: unknown): DocumentSignature {
  return signatureSchema.parse(data) as DocumentSignature;
}

export function parseInstruction(data: unknown): LeaderInstruction {
  return instructionSchema.parse(data) as LeaderInstruction;
}
