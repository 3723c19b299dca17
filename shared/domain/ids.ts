/** Branded identifiers: a MeetingId can never be passed where a PersonId is expected. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PersonId = Brand<string, 'PersonId'>;
export type UnitId = Brand<string, 'UnitId'>;
export type PostHoldingId = Brand<string, 'PostHoldingId'>;
export type PortfolioId = Brand<string, 'PortfolioId'>;
export type EntrustmentId = Brand<string, 'EntrustmentId'>;
export type TravelId = Brand<string, 'TravelId'>;
export type CoverageId = Brand<string, 'CoverageId'>;
export type MeetingId = Brand<string, 'MeetingId'>;
export type TopicId = Brand<string, 'TopicId'>;
export type LeaveRequestId = Brand<string, 'LeaveRequestId'>;
export type DecisionId = Brand<string, 'DecisionId'>;
export type DocumentId = Brand<string, 'DocumentId'>;
export type InstructionId = Brand<string, 'InstructionId'>;
export type TaskId = Brand<string, 'TaskId'>;

/** Ids are opaque non-empty strings; these casts are the only place a plain string becomes an id. */
export const personId = (s: string): PersonId => s as PersonId;
export const unitId = (s: string): UnitId => s as UnitId;
export const postHoldingId = (s: string): PostHoldingId => s as PostHoldingId;
export const portfolioId = (s: string): PortfolioId => s as PortfolioId;
export const entrustmentId = (s: string): EntrustmentId => s as EntrustmentId;
export const travelId = (s: string): TravelId => s as TravelId;
export const coverageId = (s: string): CoverageId => s as CoverageId;
export const meetingId = (s: string): MeetingId => s as MeetingId;
export const topicId = (s: string): TopicId => s as TopicId;
export const leaveRequestId = (s: string): LeaveRequestId => s as LeaveRequestId;
export const decisionId = (s: string): DecisionId => s as DecisionId;
export const documentId = (s: string): DocumentId => s as DocumentId;
export const instructionId = (s: string): InstructionId => s as InstructionId;
export const taskId = (s: string): TaskId => s as TaskId;
