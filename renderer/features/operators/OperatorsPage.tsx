/**
 * 操作员: the administrator lists, adds, resets, changes role, disables/enables accounts (never deletes: the
 * audit trail names them), and sets the idle lock minutes. A clerk sees who they are and why they cannot.
 */
import { App, Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { getStore, ROLE_LABELS, StoreError, type OperatorAccount, type OperatorRole } from '../../data';
import { MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from '../../data/operators-repo';
import { Page, PageHeading } from '../../ui';
import { sessionStore, useSession } from './session-store';

const messageOf = (e: unknown) => (e instanceof StoreError ? e.message : '操作失败，请重试。');

export function OperatorsPage() {
  const me = useSession((s) => s.operator);
  if (me?.role !== 'admin') {
    return (
      <Page>
        <PageHeading title="操作员" />
        <Alert
          type="info"
          showIcon
          title="只有管理员可以管理操作员账户。"
          description={`您以文书“${me?.name ?? ''}”登录。需要新增同事、重置密码或更改锁屏时间，请联系管理员。`}
        />
      </Page>
    );
  }
  return <AdminOperators myId={me.id} />;
}

function AdminOperators({ myId }: { myId: string }) {
  const { message, modal } = App.useApp();
  const [accounts, setAccounts] = useState<OperatorAccount[]>();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<OperatorAccount>();

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let alive = true;
    void getStore()
      .then((store) => store.operators.list())
      .then((list) => alive && setAccounts(list));
    return () => {
      alive = false;
    };
  }, [version]);

  const run = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (e) {
      message.error(messageOf(e));
    }
    reload();
  };

  const changeRole = (a: OperatorAccount) => {
    const role: OperatorRole = a.role === 'admin' ? 'clerk' : 'admin';
    modal.confirm({
      title: `把“${a.name}”改为${ROLE_LABELS[role]}？`,
      content: role === 'admin' ? '管理员可以管理操作员账户、印章和人员与单位。' : '文书不能管理账户、印章和人员与单位。',
      okText: `改为${ROLE_LABELS[role]}`,
      cancelText: '取消',
      onOk: () =>
        run(async () => {
          await (await getStore()).operators.setRole(a.id, role);
          // The session carries the role: one's own change takes effect at the next sign-in, so sign in again now.
          if (a.id === myId) sessionStore.getState().signOut(`您的角色已改为${ROLE_LABELS[role]}，请重新登录。`);
        }, `已把“${a.name}”改为${ROLE_LABELS[role]}。`),
    });
  };

  const toggleDisabled = (a: OperatorAccount) => {
    modal.confirm({
      title: a.disabled ? `重新启用“${a.name}”？` : `停用“${a.name}”？`,
      content: a.disabled
        ? '启用后可以用原来的密码登录。'
        : '停用后不能再登录。账户不会删除：审计日志仍按名字记着其经办的每一项。',
      okText: a.disabled ? '启用' : '停用',
      okButtonProps: { danger: !a.disabled },
      cancelText: '取消',
      onOk: () =>
        run(
          async () => (await getStore()).operators.setDisabled(a.id, !a.disabled),
          a.disabled ? `已启用“${a.name}”。` : `已停用“${a.name}”。`,
        ),
    });
  };

  const columns: TableColumnsType<OperatorAccount> = [
    { title: '名字', dataIndex: 'name', key: 'name' },
    {
      title: '角色',
      key: 'role',
      render: (_, a) => <Tag color={a.role === 'admin' ? 'gold' : 'default'}>{ROLE_LABELS[a.role]}</Tag>,
    },
    {
      title: '状态',
      key: 'state',
      render: (_, a) =>
        a.disabled ? (
          <Tag>已停用</Tag>
        ) : a.lockedUntil ? (
          <Tag color="red">锁定到 {new Date(a.lockedUntil).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })}</Tag>
        ) : (
          <Tag color="green">在用</Tag>
        ),
    },
    { title: '创建时间', key: 'createdAt', render: (_, a) => a.createdAt.slice(0, 16).replace('T', ' ') },
    {
      title: '操作',
      key: 'actions',
      render: (_, a) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setResetting(a)} aria-label={`重置 ${a.name} 的密码`}>
            重置密码
          </Button>
          <Button type="link" size="small" onClick={() => changeRole(a)} aria-label={`更改 ${a.name} 的角色`}>
            改为{a.role === 'admin' ? '文书' : '管理员'}
          </Button>
          {a.id === myId ? null : (
            <Button
              type="link"
              size="small"
              danger={!a.disabled}
              onClick={() => toggleDisabled(a)}
              aria-label={`${a.disabled ? '启用' : '停用'} ${a.name}`}
            >
              {a.disabled ? '启用' : '停用'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page>
      <PageHeading
        title="操作员"
        intro="几位同事共用这台电脑时，各用自己的账户登录：审计日志记下每一项改动是谁做的。账户只能停用，不能删除。"
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            新增操作员
          </Button>
        }
      />
      <Table<OperatorAccount>
        rowKey="id"
        size="small"
        loading={accounts === undefined}
        dataSource={accounts ?? []}
        columns={columns}
        pagination={false}
        data-testid="operators-table"
      />
      <IdleMinutesCard />
      {adding ? (
        <AddOperatorDialog
          onClose={(name) => {
            setAdding(false);
            if (name) message.success(`已新增操作员“${name}”。`);
            reload();
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordDialog
          account={resetting}
          onClose={(done) => {
            setResetting(undefined);
            if (done) message.success(`已重置“${resetting.name}”的密码，并解除锁定。`);
            reload();
          }}
        />
      ) : null}
    </Page>
  );
}

interface NewOperatorValues {
  name: string;
  role: OperatorRole;
  password: string;
}

function AddOperatorDialog({ onClose }: { onClose: (name?: string) => void }) {
  const [form] = Form.useForm<NewOperatorValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: NewOperatorValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await (await getStore()).operators.create(v);
      onClose(created.name);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="新增操作员"
      okText="新增"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="hw-add-operator" layout="vertical" initialValues={{ role: 'clerk' }} onFinish={(v) => void submit(v)}>
        <Form.Item label="名字" name="name" rules={[{ required: true, whitespace: true, message: '请填写名字' }]}>
          <Input maxLength={20} autoFocus />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Radio.Group
            options={[
              { value: 'clerk', label: '文书' },
              { value: 'admin', label: '管理员' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          extra="至少 8 位。请当面告诉这位同事。"
          rules={[{ required: true, message: '请填写初始密码' }, { min: 8, message: '密码至少 8 位' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordDialog({ account, onClose }: { account: OperatorAccount; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await (await getStore()).operators.resetPassword(account.id, password);
      onClose(true);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`重置“${account.name}”的密码`}
      okText="重置"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="hw-reset-password" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label="新密码"
          name="password"
          extra="至少 8 位。重置同时解除因输错密码造成的锁定。"
          rules={[{ required: true, message: '请填写新密码' }, { min: 8, message: '密码至少 8 位' }]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IdleMinutesCard() {
  const { message } = App.useApp();
  const current = useSession((s) => s.idleMinutes);
  const [value, setValue] = useState<number | null>(current);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const minutes = value ?? Number.NaN;
      await (await getStore()).operators.setIdleMinutes(minutes);
      sessionStore.getState().setIdleMinutes(minutes);
      message.success(`已保存：无操作 ${minutes} 分钟后锁定屏幕。`);
    } catch (e) {
      message.error(messageOf(e));
    }
    setBusy(false);
  };
  return (
    <Card title="锁屏" size="small" style={{ marginTop: 16 }}>
      <Space wrap>
        <label htmlFor="hw-idle-minutes">无操作多少分钟后锁定屏幕</label>
        <InputNumber
          id="hw-idle-minutes"
          min={MIN_IDLE_MINUTES}
          max={MAX_IDLE_MINUTES}
          precision={0}
          value={value}
          onChange={setValue}
        />
        <span>分钟</span>
        <Button onClick={() => void save()} loading={busy}>
          保存锁屏时间
        </Button>
      </Space>
    </Card>
  );
}
