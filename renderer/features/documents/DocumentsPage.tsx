import { EmptyState, Page, PageHeading } from '../../ui';

export function DocumentsPage() {
  return (
    <Page>
      <PageHeading title="公文" intro="公文的起草、审核、签发和归档，版式符合 GB/T 9704-2012。" />
      <EmptyState title="还没有公文">
        还没有公文。先在“人员与单位”中录入发文单位和签发人，然后点击“新建公文”。
      </EmptyState>
    </Page>
  );
}
