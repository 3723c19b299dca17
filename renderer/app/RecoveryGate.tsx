/**
 * Start-up gate: opens and checks the store (renderer/data/backup-startup.ts) before the app is shown.
 * A store that fails to open or to verify leads to the recovery screen, never to an app on an empty store.
 */
import { useEffect, useState } from 'react';
import { getStore } from '../data';
import { startBackgroundDuties, startStore, type StartupOutcome } from '../data/backup-startup';
import type { PickedBridge } from '../platform';
import { appVersionOf } from '../features/settings/backup-actions';
import { RecoveryRoot } from './RecoveryScreen';
import { Root } from './Root';

let started: Promise<StartupOutcome> | undefined;
let dutiesStarted = false;

/** Once per page, whatever React does with effects (StrictMode runs them twice in development). */
function startOnce(platform: PickedBridge): Promise<StartupOutcome> {
  started ??= startStore({
    bridge: platform.bridge,
    canBackUp: platform.kind !== 'browser',
    appVersion: () => appVersionOf(platform.bridge),
    openStore: getStore,
    marker: { get: (key) => window.localStorage.getItem(key) },
  });
  return started;
}

function startDuties(platform: PickedBridge, outcome: StartupOutcome): void {
  const store = outcome.store;
  if (dutiesStarted || !store) return;
  dutiesStarted = true;
  startBackgroundDuties(store, {
    bridge: platform.bridge,
    appVersion: () => appVersionOf(platform.bridge),
    watchHead: platform.kind !== 'browser',
    warn: (m) => console.warn(m),
  });
}

export function RecoveryGate({ nonce, platform }: { nonce: string | undefined; platform: PickedBridge }) {
  const [outcome, setOutcome] = useState<StartupOutcome | null>(null);
  const [continued, setContinued] = useState(false);

  useEffect(() => {
    let alive = true;
    void startOnce(platform).then((o) => {
      if (!alive) return;
      if (o.kind === 'ready') startDuties(platform, o);
      setOutcome(o);
    });
    return () => {
      alive = false;
    };
  }, [platform]);

  if (outcome === null) {
    return (
      <p
        role="status"
        className="hw-startup"
        style={{ margin: '40vh auto 0', textAlign: 'center', color: '#666' }}
      >
        正在打开本机数据…
      </p>
    );
  }
  if (outcome.kind === 'ready' || continued) return <Root nonce={nonce} platform={platform} />;
  return (
    <RecoveryRoot
      nonce={nonce}
      platform={platform}
      outcome={outcome}
      onContinue={() => {
        startDuties(platform, outcome);
        setContinued(true);
      }}
    />
  );
}
