/**
 * One outgoing document: its facts, the deadlines of every step with countdowns (art. 53, art. 19), the next
 * steps with the rulebook's findings, the text with its versions and a diff between any two, attachments, the
 * distribution record and the timeline of everything done to it.
 */
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { shanghaiTimestamp } from '../../../../shared/audit';
import { currentWorkingCalendar } from '../../../../shared/calendar';
import { shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import {
  classificationLabel,
  DELIVERY_METHOD_LABELS,
  diffVersions,
  DOCUMENT_DIRECTION_LABELS,
  DOCUMENT_KIND_LABELS,
  draftLines,
  ISSUER_KIND_LABELS,
  OUTGOING_STATE_LABELS,
  outgoingDeadlines,
  outgoingStateOf,
  requiredSigning,
  signedOn,
  URGENCY_LABELS,
  type BodyParagraph,
  type OutgoingRecord,
} from '../../../../shared/domain/documents';
import { citeArticles } from '../../../../shared/domain/findings';
import { documentId } from '../../../../shared/domain/ids';
import type { PdfJob } from '../../../../shared/pdf';
import { unitName } from '../../../../shared/domain/registry';
import { currentOperator, getStore } from '../../../data';
import type { AttachmentRow } from '../../../data';
import type { OutgoingRuleContext, OutgoingStepRow } from '../../../data/outgoing-repo';
import { FindingsPanel } from '../../../ui/findings';
import { PdfPreview } from '../../pdf/PdfPreview';
import { pdfDocumentOf } from './pdf-job';
import { BodyEditor } from './BodyEditor';
import { countdown, signersText } from './model';
import { OutgoingSteps } from './OutgoingSteps';
import { outgoingUi, storeMessage, useOutgoingUi } from './use-outgoing';

const COUNTDOWN_COLOR = { done: 'green', overdue: 'red', today: 'orange', due: 'blue' } as const;

function Deadlines({ record, rules }: { record: OutgoingRecord; rules: OutgoingRuleContext }) {
  let rows: ReturnType<typeof outgoingDeadlines>;
  try {
    rows = outgoingDeadlines(record, rules.calendar);
  } catch (e) {
    return <Typography.Text type="warning">{e instanceof Error ? e.message : String(e)}</Typography.Text>;
  }
  if (rows.length === 0)
    return <Typography.Text type="secondary">签发后计算印制、公开等期限。</Typography.Text>;
  return (
    <ul className="hw-og-deadlines" data-testid="deadlines" aria-label="办理期限">
      {rows.map((d) => {
        const c = countdown(d.due, rules.date, d.doneOn);
        return (
          <li key={d.key} data-deadline={d.key}>
            <Space wrap>
              <span>{d.label}</span>
              <Tag color={COUNTDOWN_COLOR[c.kind]}>{c.text}</Tag>
              <Typography.Text type="secondary">{citeArticles(d.articles)}</Typography.Text>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

function VersionsTab({ record, rules }: { record: OutgoingRecord; rules: OutgoingRuleContext }) {
  const { message } = App.useApp();
  const latest = record.versions.at(-1);
  const frozen = signedOn(record.doc) !== undefined;
  const [body, setBody] = useState<BodyParagraph[] | undefined>(undefined);
  const [from, setFrom] = useState<number>(Math.max(1, record.versions.length - 1));
  const [to, setTo] = useState<number>(record.versions.length);
  const a = record.versions[from - 1];
  const b = record.versions[to - 1];
  const diff = a && b ? diffVersions(a, b) : [];
  const options = record.versions.map((v) => ({
    value: v.version,
    label: `第 ${v.version} 稿（${v.savedAt}，${v.savedBy}）`,
  }));
  const save = async () => {
    if (latest === undefined || body === undefined) return;
    try {
      await outgoingUi.getState().act(
        record.doc.id,
        {
          type: 'saveDraft',
          version: {
            version: record.versions.length + 1,
            savedAt: shanghaiTimestamp(new Date()).slice(0, 16).replace('T', ' '),
            savedBy: currentOperator().name,
            title: latest.title,
            body: body.filter((p) => p.text.trim() !== ''),
          },
        },
        rules,
        '保存草稿（新版本）',
      );
      setBody(undefined);
      setFrom(record.versions.length);
      setTo(record.versions.length + 1);
      void message.success('已保存为新版本。');
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };
  return (
    <Flex vertical gap={12}>
      {body === undefined ? (
        <Card
          size="small"
          title={`正文（第 ${latest?.version ?? 0} 稿）`}
          extra={
            frozen ? (
              <Tag>已签发，正文不可修改</Tag>
            ) : (
              <Button onClick={() => setBody([...(latest?.body ?? [])])}>修改正文</Button>
            )
          }
        >
          <Typography.Paragraph className="hw-og-text" data-testid="current-text">
            {latest ? draftLines(latest).slice(1).join('\n') : ''}
          </Typography.Paragraph>
        </Card>
      ) : (
        <Card size="small" title="修改正文（保存后成为新版本）">
          <BodyEditor value={body} onChange={setBody} />
          <Space className="hw-og-steps">
            <Button type="primary" onClick={() => void save()}>
              保存为新版本
            </Button>
            <Button onClick={() => setBody(undefined)}>放弃修改</Button>
          </Space>
        </Card>
      )}
      <Card size="small" title="版本比较">
        <Space wrap>
          <Select<number>
            aria-label="比较的旧版本"
            className="hw-og-filter"
            popupMatchSelectWidth={false}
            value={from}
            onChange={setFrom}
            options={options}
          />
          <span>→</span>
          <Select<number>
            aria-label="比较的新版本"
            className="hw-og-filter"
            popupMatchSelectWidth={false}
            value={to}
            onChange={setTo}
            options={options}
          />
        </Space>
        <pre className="hw-og-diff" data-testid="version-diff" aria-label="版本差异">
          {diff.map((l, i) => (
            <div key={i} className={l.op === 'same' ? undefined : `hw-og-diff-${l.op}`}>
              {l.op === 'added' ? '+ ' : l.op === 'removed' ? '- ' : '  '}
              {l.text}
            </div>
          ))}
        </pre>
      </Card>
    </Flex>
  );
}

function AttachmentsTab({ record }: { record: OutgoingRecord }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<AttachmentRow[]>([]);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void getStore()
      .then((store) => store.outgoing.attachments(record.doc.id))
      .then((list) => {
        if (live) setRows(list);
      });
    return () => {
      live = false;
    };
  }, [record.doc.id, version]);
  return (
    <Flex vertical gap={8}>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          void (async () => {
            try {
              const bytes = new Uint8Array(await file.arrayBuffer());
              await (
                await getStore()
              ).outgoing.addAttachment(
                record.doc.id,
                { name: file.name, mime: file.type || 'application/octet-stream', bytes },
                { context: `添加附件：${file.name}` },
              );
              reload();
              void message.success(`已添加附件：${file.name}`);
            } catch (e) {
              void message.error(storeMessage(e));
            }
          })();
          return false;
        }}
      >
        <Button>添加附件</Button>
      </Upload>
      {rows.length === 0 ? (
        <Empty description="没有附件" />
      ) : (
        <ul aria-label="附件">
          {rows.map((r) => (
            <li key={r.id}>
              <Space>
                <span>{r.name}</span>
                <Button
                  size="small"
                  onClick={async () => {
                    try {
                      await (
                        await getStore()
                      ).outgoing.removeAttachment(r.id, { context: `删除附件：${r.name}` });
                      reload();
                    } catch (e) {
                      void message.error(storeMessage(e));
                    }
                  }}
                >
                  删除
                </Button>
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

function TimelineTab({ record }: { record: OutgoingRecord }) {
  const [steps, setSteps] = useState<OutgoingStepRow[]>([]);
  useEffect(() => {
    void (async () => setSteps(await (await getStore()).outgoing.steps(record.doc.id)))();
  }, [record]);
  return (
    <Timeline
      data-testid="timeline"
      items={steps.map((s) => ({
        key: s.id,
        content: (
          <span>
            {s.at.slice(0, 16).replace('T', ' ')} {s.operatorName}：{s.context}
          </span>
        ),
      }))}
    />
  );
}

/** The printed document as PDF (GB/T 9704), with the seal once used: preview, print or save. */
function PreviewButton({ record, rules }: { record: OutgoingRecord; rules: OutgoingRuleContext }) {
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<PdfJob | undefined>(undefined);
  const show = async () => {
    const sealed =
      record.doc.seal !== undefined
        ? await (await getStore()).seals.sealForPrint().catch(() => undefined)
        : undefined;
    const doc = pdfDocumentOf(record, rules.registry, rules.date, sealed ? { seal: sealed.seal } : {});
    const copies = record.doc.print?.copies ?? 1;
    setJob(record.doc.classification ? { type: 'copies', doc, count: copies } : { type: 'document', doc });
    setOpen(true);
  };
  return (
    <span>
      <Button onClick={() => void show()}>预览 PDF</Button>
      {job ? (
        <PdfPreview
          open={open}
          onClose={() => setOpen(false)}
          title={record.doc.title}
          fileName={`${record.doc.documentNumber ?? record.doc.title}.pdf`}
          job={job}
        />
      ) : null}
    </span>
  );
}

export function OutgoingDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const record = useOutgoingUi((s) => s.records.find((r) => r.doc.id === documentId(id ?? '')));
  const registry = useOutgoingUi((s) => s.registry);
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  const rules: OutgoingRuleContext = useMemo(
    () => ({ registry, calendar, date: today }),
    [registry, calendar, today],
  );
  if (record === undefined) {
    return (
      <Result
        status="404"
        title="找不到这份发文"
        subTitle="可能恢复了较早的备份。"
        extra={<Button onClick={() => navigate('/documents/outgoing')}>返回发文登记簿</Button>}
      />
    );
  }
  const doc = record.doc;
  const req = requiredSigning(doc, registry, today);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={2}>{doc.title}</Typography.Title>
        <Button onClick={() => navigate('/documents/outgoing')}>返回发文登记簿</Button>
      </Flex>
      <Space wrap>
        <Tag color="blue">{DOCUMENT_KIND_LABELS[doc.kind]}</Tag>
        <Tag>{ISSUER_KIND_LABELS[doc.issuer.kind]}</Tag>
        <Tag>{DOCUMENT_DIRECTION_LABELS[doc.flow]}</Tag>
        {doc.classification ? <Tag color="red">{classificationLabel(doc.classification)}</Tag> : null}
        {doc.urgency ? <Tag color="orange">{URGENCY_LABELS[doc.urgency]}</Tag> : null}
        {doc.normative ? <Tag color="purple">规范性文件</Tag> : null}
        <Tag color="green" data-testid="outgoing-state">
          {OUTGOING_STATE_LABELS[outgoingStateOf(record)]}
        </Tag>
      </Space>
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'number',
            label: '文号',
            children: <span data-testid="document-number">{doc.documentNumber ?? '（未编号）'}</span>,
          },
          {
            key: 'unit',
            label: '主办单位',
            children: doc.draftingUnitId ? unitName(registry, doc.draftingUnitId) : '—',
          },
          {
            key: 'main',
            label: '主送',
            children: record.mainRecipients.map((r) => r.name).join('、') || '—',
          },
          { key: 'cc', label: '抄送', children: record.ccRecipients.map((r) => r.name).join('、') || '—' },
          {
            key: 'signers',
            label: '签发',
            children: <span data-testid="signers">{signersText(record, registry) || '—'}</span>,
          },
          { key: 'created', label: '拟稿日期', children: record.createdOn },
          { key: 'matrix', label: '签发矩阵', span: 2, children: req.reason },
        ]}
      />
      {doc.print !== undefined ? <PreviewButton record={record} rules={rules} /> : null}
      <Card size="small" title="办理期限">
        <Deadlines record={record} rules={rules} />
      </Card>
      <Tabs
        items={[
          {
            key: 'steps',
            label: '办理',
            children: (
              <>
                <FindingsPanel findings={req.gaps} emptyText="签发人员均已确定。" />
                <div className="hw-og-steps">
                  <OutgoingSteps record={record} rules={rules} />
                </div>
              </>
            ),
          },
          {
            key: 'text',
            label: `正文与版本（${record.versions.length}）`,
            children: <VersionsTab record={record} rules={rules} />,
          },
          { key: 'attachments', label: '附件', children: <AttachmentsTab record={record} /> },
          {
            key: 'deliveries',
            label: `分发记录（${record.deliveries.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(d) => `${d.recipient}-${d.deliveredOn}`}
                pagination={false}
                dataSource={[...record.deliveries]}
                columns={[
                  { title: '收文单位', dataIndex: 'recipient' },
                  { title: '方式', render: (_, d) => DELIVERY_METHOD_LABELS[d.method] },
                  {
                    title: '份号',
                    render: (_, d) => (d.copyNumbers ?? []).map((n) => String(n).padStart(6, '0')).join('、'),
                  },
                  { title: '送达日期', dataIndex: 'deliveredOn' },
                ]}
              />
            ),
          },
          { key: 'timeline', label: '办理记录', children: <TimelineTab record={record} /> },
        ]}
      />
    </Flex>
  );
}
