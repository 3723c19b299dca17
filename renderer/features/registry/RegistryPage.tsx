import { EmptyState, Page, PageHeading } from '../../ui';

export function RegistryPage() {
  return (
    <Page>
      <PageHeading title="人员与单位" intro="领导班子成员、分工和各单位，是会议和公文的基础数据。" />
      <EmptyState title="还没有人员与单位">
        还没有人员与单位。可以先载入示例数据熟悉会文，或逐条录入领导班子成员和各单位。
      </EmptyState>
    </Page>
  );
}
