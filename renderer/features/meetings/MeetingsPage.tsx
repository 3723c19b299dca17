import { EmptyState, Page, PageHeading } from '../../ui';

export function MeetingsPage() {
  return (
    <Page>
      <PageHeading title="会议" intro="常务会议、专题会议等的筹备、通知、议程和纪要。" />
      <EmptyState title="还没有会议">
        还没有会议。先在“人员与单位”中载入示例数据或录入领导班子，然后点击“新建会议”。
      </EmptyState>
    </Page>
  );
}
