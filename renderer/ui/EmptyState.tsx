import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** The empty state of a section: says what to do first, optionally with the action to do it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="hw-empty" aria-label={title}>
      <Empty
        description={
          <div className="hw-empty-text">
            <strong>{title}</strong>
            <div>{children}</div>
          </div>
        }
      >
        {action}
      </Empty>
    </section>
  );
}
