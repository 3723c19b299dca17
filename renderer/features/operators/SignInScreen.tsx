/** Sign-in: name and password; the last name used on this PC is prefilled. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { getStore } from '../../data';
import { GateScreen } from './GateScreen';
import { lastOperatorName, rememberOperatorName, sessionStore, useSession } from './session-store';
import { storage } from './storage';

interface Values {
  name: string;
  password: string;
}

export function SignInScreen() {
  const notice = useSession((s) => s.notice);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [initialName] = useState(() => lastOperatorName(storage()));

  const submit = async ({ name, password }: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const store = await getStore();
      const result = await store.operators.signIn(name, password);
      if (!result.ok) {
        setError(result.message);
        form.setFieldValue('password', '');
        setBusy(false);
        return;
      }
      rememberOperatorName(storage(), result.operator.name);
      sessionStore.getState().signedIn(result.operator, await store.operators.idleMinutes());
    } catch {
      setError('登录失败：本机数据暂时无法读取。请重试；如仍失败，请重启会文。');
      setBusy(false);
    }
  };

  return (
    <GateScreen testId="operator-sign-in" title="登录" intro="请输入您的名字和密码。">
      {notice ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
      {error ? (
        <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="sign-in-error" />
      ) : null}
      <Form
        form={form}
        name="hw-sign-in"
        layout="vertical"
        initialValues={{ name: initialName, password: '' }}
        onFinish={(v) => void submit(v)}
        requiredMark={false}
      >
        <Form.Item label="名字" name="name" rules={[{ required: true, whitespace: true, message: '请填写名字' }]}>
          <Input autoFocus={!initialName} autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus={Boolean(initialName)} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
      <p style={{ color: '#888', fontSize: 12, marginTop: 16, marginBottom: 0 }}>
        忘记密码：请管理员在“操作员”中重置。管理员忘记密码，只能从备份恢复数据。
      </p>
    </GateScreen>
  );
}
