import type { ReactNode } from 'react';

/** A sub-page heading under the 公文 page's h1: one h2, a one-line intro, actions on the right. */
export function SubHeading({ title, intro, extra }: { title: string; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="hw-in-heading">
      <div>
        <h2 className="hw-in-title">{title}</h2>
        {intro ? <p className="hw-in-intro">{intro}</p> : null}
      </div>
      {extra}
    </div>
  );
}
