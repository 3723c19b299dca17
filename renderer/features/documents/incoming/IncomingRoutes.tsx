import { EmptyState } from '../../../ui';

/** 收文: register, registration and one document's handling. */
export function IncomingRoutes() {
  return (
    <EmptyState title="还没有收文">
      还没有收文。先在“人员与单位”中录入单位和领导分工，然后点击“登记收文”。
    </EmptyState>
  );
}
