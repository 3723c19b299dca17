/** The meeting rules (arts. 7–9, 23–27, 39–48, 53, 59), split by concern under ./meetings/. */
export { dedupeFindings, type MeetingRuleContext } from './meetings/context';
export * from './meetings/roles';
export * from './meetings/topics';
export * from './meetings/attendance';
export * from './meetings/minutes';
export * from './meetings/followup';
export * from './meetings/check';
export * from './meetings/decisions';
export * from './meetings/aftermath';
