/** The meta table: small named settings of the data set (sample-data flag, office name). */
import { liveQuery } from 'dexie';
import type { HuiwenDb } from './db';
import type { RegistryKind } from './registry-repo';

export const SAMPLE_META_KEY = 'sampleData';
export const OFFICE_META_KEY = 'office';

export interface SampleInfo {
  /** IsoDate the sample was generated for (its dates are relative to it). */
  readonly loadedOn: string;
  /** Ids of the records that came with the sample, so removal takes exactly those. */
  readonly ids: Partial<Record<RegistryKind, string[]>>;
}

export async function readSampleInfo(db: HuiwenDb): Promise<SampleInfo | undefined> {
  const row = await db.meta.get(SAMPLE_META_KEY);
  return row?.value as SampleInfo | undefined;
}

export async function readOfficeName(db: HuiwenDb): Promise<string | undefined> {
  const row = await db.meta.get(OFFICE_META_KEY);
  const value = row?.value as { name?: unknown } | undefined;
  return typeof value?.name === 'string' ? value.name : undefined;
}

/** Calls `onChange` with the office name now and whenever it changes (sample loaded or removed). */
export function watchOfficeName(db: HuiwenDb, onChange: (name: string | undefined) => void): () => void {
  const subscription = liveQuery(() => readOfficeName(db)).subscribe({
    next: onChange,
    error: () => onChange(undefined),
  });
  return () => subscription.unsubscribe();
}
