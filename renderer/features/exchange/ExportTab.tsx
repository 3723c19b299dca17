/**
 * 导出: pick meetings or 督办 decisions, the recipient and purpose, optionally a passphrase; the preview lists
 * exactly what leaves the PC; then the USB folder, a chunked write with a progress bar, and the register.
 */
import { ExportOutlined, FolderOpenOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Progress,
  Radio,
  Space,
  Table,
  Tag,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS, type Meeting } from '../../../shared/domain/meeting';
import { shanghaiDateOf } from '../../../shared/calendar/iso-date';
import {
  getStore,
  type DocumentCandidate,
  type ExportKind,
  type PartnerKey,
  type PreparedExport,
} from '../../data';
import { generatePdf } from '../pdf/use-pdf';
import { useBridge } from '../../platform';
import { formatBytes } from './exchange-model';
import { messageOf, usePackets } from './use-packets';
import { meetingPdfsFor, type MeetingPdfs } from './meeting-pdfs';
import { verifyWrittenPacket, writePacketFile } from './write-packet';
import { ReadmeCheck } from './ReadmeCheck';

interface Row {
  readonly key: string;
  readonly title: string;
  readonly date: string;
  readonly detail: string;
  readonly search: string;
}

function rowsOf(
  kind: ExportKind,
  meetings: readonly Meeting[],
  documents: readonly DocumentCandidate[],
): Row[] {
  if (kind === 'document')
    return documents.map((d) => ({
      key: d.id,
      title: d.title,
      date: d.date,
      detail: `${d.direction === 'incoming' ? '收文' : '发文'}${d.number ? ` · ${d.number}` : ''}${d.classification ? ` · ${d.classification}` : ''}`,
      search: `${d.title} ${d.number} ${d.date}`,
    }));
  if (kind === 'meeting')
    return meetings.map((m) => ({
      key: m.id,
      title: m.title,
      date: m.date,
      detail: `${MEETING_KIND_LABELS[m.kind]} · ${MEETING_STATE_LABELS[m.state]}`,
      search: `${m.title} ${m.place} ${m.date}`,
    }));
  return meetings.flatMap((m) =>
    m.decisions.map((d) => ({
      key: d.id,
      title: d.text,
      date: d.dueDate ?? '',
      detail: `${m.title} · 进展 ${d.progress.length} 条${d.closedOn ? ' · 已办结' : ''}`,
      search: `${d.text} ${m.title}`,
    })),
  );
}

const LABELS: Readonly<Record<ExportKind, { search: string; empty: string; title: string; date: string }>> = {
  meeting: { search: '按会议名称、地点或日期搜索', empty: '没有可发送的会议。', title: '会议', date: '日期' },
  'decisions-update': {
    search: '按决定事项或会议名称搜索',
    empty: '没有督办事项。',
    title: '决定事项',
    date: '时限',
  },
  document: { search: '按标题、文号或日期搜索', empty: '没有公文。', title: '公文', date: '登记日期' },
};

const TYPE_LABELS: Readonly<Record<string, string>> = {
  meeting: '会议',
  decision: '督办事项',
  document: '公文',
};

type Written = {
  readonly displayPath: string;
  readonly sha256: string;
  readonly fileName: string;
  readonly checked: 'full' | 'hash-only';
};

/** The meetings' 会议通知 and signed 纪要 as PDFs; a failure here never stops the export. */
async function pdfsOf(meetings: readonly Meeting[]): Promise<MeetingPdfs> {
  try {
    const store = await getStore();
    const [registry, office] = await Promise.all([store.registry.load(), store.officeName()]);
    return await meetingPdfsFor(meetings, {
      generate: generatePdf,
      registry,
      office: office ?? '区人民政府办公室',
      today: shanghaiDateOf(new Date()),
    });
  } catch {
    return { files: {}, failures: ['会议的 PDF 未能生成（读取人员与单位失败）'] };
  }
}

export function ExportTab() {
  const packets = usePackets();
  const bridge = useBridge();
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [partners, setPartners] = useState<PartnerKey[]>([]);
  const [documents, setDocuments] = useState<DocumentCandidate[]>([]);
  const [kind, setKind] = useState<ExportKind>('meeting');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [passphrase2, setPassphrase2] = useState('');
  const [prepared, setPrepared] = useState<PreparedExport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [written, setWritten] = useState<Written>();
  const [pdfFailures, setPdfFailures] = useState<readonly string[]>([]);

  useEffect(() => {
    if (!packets) return;
    void packets.exportCandidates().then(setMeetings, (e: unknown) => setError(messageOf(e)));
    void packets.partners().then(setPartners, () => undefined);
    void packets.documentCandidates().then(setDocuments, (e: unknown) => setError(messageOf(e)));
  }, [packets]);

  const rows = useMemo(() => rowsOf(kind, meetings, documents), [kind, meetings, documents]);
  const classifiedSelected =
    kind === 'document' && documents.some((d) => d.classification && selected.includes(d.id));
  const visible = rows.filter((r) => query.trim() === '' || r.search.includes(query.trim()));

  const reset = () => {
    setPrepared(undefined);
    setWritten(undefined);
    setProgress(undefined);
    setError(undefined);
    setPdfFailures([]);
  };

  const preview = async () => {
    if (!packets) return;
    reset();
    if (encrypt && passphrase !== passphrase2) return setError('两次输入的口令不一致，请重新输入。');
    if (encrypt && passphrase === '') return setError('已选择口令加密，请填写口令。');
    setBusy(true);
    try {
      const pdfs =
        kind === 'meeting' && selected.length > 0
          ? await pdfsOf(meetings.filter((m) => selected.includes(m.id)))
          : undefined;
      setPdfFailures(pdfs?.failures ?? []);
      setPrepared(
        await packets.prepareExport({
          kind,
          ...(kind === 'meeting'
            ? { meetingIds: selected, ...(pdfs ? { generatedFiles: pdfs.files } : {}) }
            : kind === 'document'
              ? { documentIds: selected }
              : { decisionIds: selected }),
          recipient,
          purpose,
          ...(encrypt ? { passphrase } : {}),
        }),
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const write = async () => {
    if (!packets || !prepared) return;
    setError(undefined);
    setBusy(true);
    try {
      const grant = await bridge.chooseFolder('选择保存数据包的文件夹（U 盘）');
      if (!grant.ok) return setError(grant.error.message);
      if (!grant.value) return;
      const { built } = prepared;
      const out = await writePacketFile(bridge, grant.value.grantId, built.fileName, built.bytes, (w, t) =>
        setProgress(t === 0 ? 100 : Math.floor((w / t) * 100)),
      );
      if (!out.ok) {
        setProgress(undefined);
        return setError(`数据包没有写入：${out.message}`);
      }
      // Issue 8: re-read what landed on the stick and run the receiver's checks before it counts as sent.
      const check = await verifyWrittenPacket(bridge, grant.value.grantId, out.relativePath, {
        bytes: built.bytes,
        packetId: built.manifest.packetId,
        ...(prepared.request.passphrase ? { passphrase: prepared.request.passphrase } : {}),
      });
      if (!check.ok) {
        setProgress(undefined);
        await packets.recordSent(prepared, { fileName: built.fileName, readBackFailed: check.message });
        return setError(`${check.message}（已记入交换登记：写入后复核未通过）`);
      }
      await packets.recordSent(prepared, { fileName: built.fileName });
      setWritten({
        displayPath: out.displayPath,
        sha256: out.sha256,
        fileName: built.fileName,
        checked: check.checked,
      });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const files = prepared?.items.flatMap((i) => i.files.map((f) => ({ ...f, owner: i.title }))) ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="1. 选择要发送的内容" className="hw-exchange-card">
        <Form layout="vertical">
          <Form.Item label="数据包类型">
            <Radio.Group
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ExportKind);
                setSelected([]);
                reset();
              }}
              options={[
                { value: 'meeting', label: '会议（含议题、纪要、决定事项和附件）' },
                { value: 'decisions-update', label: '督办事项进展' },
                { value: 'document', label: '公文（记录和 PDF）' },
              ]}
            />
          </Form.Item>
          <Input.Search
            allowClear
            aria-label="搜索要发送的内容"
            placeholder={LABELS[kind].search}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ maxWidth: 420, marginBottom: 8 }}
          />
          <Table<Row>
            data-testid="export-candidates"
            size="small"
            rowKey="key"
            dataSource={visible}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            locale={{ emptyText: LABELS[kind].empty }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => {
                setSelected(keys.map(String));
                reset();
              },
            }}
            columns={[
              { title: LABELS[kind].title, dataIndex: 'title' },
              { title: LABELS[kind].date, dataIndex: 'date', width: 120 },
              { title: '情况', dataIndex: 'detail' },
            ]}
          />
        </Form>
      </Card>

      <Card size="small" title="2. 接收单位与事由" className="hw-exchange-card">
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Form.Item label="接收单位" required>
            <AutoComplete
              aria-label="接收单位"
              value={recipient}
              onChange={(v: string) => {
                setRecipient(v);
                reset();
              }}
              options={partners.map((p) => ({ value: p.officeName }))}
              placeholder="例如：区委办公室"
            />
          </Form.Item>
          <Form.Item label="报送事由" required>
            <Input
              aria-label="报送事由"
              value={purpose}
              maxLength={200}
              onChange={(e) => {
                setPurpose(e.target.value);
                reset();
              }}
              placeholder="例如：报送区政府第十二次常务会议纪要"
            />
          </Form.Item>
          {classifiedSelected ? (
            <Alert
              className="hw-alert"
              type="warning"
              showIcon
              title="所选公文有密级标注，必须用口令加密后才能导出。"
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form.Item>
            <Checkbox
              checked={encrypt}
              onChange={(e) => {
                setEncrypt(e.target.checked);
                reset();
              }}
            >
              用口令加密（有密级标注的内容必须加密）
            </Checkbox>
          </Form.Item>
          {encrypt ? (
            <>
              <Form.Item label="口令（至少 8 位）">
                <Input.Password
                  aria-label="口令"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                />
              </Form.Item>
              <Form.Item label="再次输入口令">
                <Input.Password
                  aria-label="再次输入口令"
                  value={passphrase2}
                  onChange={(e) => setPassphrase2(e.target.value)}
                />
              </Form.Item>
              <Alert
                className="hw-alert"
                type="info"
                showIcon
                title="口令请通过电话等其他渠道告知接收方，不要和 U 盘放在一起。"
                description="本功能使用商用密码，不能用于传递涉及国家秘密的文件；涉密文件请按保密规定办理。"
              />
            </>
          ) : null}
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={busy && !prepared}
            disabled={!packets}
            onClick={() => void preview()}
          >
            生成预览
          </Button>
        </Form>
      </Card>

      {error ? (
        <Alert className="hw-alert" type="error" showIcon title="没有导出" description={error} />
      ) : null}

      {prepared ? (
        <Card
          size="small"
          title="3. 预览：将写入 U 盘的全部内容"
          className="hw-exchange-card"
          data-testid="export-preview"
        >
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="文件名">{prepared.built.fileName}</Descriptions.Item>
            <Descriptions.Item label="接收单位">{prepared.request.recipient}</Descriptions.Item>
            <Descriptions.Item label="事由">{prepared.request.purpose}</Descriptions.Item>
            <Descriptions.Item label="大小">{formatBytes(prepared.built.bytes.byteLength)}</Descriptions.Item>
            <Descriptions.Item label="加密">
              {prepared.encrypted ? <Tag color="green">已用口令加密（AES-256-GCM）</Tag> : <Tag>未加密</Tag>}
            </Descriptions.Item>
          </Descriptions>
          {pdfFailures.length > 0 ? (
            <Alert
              className="hw-alert"
              type="warning"
              showIcon
              data-testid="export-pdf-failures"
              title="以下 PDF 未能生成，数据包中不含这些文件（会议记录照常发送）："
              description={pdfFailures.join('；')}
            />
          ) : null}
          {prepared.classified.length > 0 ? (
            <Alert
              className="hw-alert"
              type="warning"
              showIcon
              title={`含密级标注的内容：${prepared.classified.join('、')}`}
              description="已按要求加密。请确认接收方有权知悉，并按保密规定登记。"
            />
          ) : null}
          <Table
            size="small"
            rowKey={(r) => `${r.type}/${r.id}`}
            pagination={false}
            dataSource={[...prepared.items]}
            columns={[
              { title: '记录', dataIndex: 'title' },
              {
                title: '类型',
                dataIndex: 'type',
                width: 100,
                render: (t: string) => TYPE_LABELS[t] ?? t,
              },
              { title: '密级', dataIndex: 'classification', width: 80, render: (c?: string) => c ?? '无' },
              { title: '大小', dataIndex: 'recordBytes', width: 100, render: (n: number) => formatBytes(n) },
            ]}
          />
          <Table
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={files}
            locale={{ emptyText: '没有附件文件。' }}
            columns={[
              { title: '附件', dataIndex: 'name' },
              { title: '所属', dataIndex: 'owner' },
              { title: '大小', dataIndex: 'size', width: 100, render: (n: number) => formatBytes(n) },
            ]}
          />
          <p className="hw-exchange-note">
            另含：数据包清单 manifest.json、签名 manifest.sig、校验文件 SHA256SUMS
            和本机审计链头。数据包已用接收方的全部检查自检通过。
          </p>
          <Button
            type="primary"
            icon={<FolderOpenOutlined />}
            loading={busy}
            disabled={written !== undefined}
            onClick={() => void write()}
          >
            选择文件夹并写入
          </Button>
          {progress !== undefined && !written ? <Progress percent={progress} aria-label="写入进度" /> : null}
          {written ? (
            <Alert
              className="hw-alert"
              type="success"
              showIcon
              role="status"
              title="数据包已写入并核对"
              description={
                written.checked === 'full'
                  ? `已写入“${written.displayPath}”，并从 U 盘读回，按接收方的全部检查复核通过（SHA-256 ${written.sha256.slice(0, 16)}…），已记入交换登记。`
                  : `已写入“${written.displayPath}”，写入的字节已核对 SHA-256（${written.sha256.slice(0, 16)}…），已记入交换登记。数据包超过 200 MiB，未能整体读回复核。`
              }
            />
          ) : null}
        </Card>
      ) : null}

      <ReadmeCheck />
    </Space>
  );
}
