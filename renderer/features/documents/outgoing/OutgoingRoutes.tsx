/**
 * 发文: the register (#/documents/outgoing), the 拟稿 wizard (…/new) and one document's way to publication
 * (…/<id>), as nested routes so a document can be linked to and survives a reload.
 */
import { Alert, Button, Spin } from 'antd';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { NewOutgoing } from './NewOutgoing';
import { OutgoingDetail } from './OutgoingDetail';
import { OutgoingRegister } from './OutgoingRegister';
import { outgoingUi, useOutgoingUi } from './use-outgoing';
import './outgoing.css';

export function OutgoingRoutes() {
  const status = useOutgoingUi((s) => s.status);
  const loadError = useOutgoingUi((s) => s.loadError);
  useEffect(() => {
    // Reload on every visit: the registry may have changed in 人员与单位 (a trip, a new deputy).
    void outgoingUi.getState().load();
  }, []);
  if (status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title="发文数据读取失败"
        description={loadError}
        action={<Button onClick={() => void outgoingUi.getState().load()}>重试</Button>}
      />
    );
  }
  if (status !== 'ready') return <Spin aria-label="正在读取发文" />;
  return (
    <Routes>
      <Route index element={<OutgoingRegister />} />
      <Route path="new" element={<NewOutgoing />} />
      <Route path=":id" element={<OutgoingDetail />} />
    </Routes>
  );
}
