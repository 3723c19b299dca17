/**
 * 设置 → 印章: the seal registry (administrators register a PNG with transparency, preview it, retire it)
 * and the seal-use log (who used which seal on which document, how many copies; art. 54). For the sample
 * office without a registered seal, the generated vector seal is shown and said to be a sample.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Image,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Registry } from '../../../shared/domain/registry';
import { getStore, type SealRecord, type SealUse } from '../../data';
import { checkSealPng, SAMPLE_SEAL_NOTICE } from '../../data/seals-repo';
import { useBridge } from '../../platform';
import { useIsAdmin } from '../operators/session-store';

/** An object URL for PNG bytes, revoked when the bytes change or the component goes. */
function usePngUrl(png: Uint8Array | undefined): string | undefined {
  const url = useMemo(
    () => (png ? URL.createObjectURL(new Blob([png.slice()], { type: 'image/png' })) : undefined),
    [png],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

function SealImage({ png, name }: { png: Uint8Array; name: string }) {
  const url = usePngUrl(png);
  return url ? (
    <Image src={url} alt={`${name}印章图片`} width={56} height={56} style={{ objectFit: 'contain' }} />
  ) : null;
}

const when = (iso: string): string =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

interface Picked {
  readonly name: string;
  readonly png: Uint8Array;
}

function RegisterSeal({ units, onDone }: { units: Registry['units']; onDone: () => void }) {
  const bridge = useBridge();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState<string>();
  const [picked, setPicked] = useState<Picked>();
  const [errors, setErrors] = useState<Partial<Record<'name' | 'unitId' | 'png', string>>>({});
  const [saving, setSaving] = useState(false);
  const preview = usePngUrl(picked?.png);

  const pick = async () => {
    const r = await bridge.openFile('选择印章图片', [{ name: 'PNG 图片', extensions: ['png'] }]);
    if (!r.ok) return void message.error(r.error.message);
    if (!r.value) return;
    const check = checkSealPng(r.value.bytes);
    setErrors((e) => ({ ...e, png: check.ok ? undefined : check.message }));
    setPicked(check.ok ? { name: r.value.name, png: r.value.bytes } : undefined);
  };

  const save = async () => {
    const next = {
      name: name.trim() ? undefined : '请填写印章名称，如“示例区人民政府办公室”。',
      unitId: unitId ? undefined : '请选择印章所属单位。',
      png: picked ? errors.png : (errors.png ?? '请选择透明背景的 PNG 印章图片。'),
    };
    setErrors(next);
    if (next.name || next.unitId || next.png || !picked || !unitId) return;
    setSaving(true);
    try {
      await (await getStore()).seals.registerSeal({ name, unitId, png: picked.png });
      message.success(`已登记印章“${name.trim()}”。`);
      setName('');
      setPicked(undefined);
      onDone();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '登记没有成功，请重试。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" colon={false} onFinish={() => void save()} data-testid="seal-register-form">
      <Space align="start" wrap>
        <Form.Item
          label="印章名称"
          htmlFor="hw-seal-name"
          validateStatus={errors.name ? 'error' : ''}
          help={errors.name}
        >
          <Input
            id="hw-seal-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item
          label="所属单位"
          htmlFor="hw-seal-unit"
          validateStatus={errors.unitId ? 'error' : ''}
          help={errors.unitId}
        >
          <Select
            id="hw-seal-unit"
            aria-label="所属单位"
            showSearch={{ optionFilterProp: 'label' }}
            value={unitId}
            onChange={setUnitId}
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 260 }}
            placeholder="选择单位"
          />
        </Form.Item>
        <Form.Item
          label="印章图片（透明背景 PNG，不超过 2 MB）"
          validateStatus={errors.png ? 'error' : ''}
          help={errors.png}
        >
          <Space>
            <Button onClick={() => void pick()}>选择图片…</Button>
            {picked && preview && (
              <>
                <img
                  src={preview}
                  alt="所选印章预览"
                  width={56}
                  height={56}
                  style={{ objectFit: 'contain' }}
                />
                <Typography.Text type="secondary">{picked.name}</Typography.Text>
              </>
            )}
          </Space>
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={saving}>
        登记印章
      </Button>
    </Form>
  );
}

export function SealsPanel() {
  const isAdmin = useIsAdmin();
  const { message } = App.useApp();
  const [seals, setSeals] = useState<SealRecord[]>([]);
  const [uses, setUses] = useState<SealUse[]>([]);
  const [units, setUnits] = useState<Registry['units']>([]);
  const [sample, setSample] = useState<string>();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void getStore().then(async (store) => {
      const [all, log, registry, forPrint] = await Promise.all([
        store.seals.listSeals({ includeRetired: true }),
        store.seals.listSealUses(),
        store.registry.load(),
        store.seals.sealForPrint(),
      ]);
      if (!live) return;
      setSeals(all);
      setUses(log);
      setUnits(registry.units);
      setSample(forPrint?.seal.kind === 'sample' ? forPrint.seal.organ : undefined);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const retire = async (s: SealRecord) => {
    try {
      await (await getStore()).seals.retireSeal(s.id);
      message.success(`印章“${s.name}”已停用。`);
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '停用没有成功，请重试。');
    }
  };

  return (
    <Card title="印章" size="small" data-testid="seals-panel">
      <Typography.Paragraph type="secondary">
        印章只能加盖在已签发的文件上，每次用印都登记（第五十四条）。登记和停用印章须由管理员办理。
      </Typography.Paragraph>
      {sample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`示例单位“${sample}”使用系统生成的矢量印章（${SAMPLE_SEAL_NOTICE}）。登记本单位的真实印章后将改用真实印章。`}
        />
      )}
      <Table<SealRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={seals}
        locale={{ emptyText: '尚未登记印章' }}
        aria-label="已登记的印章"
        columns={[
          { title: '图样', key: 'png', width: 80, render: (_, s) => <SealImage png={s.png} name={s.name} /> },
          { title: '名称', dataIndex: 'name' },
          { title: '所属单位', key: 'unit', render: (_, s) => unitName(s.unitId) },
          { title: '登记', key: 'reg', render: (_, s) => `${s.registeredBy}，${when(s.registeredAt)}` },
          {
            title: '状态',
            key: 'state',
            render: (_, s) => (s.retiredAt ? <Tag>已停用</Tag> : <Tag color="green">在用</Tag>),
          },
          {
            title: '操作',
            key: 'act',
            render: (_, s) =>
              isAdmin && !s.retiredAt ? (
                <Popconfirm
                  title={`停用印章“${s.name}”？`}
                  description="停用后不能再加盖；用印记录保留。"
                  okText="停用"
                  cancelText="取消"
                  onConfirm={() => retire(s)}
                >
                  <Button size="small">停用</Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        {isAdmin ? (
          <RegisterSeal units={units} onDone={reload} />
        ) : (
          <Typography.Text type="secondary">登记印章须由管理员登录后办理。</Typography.Text>
        )}
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        用印登记
      </Typography.Title>
      <Table<SealUse>
        size="small"
        rowKey="id"
        dataSource={uses}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无用印记录' }}
        aria-label="用印登记"
        columns={[
          { title: '时间', key: 'at', render: (_, u) => when(u.usedOn) },
          { title: '印章', dataIndex: 'sealName' },
          { title: '文件', dataIndex: 'documentTitle' },
          { title: '份数', dataIndex: 'copies', width: 70 },
          { title: '经办人', dataIndex: 'operatorName' },
        ]}
      />
    </Card>
  );
}
