/** The store's packets repository for the exchange screens (undefined until the store is open). */
import { useEffect, useState } from 'react';
import { getStore, type PacketsRepository } from '../../data';

export function usePackets(): PacketsRepository | undefined {
  const [repo, setRepo] = useState<PacketsRepository>();
  useEffect(() => {
    let live = true;
    void getStore().then(
      (store) => {
        if (live) setRepo(store.packets);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return repo;
}

/** A thrown error as a clerk-readable sentence. */
export const messageOf = (e: unknown): string =>
  e instanceof Error && /[\u4e00-\u9fff]/.test(e.message)
    ? e.message
    : '操作没有完成，数据未改动。请重试；如仍不行，请联系技术支持。';
