/**
 * One incoming document: its facts, the received PDF (original and stamped), the steps timeline, and the next
 * steps — 补录会签 → 拟办 → 呈批 (routing by portfolio or art. 9 acting, reason shown) → 批示 (art. 54) → 传阅 →
 * 交办 (progress, closure) → 办结 → 归档 — each gated by the rulebook's findings.
 */
import { Alert, App, Button, Card, Descriptions, Input, Result, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { currentWorkingCalendar } from '../../../../shared/calendar';
import { addDays, isIsoDate, shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import { instructionDue, routeIncoming } from '../../../../shared/domain/documents/incoming';
import {
  DOCUMENT_KIND_LABELS,
  URGENCY_LABELS,
  type LeaderInstruction,
} from '../../../../shared/domain/documents/model';
import { checkDocumentStep, type DocumentStepContext, type IncomingStep } from '../../../../shared/domain/documents/steps';
import { finding, type Finding } from '../../../../shared/domain/findings';
import { personId, unitId, type DocumentId, type PersonId } from '../../../../shared/domain/ids';
import { holdersOf, personName, unitName } from '../../../../shared/domain/registry';
import {
  INCOMING_STATE_LABELS,
  INCOMING_STEP_KIND_LABELS,
  RETENTIONS,
  RETENTION_LABELS,
  type IncomingRecord,
  type IncomingStepRow,
  type Retention,
} from '../../../data/incoming-repo';
import { pinyinInitials, matchesNameQuery } from '../../../data/pinyin';
import { FindingsPanel, GatedButton } from '../../../ui/findings';
import { PdfPreview } from '../../pdf/PdfPreview';
import { addresseeText, classificationText, overrideReason, readerOptions } from './model';
import { leadersOn } from './RegisterForm';
import { SubHeading } from './SubHeading';
import { storeMessage, useIncoming } from './use-incoming';
import { currentOperator, getStore } from '../../../data';

const filterByName = (input: string, option?: { label: string; initials: string }) =>
  option !== undefined && matchesNameQuery(option.label, input, option.initials);

export function IncomingDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const records = useIncoming((s) => s.records);
  const status = useIncoming((s) => s.status);
  const record = records.find((r) => r.doc.id === id);
  if (record === undefined) {
    return status === 'ready' ? (
      <Result
        status="404"
        title="找不到这份收文"
        subTitle="收文可能已被删除，或恢复了较早的备份。"
        extra={<Button onClick={() => void navigate('/documents/incoming')}>返回收文登记簿</Button>}
      />
    ) : (
      <Typography.Paragraph>正在读取……</Typography.Paragraph>
    );
  }
  return <Detail record={record} />;
}

function Detail({ record }: { record: IncomingRecord }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const registry = useIncoming((s) => s.registry);
  const act = useIncoming((s) => s.act);
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  const [steps, setSteps] = useState<readonly IncomingStepRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ title: string; fileName: string; bytes: Uint8Array } | undefined>(undefined);
  const doc = record.doc;
  const id = doc.id as DocumentId;

  useEffect(() => {
    let live = true;
    void getStore()
      .then((s) => s.incoming.steps(id))
      .then((rows) => {
        if (live) setSteps(rows);
      });
    return () => {
      live = false;
    };
  }, [id, record]);

  const ctx: DocumentStepContext = { registry, calendar, date: today };
  const check = (step: IncomingStep, extra: Partial<DocumentStepContext> = {}): Finding[] =>
    checkDocumentStep(doc, step, { ...ctx, ...extra });
  const registerFindings = check('register');
  const registerBlocks = registerFindings.filter((f) => f.severity === 'block');

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void message.success(done);
    } catch (e) {
      void message.error(storeMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const openAttachment = async (attachmentId: string | undefined, title: string, fileName: string) => {
    if (attachmentId === undefined) return;
    const row = await (await getStore()).incoming.attachment(attachmentId);
    if (row === undefined) {
      void message.error('附件已不存在（可能恢复了较早的备份）。');
      return;
    }
    const bytes = row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(await row.bytes.arrayBuffer());
    setPreview({ title, fileName, bytes });
  };

  return (
    <>
      <SubHeading
        title={doc.title}
        intro={
          <>
            <Tag color="blue">{DOCUMENT_KIND_LABELS[doc.kind]}</Tag>
            <Tag data-testid="incoming-state">{INCOMING_STATE_LABELS[record.state]}</Tag>
            {doc.classification !== undefined ? <Tag color="red">{classificationText(record)}</Tag> : null}
            {doc.urgency !== undefined ? <Tag color="orange">{URGENCY_LABELS[doc.urgency]}</Tag> : null}
          </>
        }
        extra={<Button onClick={() => void navigate('/documents/incoming')}>返回收文登记簿</Button>}
      />
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'no', label: '收文编号', children: <span data-testid="receipt-number">{record.receiptNumber}</span> },
          { key: 'from', label: '来文单位', children: unitName(registry, doc.fromUnitId) },
          { key: 'sn', label: '来文字号', children: doc.senderNumber ?? '—' },
          { key: 'recv', label: '收文日期', children: record.receivedOn },
          { key: 'copies', label: '份数', children: record.copies },
          { key: 'to', label: '主送', children: addresseeText(doc, registry) },
          { key: 'cls', label: '密级', children: classificationText(record) },
          ...(record.text === undefined ? [] : [{ key: 'text', label: '内容摘要', span: 3, children: record.text }]),
          ...(record.retention === undefined ? [] : [{ key: 'ret', label: '保管期限', children: RETENTION_LABELS[record.retention] }]),
        ]}
      />
      {record.originalAttachmentId !== undefined ? (
        <Space className="hw-in-mt">
          {record.stampedAttachmentId !== undefined ? (
            <Button onClick={() => void openAttachment(record.stampedAttachmentId, '来文（已盖收文章）', `${record.receiptNumber}-盖章件.pdf`)}>查看盖章件</Button>
          ) : (
            <Tag>未加盖收文章</Tag>
          )}
          <Button onClick={() => void openAttachment(record.originalAttachmentId, '来文原件', `${record.receiptNumber}-原件.pdf`)}>查看原件</Button>
        </Space>
      ) : null}
      <PdfPreview
        open={preview !== undefined}
        onClose={() => setPreview(undefined)}
        title={preview?.title ?? '来文'}
        fileName={preview?.fileName ?? '来文.pdf'}
        {...(preview === undefined ? {} : { bytes: preview.bytes })}
      />

      <div className="hw-in-columns">
        <div className="hw-in-main">
          <FindingsPanel findings={registerFindings} title="登记检查（第四十九条）" testId="detail-register-findings" />
          {registerBlocks.length > 0 && doc.crossDepartment !== undefined ? (
            <CompleteCountersign record={record} busy={busy} run={run} act={act} today={today} />
          ) : null}
          {doc.routing === undefined ? (
            <ProposeAndRoute record={record} busy={busy} run={run} act={act} today={today} blocks={registerBlocks} check={check} />
          ) : null}
          {doc.routing !== undefined && doc.completedOn === undefined ? (
            <Instruct record={record} busy={busy} run={run} act={act} today={today} check={check} />
          ) : null}
          {(doc.instructions ?? []).length > 0 ? (
            <>
              <Circulate record={record} busy={busy} run={run} act={act} today={today} check={check} />
              <Assign record={record} busy={busy} run={run} act={act} today={today} check={check} />
              <CompleteAndArchive record={record} busy={busy} run={run} act={act} today={today} check={check} />
            </>
          ) : null}
        </div>
        <Card size="small" title="办理过程" className="hw-in-timeline" data-testid="incoming-timeline">
          <Timeline
            items={steps.map((s) => ({
              key: s.id,
              content: (
                <>
                  <Typography.Text strong>{INCOMING_STEP_KIND_LABELS[s.kind]}</Typography.Text>
                  <Typography.Text type="secondary"> {s.date}</Typography.Text>
                  <div>{s.summary}</div>
                  {s.reason !== undefined ? <Typography.Text type="warning">理由：{s.reason}</Typography.Text> : null}
                </>
              ),
            }))}
          />
        </Card>
      </div>
    </>
  );
}

interface StepProps {
  readonly record: IncomingRecord;
  readonly busy: boolean;
  readonly today: IsoDate;
  readonly run: (work: () => Promise<unknown>, done: string) => Promise<void>;
  readonly act: ReturnType<typeof useIncoming.getState>['act'];
  readonly check?: (step: IncomingStep, extra?: Partial<DocumentStepContext>) => Finding[];
}

function CompleteCountersign({ record, busy, run, act, today }: StepProps) {
  const registry = useIncoming((s) => s.registry);
  const cross = record.doc.crossDepartment;
  const [picked, setPicked] = useState<Record<string, string | undefined>>({});
  if (cross === undefined) return null;
  const missing = cross.concernedUnitIds.filter((u) => !cross.countersignatures.some((c) => c.unitId === u));
  const options = (u: string) =>
    [...holdersOf(registry, 'unitHead', today, unitId(u)), ...holdersOf(registry, 'unitLeader', today, unitId(u))].map((p) => ({
      value: p as string,
      label: personName(registry, p),
    }));
  const added = missing.filter((u) => picked[u] !== undefined);
  return (
    <Card size="small" title="补录会签" className="hw-in-card" data-testid="complete-countersign">
      <Typography.Paragraph type="secondary">相关部门补签后，在此登记会签人，登记检查通过后即可拟办、呈批。</Typography.Paragraph>
      {missing.map((u) => (
        <Space key={u} className="hw-in-row">
          <span>{unitName(registry, unitId(u))}</span>
          <Select
            aria-label={`${unitName(registry, unitId(u))}会签人`}
            style={{ width: 200 }}
            placeholder="选择会签人"
            value={picked[u]}
            options={options(u)}
            onChange={(v: string) => setPicked({ ...picked, [u]: v })}
          />
        </Space>
      ))}
      <Button
        type="primary"
        disabled={added.length === 0}
        loading={busy}
        onClick={() =>
          void run(
            () =>
              act((repo) =>
                repo.completeCountersignatures(
                  record.doc.id,
                  {
                    ...cross,
                    countersignatures: [
                      ...cross.countersignatures,
                      ...added.map((u) => ({ unitId: unitId(u), personId: personId(picked[u] ?? ''), date: today })),
                    ],
                  },
                  today,
                ),
              ),
            '会签已补录。',
          )
        }
      >
        登记补签
      </Button>
    </Card>
  );
}

function ProposeAndRoute({ record, busy, run, act, today, check, blocks }: StepProps & { blocks: readonly Finding[] }) {
  const registry = useIncoming((s) => s.registry);
  const doc = record.doc;
  const [text, setText] = useState(doc.proposal?.text ?? '');
  const routing = routeIncoming(doc, registry, today);
  const routeFindings = [...blocks, ...(check?.('route') ?? [])];
  return (
    <Card size="small" title="拟办与呈批（第五十条）" className="hw-in-card" data-testid="route-card">
      <Input.TextArea aria-label="拟办意见" rows={2} value={text} maxLength={2000} placeholder="如：拟呈分管副区长阅批，请住建局牵头办理。" onChange={(e) => setText(e.target.value)} />
      <Space className="hw-in-mt">
        <GatedButton
          label="保存拟办"
          type="default"
          findings={[...blocks, ...(text.trim() === '' ? [blockOf('请先填写拟办意见。')] : [])]}
          busy={busy}
          onConfirm={() =>
            run(() => act((repo) => repo.propose(doc.id, { text: text.trim(), byId: personId(currentOperator().id), date: today })), '拟办意见已保存。')
          }
        />
      </Space>
      <Alert
        className="hw-in-mt"
        type={routing.leaderId === undefined ? 'error' : 'info'}
        showIcon
        data-testid="routing-proposal"
        title={routing.leaderId === undefined ? '无法确定呈批领导' : `呈${personName(registry, routing.leaderId)}批示`}
        description={routing.reason}
      />
      <div className="hw-in-mt">
        <GatedButton
          label="呈批"
          findings={routing.leaderId === undefined ? [...routeFindings, blockOf('没有可呈批的领导。')] : routeFindings}
          busy={busy}
          onConfirm={(reason) =>
            run(
              () =>
                act((repo) =>
                  repo.route(
                    doc.id,
                    {
                      leaderId: routing.leaderId as PersonId,
                      ...(routing.acting !== undefined && routing.nominalId !== undefined ? { actingForId: routing.nominalId } : {}),
                      date: today,
                      reason: routing.reason,
                    },
                    { reason: overrideReason(reason, routeFindings) },
                  ),
                ),
              '已呈批。',
            )
          }
        />
      </div>
    </Card>
  );
}

/** A form gap shown like a rule block (the button says why it is disabled). */
function blockOf(message: string): Finding {
  return finding('incoming.form.missing', [54], 'block', { kind: 'document', id: 'form' }, message);
}

function Instruct({ record, busy, run, act, today, check }: StepProps) {
  const registry = useIncoming((s) => s.registry);
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  const doc = record.doc;
  const routing = doc.routing;
  const [leader, setLeader] = useState<string | undefined>(routing?.leaderId);
  const [date, setDate] = useState<string>(today);
  const [text, setText] = useState('');
  if (routing === undefined) return null;
  const leaders = leadersOn(registry, today).map((p) => ({ value: p as string, label: personName(registry, p), initials: pinyinInitials(personName(registry, p), 'person') }));
  const instruction: LeaderInstruction | undefined =
    leader !== undefined && isIsoDate(date) ? { leaderId: personId(leader), date, text: text.trim() } : undefined;
  const findings = instruction === undefined ? [blockOf('请选择批示领导和日期。')] : (check?.('instruct', { instruction }) ?? []);
  const due = instructionDue(doc, calendar);
  return (
    <Card size="small" title="批示（第五十四条）" className="hw-in-card" data-testid="instruct-card">
      <Typography.Paragraph>
        已于 {routing.date} 呈{personName(registry, routing.leaderId)}
        {routing.actingForId !== undefined ? `（代${personName(registry, routing.actingForId)}）` : ''}
        {due !== undefined ? `，应于 ${due} 前批示（当日事当日清）` : ''}。
      </Typography.Paragraph>
      {(doc.instructions ?? []).map((i, k) => (
        <Typography.Paragraph key={k} data-testid="instruction">
          <Typography.Text strong>{personName(registry, i.leaderId)}</Typography.Text> {i.date} 批示：{i.text}
        </Typography.Paragraph>
      ))}
      <Space wrap align="start">
        <Select aria-label="批示领导" style={{ width: 160 }} showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }} value={leader} options={leaders} onChange={(v: string) => setLeader(v)} />
        <Input type="date" aria-label="批示日期" value={date} onChange={(e) => setDate(e.target.value)} />
      </Space>
      <Input.TextArea className="hw-in-mt" aria-label="批示意见" rows={2} value={text} maxLength={2000} placeholder="照录领导批示原文" onChange={(e) => setText(e.target.value)} />
      {text.trim() !== '' ? <FindingsPanel findings={findings} title="批示检查" testId="instruct-findings" /> : null}
      <div className="hw-in-mt">
        <GatedButton
          label="登记批示"
          findings={text.trim() === '' ? [blockOf('请填写批示意见。')] : findings}
          busy={busy}
          onConfirm={async (reason) => {
            if (instruction === undefined) return;
            await run(() => act((repo) => repo.instruct(doc.id, instruction, { reason: overrideReason(reason, findings) })), '批示已登记。');
            setText('');
          }}
        />
      </div>
    </Card>
  );
}

function Circulate({ record, busy, run, act, today, check }: StepProps) {
  const registry = useIncoming((s) => s.registry);
  const doc = record.doc;
  const [readers, setReaders] = useState<string[]>([]);
  const findings = check?.('circulate') ?? [];
  const list = doc.circulation ?? [];
  return (
    <Card size="small" title="传阅" className="hw-in-card" data-testid="circulate-card">
      {list.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey="personId"
          dataSource={list.map((c) => ({ ...c }))}
          columns={[
            { title: '传阅人', dataIndex: 'personId', render: (p: PersonId) => personName(registry, p) },
            { title: '送阅日期', dataIndex: 'sentOn' },
            {
              title: '阅读情况',
              dataIndex: 'readOn',
              render: (readOn: string | undefined, c) =>
                readOn !== undefined ? (
                  <Tag color="green">{readOn} 已阅</Tag>
                ) : (
                  <Space>
                    <Tag color="orange">未阅</Tag>
                    <Button size="small" loading={busy} onClick={() => void run(() => act((repo) => repo.markRead(doc.id, c.personId, today)), '已登记为已阅。')}>
                      登记已阅
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      ) : null}
      {doc.completedOn === undefined ? (
        <Space wrap className="hw-in-mt">
          <Select
            aria-label="传阅人员"
            mode="multiple"
            style={{ minWidth: 320 }}
            placeholder="选择传阅人员"
            value={readers}
            options={readerOptions(registry, leadersOn(registry, today))}
            optionFilterProp="label"
            onChange={(v: string[]) => setReaders(v)}
          />
          <GatedButton
            label="送传阅"
            type="default"
            findings={readers.length === 0 ? [...findings, blockOf('请选择传阅人员。')] : findings}
            busy={busy}
            onConfirm={async (reason) => {
              await run(() => act((repo) => repo.circulate(doc.id, readers.map(personId), today, { reason: overrideReason(reason, findings) })), '已送传阅。');
              setReaders([]);
            }}
          />
        </Space>
      ) : null}
    </Card>
  );
}

function Assign({ record, busy, run, act, today, check }: StepProps) {
  const registry = useIncoming((s) => s.registry);
  const doc = record.doc;
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [due, setDue] = useState<string>(addDays(today, 14));
  const [task, setTask] = useState('');
  const [notes, setNotes] = useState<Record<number, string>>({});
  const findings = check?.('assign') ?? [];
  const units = registry.units.map((u) => ({ value: u.id as string, label: u.name, initials: pinyinInitials(u.name) }));
  const list = doc.assignments ?? [];
  return (
    <Card size="small" title="交办" className="hw-in-card" data-testid="assign-card">
      {list.map((a, i) => {
        const t = record.tracking[i];
        const overdue = a.doneOn === undefined && a.due < today;
        return (
          <Card key={i} size="small" type="inner" className="hw-in-mt" title={`${unitName(registry, a.unitId)}：${t?.task || '（未写事项）'}`} extra={a.doneOn !== undefined ? <Tag color="green">{a.doneOn} 办结</Tag> : <Tag color={overdue ? 'red' : 'blue'}>期限 {a.due}{overdue ? '，已逾期' : ''}</Tag>}>
            {(t?.progress ?? []).map((p, k) => (
              <div key={k}>
                {p.date}：{p.text}
              </div>
            ))}
            {t?.closureNote !== undefined ? <div>办结情况：{t.closureNote}</div> : null}
            {a.doneOn === undefined ? (
              <Space wrap className="hw-in-mt">
                <Input aria-label="进展情况" style={{ width: 280 }} value={notes[i] ?? ''} placeholder="进展或办结情况" onChange={(e) => setNotes({ ...notes, [i]: e.target.value })} />
                <Button
                  size="small"
                  disabled={(notes[i] ?? '').trim() === ''}
                  onClick={() => void run(() => act((repo) => repo.recordProgress(doc.id, i, { date: today, text: (notes[i] ?? '').trim() })), '进展已登记。').then(() => setNotes({ ...notes, [i]: '' }))}
                >
                  登记进展
                </Button>
                <Button size="small" type="primary" onClick={() => void run(() => act((repo) => repo.closeAssignment(doc.id, i, today, notes[i])), '交办事项已办结。')}>
                  交办办结
                </Button>
              </Space>
            ) : null}
          </Card>
        );
      })}
      {doc.completedOn === undefined ? (
        <Space wrap align="start" className="hw-in-mt">
          <Select aria-label="承办单位" style={{ width: 220 }} placeholder="承办单位" showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }} value={unit} options={units} onChange={(v: string) => setUnit(v)} />
          <Input type="date" aria-label="办理期限" value={due} onChange={(e) => setDue(e.target.value)} />
          <Input aria-label="交办事项" style={{ width: 260 }} value={task} placeholder="交办事项" onChange={(e) => setTask(e.target.value)} />
          <GatedButton
            label="交办"
            type="default"
            findings={unit === undefined || !isIsoDate(due) ? [...findings, blockOf('请选择承办单位和办理期限。')] : findings}
            busy={busy}
            onConfirm={async (reason) => {
              if (unit === undefined || !isIsoDate(due)) return;
              await run(
                () => act((repo) => repo.assign(doc.id, { unitId: unitId(unit), due, date: today, task }, { reason: overrideReason(reason, findings) })),
                '已交办。',
              );
              setTask('');
            }}
          />
        </Space>
      ) : null}
    </Card>
  );
}

function CompleteAndArchive({ record, busy, run, act, today, check }: StepProps) {
  const doc = record.doc;
  const [retention, setRetention] = useState<Retention>('y30');
  if (doc.archivedOn !== undefined) {
    return (
      <Card size="small" title="归档" className="hw-in-card">
        {doc.archivedOn} 归档，保管期限{record.retention === undefined ? '' : RETENTION_LABELS[record.retention]}。
      </Card>
    );
  }
  if (doc.completedOn === undefined) {
    const findings = check?.('complete') ?? [];
    return (
      <Card size="small" title="办结" className="hw-in-card" data-testid="complete-card">
        <FindingsPanel findings={findings} title="办结检查" emptyText="可以办结。" />
        <div className="hw-in-mt">
          <GatedButton
            label="办结"
            findings={findings}
            busy={busy}
            onConfirm={(reason) => run(() => act((repo) => repo.complete(doc.id, today, { reason: overrideReason(reason, findings) })), '本件已办结。')}
          />
        </div>
      </Card>
    );
  }
  const findings = check?.('archive') ?? [];
  return (
    <Card size="small" title="归档" className="hw-in-card" data-testid="archive-card">
      <Space>
        <span>保管期限</span>
        <Select aria-label="保管期限" style={{ width: 140 }} value={retention} options={RETENTIONS.map((r) => ({ value: r, label: RETENTION_LABELS[r] }))} onChange={(v: Retention) => setRetention(v)} />
        <GatedButton label="归档" findings={findings} busy={busy} onConfirm={() => run(() => act((repo) => repo.archive(doc.id, today, retention)), '已归档。')} />
      </Space>
    </Card>
  );
}
