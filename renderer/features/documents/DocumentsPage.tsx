/**
 * 公文: incoming (收文) and outgoing (发文) as nested routes under #/documents, so a document can be linked to
 * and survives a reload. Each direction owns its sub-routes (incoming/…, outgoing/…).
 */
import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page, PageHeading } from '../../ui';
import { IncomingRoutes } from './incoming/IncomingRoutes';
import { OutgoingRoutes } from './outgoing/OutgoingRoutes';
import { SearchPage } from './search/SearchPage';

const TABS = [
  { key: 'incoming', label: '收文' },
  { key: 'outgoing', label: '发文' },
  { key: 'search', label: '检索' },
] as const;

function DirectionTabs() {
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => location.pathname.startsWith(`/documents/${t.key}`))?.key ?? 'incoming';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => void navigate(`/documents/${key}`)}
      items={TABS.map((t) => ({ key: t.key, label: t.label }))}
    />
  );
}

export function DocumentsPage() {
  return (
    <Page>
      <PageHeading
        title="公文"
        intro="收文登记、拟办、批示、传阅、交办和归档；发文起草、会签、签发、编号、印制、用印和公开。"
      />
      <DirectionTabs />
      <Routes>
        <Route index element={<Navigate to="incoming" replace />} />
        <Route path="incoming/*" element={<IncomingRoutes />} />
        <Route path="outgoing/*" element={<OutgoingRoutes />} />
        <Route path="search" element={<SearchPage />} />
      </Routes>
    </Page>
  );
}
