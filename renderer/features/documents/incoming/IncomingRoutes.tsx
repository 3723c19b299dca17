import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { IncomingDetail } from './IncomingDetail';
import { IncomingRegister } from './IncomingRegister';
import './incoming.css';
import { RegisterForm } from './RegisterForm';
import { useIncoming } from './use-incoming';

/** 收文: the register (index), registration (new) and one document's handling (:id). */
export function IncomingRoutes() {
  const load = useIncoming((s) => s.load);
  const status = useIncoming((s) => s.status);
  const loadError = useIncoming((s) => s.loadError);
  useEffect(() => {
    void load();
  }, [load]);
  if (status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title="收文读取失败"
        description={loadError}
        action={<Button onClick={() => void load()}>重试</Button>}
      />
    );
  }
  return (
    <Routes>
      <Route index element={<IncomingRegister />} />
      <Route path="new" element={<RegisterForm />} />
      <Route path=":id" element={<IncomingDetail />} />
    </Routes>
  );
}
