import type { ReactNode } from 'react';

/** Page frame: keeps line length readable on wide screens. */
export function Page({ children }: { children: ReactNode }) {
  return <div className="hw-page">{children}</div>;
}
