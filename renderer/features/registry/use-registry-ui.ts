/** The page's store instance and its React hook; data comes from the app's local store. */
import { useStore } from 'zustand';
import { getStore } from '../../data';
import { createRegistryUi, type RegistryUi } from './registry-store';

export const registryUi = createRegistryUi(async () => (await getStore()).registry);

export function useRegistryUi<T>(selector: (s: RegistryUi) => T): T {
  return useStore(registryUi, selector);
}
