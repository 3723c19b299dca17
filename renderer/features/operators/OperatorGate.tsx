/**
 * Between the start-up gate (store opened and checked) and the app: first-run administrator, sign-in, and
 * the screen lock after idle. The recovery screen comes before this gate, so it works without signing in.
 */
import { Alert, Button } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { getStore } from '../../data';
import { FirstRunSetup } from './FirstRunSetup';
import { browserIdleDeps, watchIdle } from './idle';
import { LockScreen } from './LockScreen';
import { sessionStore, useSession } from './session-store';
import { SignInScreen } from './SignInScreen';

export function OperatorGate({ children }: { children: ReactNode }) {
  const phase = useSession((s) => s.phase);
  const locked = useSession((s) => s.locked);
  const idleMinutes = useSession((s) => s.idleMinutes);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (phase !== 'checking') return;
    let alive = true;
    getStore()
      .then((store) => store.operators.hasAny())
      .then(
        (any) => alive && sessionStore.getState().setPhase(any ? 'signed-out' : 'first-run'),
        () => alive && setFailed(true),
      );
    return () => {
      alive = false;
    };
  }, [phase, attempt]);

  useEffect(() => {
    if (phase !== 'signed-in' || locked) return;
    return watchIdle(idleMinutes, () => sessionStore.getState().lock(), browserIdleDeps());
  }, [phase, locked, idleMinutes]);

  switch (phase) {
    case 'checking':
      return failed ? (
        <Alert
          type="error"
          showIcon
          style={{ margin: 48 }}
          title="无法读取操作员账户"
          description="本机数据暂时无法读取。请重试；如仍失败，请重启会文。"
          action={
            <Button
              onClick={() => {
                setFailed(false);
                setAttempt((n) => n + 1);
              }}
            >
              重试
            </Button>
          }
        />
      ) : (
        <p role="status" style={{ margin: '40vh auto 0', textAlign: 'center', color: '#666' }}>
          正在打开本机数据…
        </p>
      );
    case 'first-run':
      return <FirstRunSetup />;
    case 'signed-out':
      return <SignInScreen />;
    case 'signed-in':
      return (
        <>
          {/* Hidden, not unmounted: an unfinished form is still there after unlocking. */}
          <div style={{ display: locked ? 'none' : 'contents' }} aria-hidden={locked || undefined}>
            {children}
          </div>
          {locked ? <LockScreen /> : null}
        </>
      );
    default: {
      const never: never = phase;
      return never;
    }
  }
}
