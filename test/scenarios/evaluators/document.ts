/**
 * Scenario evaluator for official documents (subject.kind "document"): validates the subject, runs the step
 * check the UI would run, and reports the computed facts (signers, routing, due dates, next number) as values.
 */
import { z } from 'zod';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import {
  checkDocumentStep,
  DEFAULT_DOCUMENT_SETTINGS,
  DEFAULT_NUMBER_PATTERNS,
  documentDeadlines,
  documentSchema,
  INCOMING_STEPS,
  instructionDue,
  instructionSchema,
  nextDocumentNumber,
  OUTGOING_STEPS,
  requiredSigning,
  routeIncoming,
  signatureSchema,
  type DocumentSettings,
  type DocumentStepContext,
  type IncomingDocument,
  type OfficialDocument,
  type OutgoingDocument,
  type SigningSlot,
} from '../../../shared/domain/documents';
import { isoDateSchema } from '../../../shared/domain/registry-schema';
import type { Evaluate, Evaluation, EvaluationContext } from './types';

const subjectSchema = z
  .object({
    kind: z.enum(['document', 'incoming']),
    step: z.enum([...OUTGOING_STEPS, ...INCOMING_STEPS]),
    document: documentSchema,
    date: isoDateSchema,
    signature: signatureSchema.optional(),
    instruction: instructionSchema.optional(),
    numbering: z
      .object({ used: z.array(z.string()).default([]), pattern: z.string().optional(), year: z.number().int().optional() })
      .strict()
      .optional(),
    settings: z.object({ filingPeriodDays: z.number().int().min(1) }).strict().optional(),
  })
  .strict();

export type DocumentSubject = z.infer<typeof subjectSchema>;

export function parseDocumentSubject(subject: unknown): DocumentSubject {
  const parsed = subjectSchema.safeParse(subject);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(根)'}：${i.message}`).join('\n');
  throw new Error(`公文场景的 subject 格式不正确：\n${issues}`);
}

const persons = (slots: readonly SigningSlot[]) => slots.map((s) => s.personId ?? null);

function outgoingValues(
  doc: OutgoingDocument,
  subject: DocumentSubject,
  ctx: EvaluationContext,
  settings: DocumentSettings,
): Record<string, unknown> {
  const asOf = (subject.signature?.date ?? subject.date) as IsoDate;
  const req = requiredSigning(doc, ctx.registry, asOf);
  const values: Record<string, unknown> = {
    signingRow: req.row,
    requiredSigners: persons(req.signers),
    requiredReviewers: persons(req.reviewers),
    requiredCountersigners: persons(req.countersigners),
    reportFirstTo: req.reportFirstTo?.personId ?? null,
    actingFor: [...req.signers, ...req.countersigners, ...req.reviewers].flatMap((s) =>
      s.acting ? [{ acting: s.acting.actingId, absent: s.acting.absentId }] : [],
    ),
    signingReason: req.reason,
    // A proposed signature counts, so the clerk sees the print deadline it would start.
    ...documentDeadlines(withProposedSignature(doc, subject), ctx.calendar, settings),
  };
  if (subject.step === 'number') {
    const pattern = subject.numbering?.pattern ?? DEFAULT_NUMBER_PATTERNS[doc.issuer.kind];
    const year = subject.numbering?.year ?? Number(subject.date.slice(0, 4));
    const state = nextDocumentNumber(pattern, year, subject.numbering?.used ?? []);
    values.nextNumber = state.next;
    values.numberGaps = state.gaps;
    values.numberDuplicates = state.duplicates;
  }
  return values;
}

function withProposedSignature(doc: OutgoingDocument, subject: DocumentSubject): OutgoingDocument {
  const proposed = subject.signature as DocumentStepContext['signature'];
  return proposed === undefined ? doc : { ...doc, signatures: [...(doc.signatures ?? []), proposed] };
}

function incomingValues(doc: IncomingDocument, subject: DocumentSubject, ctx: EvaluationContext): Record<string, unknown> {
  const routing = routeIncoming(doc, ctx.registry, (doc.routing?.date ?? subject.date) as IsoDate);
  const due = instructionDue(doc, ctx.calendar);
  return {
    routedTo: routing.leaderId ?? null,
    routedNominal: routing.nominalId ?? null,
    routedActing: routing.acting !== undefined,
    routingReason: routing.reason,
    ...(due === undefined ? {} : { instructionDue: due }),
  };
}

export const evaluate: Evaluate = (raw, ctx): Evaluation => {
  const subject = parseDocumentSubject(raw);
  const doc = subject.document as OfficialDocument;
  const settings = subject.settings ?? DEFAULT_DOCUMENT_SETTINGS;
  const stepCtx: DocumentStepContext = {
    registry: ctx.registry,
    calendar: ctx.calendar,
    date: subject.date as IsoDate,
    settings,
    ...(subject.signature === undefined ? {} : { signature: subject.signature as DocumentStepContext['signature'] }),
    ...(subject.instruction === undefined
      ? {}
      : { instruction: subject.instruction as DocumentStepContext['instruction'] }),
    ...(subject.numbering === undefined
      ? {}
      : {
          numbering: {
            used: subject.numbering.used,
            ...(subject.numbering.pattern === undefined ? {} : { pattern: subject.numbering.pattern }),
          },
        }),
  };
  const findings = checkDocumentStep(doc, subject.step, stepCtx);
  const values =
    doc.direction === 'outgoing' ? outgoingValues(doc, subject, ctx, settings) : incomingValues(doc, subject, ctx);
  return { findings, values };
};
