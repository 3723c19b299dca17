/**
 * 导入: open a .hwpkt, run every check (a failure shows its Chinese message and changes nothing), preview new /
 * updated / conflicting records (conflicts side by side, field by field), apply in one transaction, then
 * offer 生成回执.
 */
import { FileSearchOutlined, ImportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  List,
  Radio,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { PACKET_KIND_LABELS } from '../../../shared/packet';
import {
  CONFLICT_CHOICE_LABELS,
  type ApplyReport,
  type ConflictChoice,
  type ImportPreview,
  type PreviewConflict,
  type PreviewRecord,
} from '../../data';
import { useBridge } from '../../platform';
import { conflictFields, formatBytes } from './exchange-model';
import { messageOf, usePackets } from './use-packets';

interface Picked {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  meeting: '会议',
  decision: '督办事项',
  document: '公文',
  receipt: '回执',
};

function RecordList({
  title,
  records,
  testId,
}: {
  title: string;
  records: readonly PreviewRecord[];
  testId: string;
}) {
  if (records.length === 0) return null;
  return (
    <List
      data-testid={testId}
      size="small"
      header={<strong>{`${title}（${records.length}）`}</strong>}
      dataSource={[...records]}
      renderItem={(r) => (
        <List.Item>
          <Tag>{TYPE_LABELS[r.type] ?? r.type}</Tag>
          {r.title}
        </List.Item>
      )}
    />
  );
}

function ConflictCard({
  conflict,
  choice,
  onChoose,
}: {
  conflict: PreviewConflict;
  choice: ConflictChoice | undefined;
  onChoose: (c: ConflictChoice) => void;
}) {
  const fields = conflictFields(conflict.type, conflict.local, conflict.incoming);
  return (
    <Card
      size="small"
      type="inner"
      data-testid="conflict"
      title={`冲突：${TYPE_LABELS[conflict.type] ?? conflict.type}“${conflict.title}”在本机和来件中都改过`}
    >
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={fields}
        columns={[
          { title: '项目', dataIndex: 'label', width: 110 },
          { title: '本机', dataIndex: 'local' },
          { title: '来件', dataIndex: 'incoming' },
        ]}
      />
      <Radio.Group
        aria-label={`“${conflict.title}”的处理`}
        value={choice}
        onChange={(e) => onChoose(e.target.value as ConflictChoice)}
        options={(['local', 'incoming'] as const).map((c) => ({
          value: c,
          label: CONFLICT_CHOICE_LABELS[c],
        }))}
        style={{ marginTop: 8 }}
      />
      <p className="hw-exchange-note">两个版本都会保存在交换登记和审计记录中。</p>
    </Card>
  );
}

export function ImportTab() {
  const packets = usePackets();
  const bridge = useBridge();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Picked>();
  const [passphrase, setPassphrase] = useState('');
  const [refused, setRefused] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [choices, setChoices] = useState<ReadonlyMap<string, ConflictChoice>>(new Map());
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ApplyReport>();
  const [receiptAt, setReceiptAt] = useState<string>();

  const check = async (file: Picked) => {
    if (!packets) return;
    setRefused(undefined);
    setPreview(undefined);
    setReport(undefined);
    setReceiptAt(undefined);
    setChoices(new Map());
    setConfirmed(false);
    setBusy(true);
    try {
      const result = await packets.open(file.bytes, passphrase);
      if (!result.ok) return setRefused(result.message);
      setPreview(
        await packets.prepareImport(result.packet, { name: file.name, size: file.bytes.byteLength }),
      );
    } catch (e) {
      setRefused(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async () => {
    const file = await bridge.openFile('打开数据包', [{ name: '会文数据包', extensions: ['hwpkt'] }]);
    if (!file.ok) return setRefused(file.error.message);
    if (!file.value) return;
    const next = { name: file.value.name, bytes: file.value.bytes };
    setPicked(next);
    await check(next);
  };

  const apply = async () => {
    if (!packets || !preview) return;
    setBusy(true);
    try {
      setReport(
        await packets.applyImport(
          preview,
          choices,
          confirmed ? { confirmedFingerprint: preview.packet.signer.fingerprint } : {},
        ),
      );
    } catch (e) {
      setRefused(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const writeReceipt = async () => {
    if (!packets || !report) return;
    setBusy(true);
    try {
      const built = await packets.buildReceipt(report.registerId);
      const grant = await bridge.chooseFolder('选择保存回执的文件夹（U 盘）');
      if (!grant.ok) return void message.error(grant.error.message);
      if (!grant.value) return;
      const written = await bridge.writeFilesAtomic(grant.value.grantId, [
        { relativePath: built.fileName, bytes: built.bytes },
      ]);
      if (!written.ok) return void message.error(`回执没有写入：${written.error.message}`);
      await packets.recordReceiptWritten(report.registerId);
      setReceiptAt(`${grant.value.displayPath}/${built.fileName}`);
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const m = preview?.packet.manifest;
  const unchosen = preview ? preview.conflicts.filter((c) => !choices.has(c.key)).length : 0;
  const needsConfirm = preview?.trust === 'unregistered';
  const canApply =
    preview !== undefined &&
    !preview.noop &&
    preview.blockers.length === 0 &&
    unchosen === 0 &&
    (!needsConfirm || confirmed) &&
    report === undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="打开数据包" className="hw-exchange-card">
        <Space wrap>
          <Input.Password
            aria-label="数据包口令"
            placeholder="加密数据包的口令（未加密可不填）"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            style={{ width: 280 }}
          />
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            loading={busy}
            disabled={!packets}
            onClick={() => void pick()}
          >
            打开数据包…
          </Button>
          {picked ? (
            <Button loading={busy} onClick={() => void check(picked)}>
              重新检查
            </Button>
          ) : null}
        </Space>
        <p className="hw-exchange-note">
          打开时依次检查：文件结构和大小上限、签名、每个文件的 SHA-256 和
          SM3、记录格式。任何一项不通过都不会导入，本机数据不变。
        </p>
      </Card>

      {refused ? (
        <Alert
          className="hw-alert"
          type="error"
          showIcon
          role="alert"
          data-testid="import-refused"
          title="数据包未导入"
          description={refused}
        />
      ) : null}

      {preview && m ? (
        <Card
          size="small"
          title={`预览：${picked?.name ?? preview.fileName}`}
          className="hw-exchange-card"
          data-testid="import-preview"
        >
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="发送单位">{`${m.origin.officeName}（${m.origin.officeId}）`}</Descriptions.Item>
            <Descriptions.Item label="签名密钥指纹">
              <code>{preview.packet.signer.fingerprint}</code>{' '}
              {preview.trust === 'registered' ? (
                <Tag color="green">已登记</Tag>
              ) : (
                <Tag color="orange">未登记</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="类型">{PACKET_KIND_LABELS[m.kind]}</Descriptions.Item>
            <Descriptions.Item label="事由">{m.purpose}</Descriptions.Item>
            <Descriptions.Item label="制作">{`${m.operator.name}，${m.createdAt.slice(0, 16).replace('T', ' ')}`}</Descriptions.Item>
            <Descriptions.Item label="大小">{formatBytes(preview.sizeBytes)}</Descriptions.Item>
            <Descriptions.Item label="校验">
              <Tag icon={<SafetyCertificateOutlined />} color="green">
                签名与 SHA-256 / SM3 校验通过{preview.packet.encrypted ? '，已解密' : ''}
              </Tag>
            </Descriptions.Item>
          </Descriptions>

          {preview.blockers.map((b) => (
            <Alert key={b} className="hw-alert" type="error" showIcon title="不能导入" description={b} />
          ))}

          {needsConfirm && preview.blockers.length === 0 ? (
            <Alert
              className="hw-alert"
              type="warning"
              showIcon
              title={`首次收到“${m.origin.officeName}”的数据包`}
              description={
                <>
                  <p>
                    请电话联系对方，请对方在会文“本机密钥”中读出指纹，与这里的指纹逐组核对：
                    <code data-testid="signer-fingerprint">{preview.packet.signer.fingerprint}</code>
                  </p>
                  <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
                    已电话核对，指纹一致（导入时登记该单位的密钥）
                  </Checkbox>
                </>
              }
            />
          ) : null}

          {preview.receipt ? (
            <Alert
              className="hw-alert"
              type="info"
              showIcon
              title="这是对方的回执"
              description={`对方已校验数据包 ${preview.receipt.receivedPacketId}：导入 ${preview.receipt.applied.length} 条，未变 ${preview.receipt.unchanged} 条，保留其本机版本的冲突 ${preview.receipt.conflicts.length} 处。`}
            />
          ) : null}

          {preview.noop ? (
            <Alert
              className="hw-alert"
              type="info"
              showIcon
              role="status"
              data-testid="import-noop"
              title="无变化"
              description="数据包的内容与本机一致（或已导入过），无需导入，本机数据未改动。"
            />
          ) : null}

          <RecordList title="新增" records={preview.newRecords} testId="import-new" />
          <RecordList title="更新" records={preview.updated} testId="import-updated" />
          <RecordList title="未变" records={preview.unchanged} testId="import-unchanged" />
          {preview.skipped.length > 0 ? (
            <List
              size="small"
              header={<strong>{`无法导入（${preview.skipped.length}）`}</strong>}
              dataSource={[...preview.skipped]}
              renderItem={(r) => <List.Item>{`${r.title}：${r.reason}`}</List.Item>}
            />
          ) : null}
          {preview.conflicts.map((c) => (
            <ConflictCard
              key={c.key}
              conflict={c}
              choice={choices.get(c.key)}
              onChoose={(choice) => setChoices(new Map(choices).set(c.key, choice))}
            />
          ))}

          {!preview.noop && preview.blockers.length === 0 && !report ? (
            <Space orientation="vertical">
              {unchosen > 0 ? (
                <span className="hw-exchange-note">{`还有 ${unchosen} 处冲突未选择处理方式。`}</span>
              ) : null}
              <Button
                type="primary"
                icon={<ImportOutlined />}
                loading={busy}
                disabled={!canApply}
                onClick={() => void apply()}
              >
                {preview.receipt ? '登记回执' : '导入'}
              </Button>
            </Space>
          ) : null}

          {report ? (
            <Alert
              className="hw-alert"
              type="success"
              showIcon
              role="status"
              data-testid="import-done"
              title={preview.receipt ? '回执已登记' : '已导入'}
              description={
                preview.receipt
                  ? '已记入交换登记，对应的发出记录已标注对方回执。'
                  : `已导入 ${report.applied} 条${report.keptLocal > 0 ? `，保留本机 ${report.keptLocal} 处冲突` : ''}${report.skipped > 0 ? `，${report.skipped} 条未能导入` : ''}。已记入交换登记。`
              }
              action={
                preview.receipt ? undefined : (
                  <Button
                    loading={busy}
                    disabled={receiptAt !== undefined}
                    onClick={() => void writeReceipt()}
                  >
                    生成回执
                  </Button>
                )
              }
            />
          ) : null}
          {receiptAt ? (
            <Alert
              className="hw-alert"
              type="success"
              showIcon
              data-testid="receipt-written"
              title="回执已写入"
              description={`回执已保存为“${receiptAt}”，请拷贝给发送方导入。`}
            />
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
