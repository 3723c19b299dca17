import { EmptyState } from '../../../ui';

/** 发文: register, drafting and one document's way to publication. */
export function OutgoingRoutes() {
  return (
    <EmptyState title="还没有发文">
      还没有发文。先在“人员与单位”中录入发文单位和签发人，然后点击“拟稿”。
    </EmptyState>
  );
}
