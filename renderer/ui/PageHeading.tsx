import type { ReactNode } from 'react';

/** Every page starts with one h1 (screen readers and e2e both rely on it) and a one-line intro. */
export function PageHeading({
  title,
  intro,
  extra,
}: {
  title: string;
  intro?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <header className="hw-page-header">
      <h1 className="hw-page-title">{title}</h1>
      {intro ? <p className="hw-page-intro">{intro}</p> : null}
      {extra}
    </header>
  );
}
