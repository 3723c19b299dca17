/**
 * The local store: the only door to IndexedDB. Features get repositories from `getStore()`; nothing else
 * imports dexie (lint enforces it).
 */
import { auditRepository, type AuditRepository } from './audit-repo';
import { CURRENT_SCHEMA_VERSION, DB_NAME, HuiwenDb } from './db';
import { NEWER_DATABASE_MESSAGE, StoreError, toStoreError } from './errors';
import { searchDocuments, type SearchOptions, type SearchResult } from './document-search';
import { incomingRepository, type IncomingRepository } from './incoming-repo';
import { meetingsRepository, type MeetingsRepository } from './meetings-repo';
import { readOfficeName, watchOfficeName } from './meta';
import { outgoingRepository, type OutgoingRepository } from './outgoing-repo';
import { packetsRepository, type PacketsRepository } from './packets-repo';
import { operatorsRepository, type OperatorsRepository } from './operators-repo';
import { registryRepository, type RegistryRepository } from './registry-repo';
import { printLogRepository, type PrintLogRepository } from './print-log-repo';
import { sealsRepository, type SealsRepository } from './seals-repo';
import { installTestHooks, wantsTestHooks } from './test-hooks';

export interface Store {
  readonly db: HuiwenDb;
  readonly registry: RegistryRepository;
  readonly audit: AuditRepository;
  readonly meetings: MeetingsRepository;
  readonly outgoing: OutgoingRepository;
  readonly incoming: IncomingRepository;
  /** Full-text and pinyin-initials search over incoming and outgoing documents (document-search.ts). */
  searchDocuments(query: string, options?: SearchOptions): Promise<SearchResult>;
  readonly packets: PacketsRepository;
  readonly operators: OperatorsRepository;
  readonly seals: SealsRepository;
  readonly printLog: PrintLogRepository;
  /** The office's name for the header ("示例区人民政府办公室" while the sample is loaded); undefined until set. */
  officeName(): Promise<string | undefined>;
  /** Live office name for the header; returns the unsubscribe function. */
  watchOfficeName(onChange: (name: string | undefined) => void): () => void;
  close(): void;
}

export async function openStore(name: string = DB_NAME, now?: () => Date): Promise<Store> {
  // Dexie 4 would open a newer database and silently add its own tables to it; look before opening.
  if ((await installedSchemaVersion(name)) > CURRENT_SCHEMA_VERSION) {
    throw new StoreError('storage', NEWER_DATABASE_MESSAGE);
  }
  const db = new HuiwenDb(name);
  try {
    await db.open();
  } catch (e) {
    db.close();
    throw toStoreError(e);
  }

  return {
    db,
    registry: registryRepository(db, now),
    audit: auditRepository(db),
    meetings: meetingsRepository(db, now),
    outgoing: outgoingRepository(db, now),
    incoming: incomingRepository(db, now),
    searchDocuments: (query, options) => searchDocuments(db, query, options),
    packets: packetsRepository(db, now),
    operators: operatorsRepository(db, { now }),
    seals: sealsRepository(db, now),
    printLog: printLogRepository(db, now),
    officeName: () => readOfficeName(db),
    watchOfficeName: (onChange) => watchOfficeName(db, onChange),
    close: () => db.close(),
  };
}

/** The schema version of an existing database (Dexie stores version × 10), 0 when there is none. */
async function installedSchemaVersion(name: string): Promise<number> {
  if (typeof indexedDB.databases !== 'function') return 0;
  const info = (await indexedDB.databases()).find((d) => d.name === name);
  return Math.floor((info?.version ?? 0) / 10);
}

let shared: Promise<Store> | undefined;

/** The app's store, opened once per page. A failed open is not cached, so "重试" can try again. */
export function getStore(): Promise<Store> {
  shared ??= openStore().then(
    (store) => {
      if (typeof window !== 'undefined' && wantsTestHooks(window.location.search)) installTestHooks(store, window);
      return store;
    },
    (e: unknown) => {
      shared = undefined;
      throw e;
    },
  );
  return shared;
}

export type { AuditRepository } from './audit-repo';
export type { AuditLog, WriteOptions } from './audited';
export { auditedWrite, readAuditHead } from './audited';
export { CURRENT_SCHEMA_VERSION, DB_NAME, HuiwenDb } from './db';
export type { LooseRow, AttachmentRow, CalendarYearRow, MetaRow } from './db';
export { chineseIssueMessage, StoreError, type FieldIssue, type StoreErrorCode } from './errors';
export type { SampleInfo } from './meta';
export {
  currentOperator,
  isAdmin,
  requireAdmin,
  ROLE_LABELS,
  signedInOperator,
  subscribeOperator,
  type Operator,
  type OperatorRole,
} from './operator';
export { matchesNameQuery, pinyinInitials } from './pinyin';
export {
  FIELD_LABELS,
  KIND_LABELS,
  REGISTRY_KINDS,
  type RegistryKind,
  type RegistryRecords,
  type RegistryRepository,
} from './registry-repo';

export type { MeetingQuery, MeetingsRepository } from './meetings-repo';
export type * from './packets-repo';
export { CONFLICT_CHOICE_LABELS, DIRECTION_LABELS } from './packets-repo';
export type { OperatorAccount, OperatorsRepository, SignInResult } from './operators-repo';
export type { SealRecord, SealUse, SealsRepository } from './seals-repo';
export type { PrintLogRepository, PrintRecord, RecordPrintInput } from './print-log-repo';
