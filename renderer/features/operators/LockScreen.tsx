/** The screen lock: covers the app (its state stays underneath); the same operator unlocks with their password. */
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { getStore } from '../../data';
import { ROLE_LABELS } from '../../data/operator';
import { GateScreen } from './GateScreen';
import { sessionStore, useSession } from './session-store';

export function LockScreen() {
  const operator = useSession((s) => s.operator);
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!operator) return null;

  const unlock = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await (await getStore()).operators.signIn(operator.name, password);
      if (result.ok && result.operator.id === operator.id) {
        sessionStore.getState().unlock();
        return;
      }
      if (!result.ok && (result.reason === 'locked' || result.reason === 'disabled')) {
        sessionStore.getState().signOut(result.message);
        return;
      }
      setError(result.ok ? '名字或密码不正确。' : result.message);
      form.setFieldValue('password', '');
    } catch {
      setError('解锁失败：本机数据暂时无法读取。请重试。');
    }
    setBusy(false);
  };

  return (
    <GateScreen
      overlay
      testId="lock-screen"
      title="屏幕已锁定"
      intro={`${ROLE_LABELS[operator.role]}“${operator.name}”已锁定屏幕。输入密码解锁；其他同事请点“切换操作员”。`}
    >
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="hw-unlock" layout="vertical" onFinish={(v) => void unlock(v)} requiredMark={false}>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            解锁
          </Button>
          <Button onClick={() => sessionStore.getState().signOut()}>切换操作员</Button>
        </Space>
      </Form>
    </GateScreen>
  );
}
