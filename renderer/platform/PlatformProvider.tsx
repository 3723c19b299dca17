import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { HuiwenBridge } from '../../shared/ipc';
import type { PickedBridge } from './bridge';

const PlatformContext = createContext<PickedBridge | null>(null);

/** Provides the chosen bridge; tests can pass a fake `PickedBridge`. */
export function PlatformProvider({ value, children }: { value: PickedBridge; children: ReactNode }) {
  return <PlatformContext.Provider value={value}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): PickedBridge {
  const value = useContext(PlatformContext);
  if (!value) throw new Error('usePlatform() needs <PlatformProvider> above it');
  return value;
}

export const useBridge = (): HuiwenBridge => usePlatform().bridge;
