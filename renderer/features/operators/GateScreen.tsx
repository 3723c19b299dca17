import type { ReactNode } from 'react';

/** Frame of the screens shown before the app: first run, sign-in, lock. Centred, usable at 1366×768. */
export function GateScreen({
  title,
  intro,
  testId,
  children,
  overlay = false,
}: {
  title: string;
  intro?: ReactNode;
  testId: string;
  children: ReactNode;
  /** The lock screen covers everything, antd dialogs included, so no data shows through. */
  overlay?: boolean;
}) {
  return (
    <div
      data-testid={testId}
      role={overlay ? 'dialog' : undefined}
      aria-modal={overlay ? true : undefined}
      aria-labelledby={`${testId}-title`}
      style={{
        position: overlay ? 'fixed' : 'relative',
        inset: 0,
        zIndex: overlay ? 3000 : undefined,
        minHeight: '100vh',
        background: '#f0f2f5',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
      }}
    >
      <main
        style={{
          width: 400,
          maxWidth: '100%',
          background: '#fff',
          borderRadius: 8,
          padding: '28px 32px',
          boxShadow: '0 2px 12px rgba(0,0,0,0.08)',
        }}
      >
        <p style={{ margin: 0, color: '#888' }}>会文</p>
        <h1 id={`${testId}-title`} style={{ fontSize: 22, margin: '4px 0 8px' }}>
          {title}
        </h1>
        {intro ? <p style={{ color: 'rgba(0,0,0,0.65)', marginTop: 0 }}>{intro}</p> : null}
        {children}
      </main>
    </div>
  );
}
