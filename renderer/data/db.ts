/**
 * The one module that knows Dexie's table layout. Repositories on top of it return shared/domain types.
 *
 * Schema history (never edit a released version's stores; add a version):
 *  - v1: registry tables, audit, meta, calendar years and the generic tables of later features.
 *  - v2: `pinyinInitials` derived on people and units (search "wm" → 王明), indexed; audit indexed by record.
 *  - v3: `searchTokens` on documents (multiEntry: Chinese words, numbers, `@<unit/person id>`), kept by a table
 *    hook for every writer (document-search.ts).
 *  - v4: local operator accounts.
 *  - v5: `searchKeys` on documents (multiEntry: each match token + its row's `registeredOn`), so a search term is
 *    one date-ordered index range: counted natively, its newest page read without sorting (document-search.ts).
 */
import { Dexie, type Table } from 'dexie';
import type { AuditEntry } from '../../shared/audit';
import type {
  Coverage,
  Entrustment,
  Person,
  Portfolio,
  PostHolding,
  TravelReport,
  Unit,
} from '../../shared/domain/registry';
import { installSearchTokenHooks, searchFields } from './document-search';
import { pinyinInitials } from './pinyin';

export const DB_NAME = 'huiwen';
export const CURRENT_SCHEMA_VERSION = 5;

export type PersonRow = Person & { readonly pinyinInitials: string };
export type UnitRow = Unit & { readonly pinyinInitials: string };

/** A stored password: PBKDF2-SHA256 with its parameters, so a later, stronger setting can upgrade it. */
export interface PasswordHashRow {
  readonly algorithm: 'PBKDF2-SHA256';
  readonly iterations: number;
  /** Base64 of 16 random bytes. */
  readonly salt: string;
  /** Base64 of the 32-byte derived key. */
  readonly hash: string;
}

/** A local operator account. Never deleted (the audit trail names it); disabled instead. */
export interface OperatorRow {
  readonly id: string;
  readonly name: string;
  readonly role: 'admin' | 'clerk';
  readonly password: PasswordHashRow;
  readonly disabled: boolean;
  readonly createdAt: string;
  /** Consecutive failed sign-ins; persisted so a reload does not reset a lockout. */
  readonly failedAttempts: number;
  /** ISO instant until which sign-in is refused, or null. */
  readonly lockedUntil: string | null;
}

export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/** A calendar year the office entered (holidays and 调休 days); the calendar feature owns the data shape. */
export interface CalendarYearRow {
  readonly year: number;
  readonly data: unknown;
}

/**
 * Rows of features not built yet. Typed loosely on purpose: each feature brings its repository and its
 * domain type when it lands; until then only the indexed fields are named.
 */
export interface LooseRow {
  readonly id: string;
  readonly [field: string]: unknown;
}

export interface AttachmentRow extends LooseRow {
  readonly ownerId: string;
  readonly name: string;
  readonly mime: string;
  readonly bytes: Blob | Uint8Array;
}

/** v1 stores, kept verbatim: the migration test opens a database with exactly these. */
export const SCHEMA_V1 = {
  people: '&id, name',
  posts: '&id, personId, post, unitId, from',
  units: '&id, kind, parentId, name',
  portfolios: '&id, leaderId, unitId, relation',
  entrustments: '&id, grantorId, granteeId, scope',
  travels: '&id, personId, from, to',
  coverages: '&id, absentId, coveringId, travelId',
  audit: '&sequence, recordType, recordId',
  meta: '&key',
  calendarYears: '&year',
  meetings: '&id, kind, state, date, chairId, [kind+date]',
  topics: '&id, meetingId, state, unitId, responsibleId',
  attendance: '&id, meetingId, personId, [meetingId+personId]',
  leaveRequests: '&id, meetingId, personId, state',
  minutes: '&id, meetingId, state',
  decisions: '&id, meetingId, ownerUnitId, dueDate, state',
  documents: '&id, direction, kind, year, state, unitId, classification, registeredOn',
  documentSteps: '&id, documentId, kind, at',
  seals: '&id, unitId',
  sealUses: '&id, sealId, documentId, usedOn',
  attachments: '&id, ownerId',
  packets: '&id, createdAt',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  people: '&id, name, pinyinInitials',
  units: '&id, kind, parentId, name, pinyinInitials',
  travels: '&id, personId, from, to, approvedBy',
  audit: '&sequence, recordType, recordId, [recordType+recordId], at',
} as const;

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  documents: '&id, direction, kind, year, state, unitId, classification, registeredOn, *searchTokens',
} as const;

/** v4: local operator accounts (issue 4); names are looked up at sign-in, roles for the accounts page. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  operators: '&id, name, role',
} as const;

/** v5: date-ordered search keys beside the plain tokens (which stay indexed for their existing readers). */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  documents:
    '&id, direction, kind, year, state, unitId, classification, registeredOn, *searchTokens, *searchKeys',
} as const;

export class HuiwenDb extends Dexie {
  declare people: Table<PersonRow, string>;
  declare posts: Table<PostHolding, string>;
  declare units: Table<UnitRow, string>;
  declare portfolios: Table<Portfolio, string>;
  declare entrustments: Table<Entrustment, string>;
  declare travels: Table<TravelReport, string>;
  declare coverages: Table<Coverage, string>;
  declare audit: Table<AuditEntry, number>;
  declare meta: Table<MetaRow, string>;
  declare calendarYears: Table<CalendarYearRow, number>;
  declare meetings: Table<LooseRow, string>;
  declare topics: Table<LooseRow, string>;
  declare attendance: Table<LooseRow, string>;
  declare leaveRequests: Table<LooseRow, string>;
  declare minutes: Table<LooseRow, string>;
  declare decisions: Table<LooseRow, string>;
  declare documents: Table<LooseRow, string>;
  declare documentSteps: Table<LooseRow, string>;
  declare seals: Table<LooseRow, string>;
  declare sealUses: Table<LooseRow, string>;
  declare attachments: Table<AttachmentRow, string>;
  declare packets: Table<LooseRow, string>;
  declare operators: Table<OperatorRow, string>;

  constructor(name: string = DB_NAME) {
    // 'strict' makes Chromium flush to disk before a transaction reports complete: a saved record survives
    // a power cut right after the clerk sees "已保存".
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('people')
          .toCollection()
          .modify((p: { name: string; pinyinInitials?: string }) => {
            p.pinyinInitials = pinyinInitials(p.name, 'person');
          });
        await tx
          .table('units')
          .toCollection()
          .modify((u: { name: string; pinyinInitials?: string }) => {
            u.pinyinInitials = pinyinInitials(u.name);
          });
      });
    // v3 introduced searchTokens; v5's upgrade below derives them together with searchKeys for every row, so a
    // store older than v3 gets both there instead of segmenting every document twice.
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        // The same derivation as the hooks, so an upgraded row equals a freshly written one.
        await tx
          .table('documents')
          .toCollection()
          .modify((d: Record<string, unknown>) => {
            Object.assign(d, searchFields(d));
          });
      });
    installSearchTokenHooks(this.documents);
  }
}

export const toPersonRow = (p: Person): PersonRow => ({ ...p, pinyinInitials: pinyinInitials(p.name, 'person') });
export const toUnitRow = (u: Unit): UnitRow => ({ ...u, pinyinInitials: pinyinInitials(u.name) });

export function fromPersonRow(row: PersonRow): Person {
  const { pinyinInitials: _derived, ...person } = row;
  return person;
}

export function fromUnitRow(row: UnitRow): Unit {
  const { pinyinInitials: _derived, ...unit } = row;
  return unit;
}
