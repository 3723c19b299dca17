/** First run: no operator exists yet, so the first one created is the administrator. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { getStore, StoreError } from '../../data';
import { GateScreen } from './GateScreen';
import { rememberOperatorName, sessionStore } from './session-store';
import { storage } from './storage';

interface Values {
  name: string;
  password: string;
  confirm: string;
}

export function FirstRunSetup() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const store = await getStore();
      const admin = await store.operators.createFirstAdmin({ name: values.name, password: values.password });
      rememberOperatorName(storage(), admin.name);
      sessionStore.getState().signedIn(admin, await store.operators.idleMinutes());
    } catch (e) {
      setError(e instanceof StoreError ? e.message : '创建失败，请重试。');
      setBusy(false);
    }
  };

  return (
    <GateScreen
      testId="operator-setup"
      title="创建管理员"
      intro="首次使用会文：请先创建管理员账户。管理员管理操作员账户、印章和人员与单位；其他同事由管理员另行添加为文书。"
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="hw-first-run" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item
          label="名字"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写名字' }, { max: 20, message: '名字不超过 20 个字' }]}
        >
          <Input autoFocus autoComplete="username" maxLength={20} />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          extra="至少 8 位。请牢记：忘记管理员密码时，只能从备份恢复数据。"
          rules={[{ required: true, message: '请填写密码' }, { min: 8, message: '密码至少 8 位' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('password') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          创建管理员并登录
        </Button>
      </Form>
    </GateScreen>
  );
}
