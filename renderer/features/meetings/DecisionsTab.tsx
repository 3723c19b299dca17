/**
 * 决定事项 (arts. 29, 47): from the signed minutes' 议定事项, items with owner unit, responsible leader and due
 * date (a date, or n working days after the minutes were signed, by the working calendar); then progress
 * reports with evidence, 办结 with a summary, and reopening with its reason — each one audited action.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import {
  decisionId,
  type DecisionId,
  type PersonId,
  type TopicId,
  type UnitId,
} from '../../../shared/domain/ids';
import {
  latestMinutes,
  type DecisionItem,
  type EvidenceFile,
  type Meeting,
} from '../../../shared/domain/meeting';
import {
  addDecision,
  adjustDecision,
  adjustmentInputErrors,
  assignmentOf,
  agreedItemsFromMinutes,
  checkCloseDecision,
  checkCreateDecision,
  checkDecisionItems,
  checkDecisionsOverdue,
  closeDecision,
  DECISION_STATUS_LABELS,
  decisionInputErrors,
  decisionStatus,
  dueAfterWorkingDays,
  progressInputErrors,
  reopenDecision,
  reportProgress,
  type DecisionAdjustmentInput,
  type DecisionInput,
  type DecisionStatus,
  type ProgressInput,
} from '../../../shared/domain/meeting-rules';
import { personName, unitName, type Registry } from '../../../shared/domain/registry';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { getStore } from '../../data';
import { MAX_MEETING_FILE_BYTES, type MeetingFile } from '../../data/meetings-repo';
import { matchesNameQuery } from '../../data/pinyin';
import { useBridge } from '../../platform';
import { auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { useAftermathDrafts } from './aftermath-drafts';
import { useMeetingAction } from './use-meeting-action';

export const STATUS_COLOURS: Readonly<Record<DecisionStatus, string>> = {
  open: 'processing',
  overdue: 'error',
  closed: 'success',
};

/** Select search by name or pinyin initials ("zjj" finds 住建局). */
export const pinyinFilter = (input: string, option?: { label?: unknown }): boolean =>
  matchesNameQuery(String(option?.label ?? ''), input);

/** The day the minutes were signed (due dates in working days count from it), else the meeting day. */
export function signedOn(m: Meeting): IsoDate {
  const signed = m.minutes.filter((v) => v.signature !== undefined);
  return signed.reduce<IsoDate>((d, v) => (v.signature && v.signature.on > d ? v.signature.on : d), m.date);
}

/** The topic an agreed item comes from: "标题：…" items start with a topic's title. */
export function topicOfAgreedItem(m: Meeting, text: string): TopicId | undefined {
  return m.topics.find((t) => text.startsWith(`${t.title}：`) || text.startsWith(`${t.title}:`))?.id;
}

const stripTopicTitle = (m: Meeting, text: string): string => {
  const t = m.topics.find((x) => text.startsWith(`${x.title}：`));
  return t ? text.slice(t.title.length + 1).trim() : text;
};

const EMPTY_INPUT: DecisionInput = { text: '' };

/** 承办单位 of a decision item (any unit but outside bodies), searchable by pinyin: registration and 调整. */
function OwnerUnitSelect(props: {
  label: string;
  registry: Registry;
  value: UnitId | undefined;
  onChange: (id: UnitId) => void;
  invalid?: boolean;
}) {
  return (
    <Select<UnitId>
      aria-label={props.label}
      className="hw-af-select"
      placeholder="承办单位（可输入拼音首字母）"
      showSearch={{ filterOption: pinyinFilter }}
      value={props.value}
      status={props.invalid === true ? 'error' : undefined}
      onChange={props.onChange}
      options={props.registry.units
        .filter((u) => u.kind !== 'outside')
        .map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** 责任领导 of a decision item, searchable by pinyin: registration and 调整. */
function LeaderSelect(props: {
  label: string;
  registry: Registry;
  value: PersonId | undefined;
  onChange: (id: PersonId) => void;
  invalid?: boolean;
}) {
  return (
    <Select<PersonId>
      aria-label={props.label}
      className="hw-af-select-sm"
      placeholder="责任领导"
      showSearch={{ filterOption: pinyinFilter }}
      value={props.value}
      status={props.invalid === true ? 'error' : undefined}
      onChange={props.onChange}
      options={props.registry.people.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

export function DecisionsTab({
  meeting,
  registry,
  today,
  calendar,
}: {
  meeting: Meeting;
  registry: Registry;
  today: IsoDate;
  calendar: WorkingDays;
}) {
  const act = useMeetingAction();
  // The form is a draft kept per meeting (survives a reload or a failed save).
  const input = useAftermathDrafts((s) => s.decisions[meeting.id]) ?? EMPTY_INPUT;
  const setDraft = useAftermathDrafts((s) => s.setDecision);
  const setInput = (next: DecisionInput | ((i: DecisionInput) => DecisionInput)) =>
    setDraft(
      meeting.id,
      typeof next === 'function'
        ? next(useAftermathDrafts.getState().decisions[meeting.id] ?? EMPTY_INPUT)
        : next,
    );
  const [days, setDays] = useState<number | null>(null);
  const [dayError, setDayError] = useState<string | undefined>(undefined);
  const [tried, setTried] = useState(false);
  const errors = decisionInputErrors(input, meeting);
  const signed =
    latestMinutes(meeting)?.signature !== undefined
      ? latestMinutes(meeting)
      : [...meeting.minutes].reverse().find((v) => v.signature !== undefined);
  const agreed = signed ? agreedItemsFromMinutes(signed.text) : [];
  const registered = new Set(meeting.decisions.map((d) => d.text));
  const from = signedOn(meeting);

  const applyDays = (n: number | null) => {
    setDays(n);
    if (n === null) return;
    try {
      setInput((i) => ({ ...i, dueDate: dueAfterWorkingDays(from, n, calendar) }));
      setDayError(undefined);
    } catch (e) {
      setDayError(e instanceof Error ? e.message : String(e));
    }
  };

  const register = async (reason: string | undefined) => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    const findings = checkCreateDecision(meeting, input, calendar);
    const ok = await act(
      meeting.id,
      (m) => addDecision(m, input, decisionId(`decision-${crypto.randomUUID()}`), today),
      auditContext(
        `登记决定事项“${input.text.trim()}”`,
        findings.filter((f) => f.severity === 'warn'),
        reason,
      ),
      '已登记决定事项，进入督办。',
    );
    if (ok) {
      setDraft(meeting.id, undefined);
      setDays(null);
      setTried(false);
    }
  };

  const shown = (k: keyof DecisionInput) => (tried ? errors[k] : undefined);

  return (
    <Flex vertical gap={12} data-testid="decisions-tab">
      <FindingsPanel
        findings={[...checkDecisionItems(meeting), ...checkDecisionsOverdue(meeting, registry, today)]}
        title="督办检查"
        emptyText="决定事项均已明确承办单位和完成时限，没有逾期。"
        testId="decisions-findings"
      />
      <Card size="small" title="纪要议定事项">
        {signed === undefined ? (
          <Alert
            type="info"
            showIcon
            title="会议纪要签发后，可据纪要的议定事项登记决定事项（第四十七条）。"
          />
        ) : agreed.length === 0 ? (
          <Typography.Text type="secondary">
            签发的纪要中没有找到“议定事项”，可直接在下方登记。
          </Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={agreed}
            renderItem={(text, i) => {
              const body = stripTopicTitle(meeting, text);
              const done = registered.has(body) || registered.has(text);
              return (
                <List.Item
                  data-testid={`agreed-${i + 1}`}
                  actions={[
                    done ? (
                      <Tag key="done" color="success">
                        已登记
                      </Tag>
                    ) : (
                      <Button
                        key="use"
                        size="small"
                        onClick={() => {
                          const topicId = topicOfAgreedItem(meeting, text);
                          setInput((x) => ({ ...x, text: body, ...(topicId ? { topicId } : {}) }));
                        }}
                      >
                        据此登记
                      </Button>
                    ),
                  ]}
                >
                  {text}
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Card size="small" title="登记决定事项">
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label="决定事项内容"
            rows={2}
            maxLength={2000}
            value={input.text}
            status={shown('text') ? 'error' : undefined}
            onChange={(e) => setInput({ ...input, text: e.target.value })}
          />
          {shown('text') ? <Typography.Text type="danger">{shown('text')}</Typography.Text> : null}
          <Space wrap align="start">
            <Flex vertical>
              <OwnerUnitSelect
                label="承办单位"
                registry={registry}
                value={input.ownerUnitId}
                invalid={shown('ownerUnitId') !== undefined}
                onChange={(ownerUnitId) => setInput({ ...input, ownerUnitId })}
              />
              {shown('ownerUnitId') ? (
                <Typography.Text type="danger">{shown('ownerUnitId')}</Typography.Text>
              ) : null}
            </Flex>
            <Flex vertical>
              <LeaderSelect
                label="责任领导"
                registry={registry}
                value={input.responsibleLeaderId}
                invalid={shown('responsibleLeaderId') !== undefined}
                onChange={(responsibleLeaderId) => setInput({ ...input, responsibleLeaderId })}
              />
              {shown('responsibleLeaderId') ? (
                <Typography.Text type="danger">{shown('responsibleLeaderId')}</Typography.Text>
              ) : null}
            </Flex>
            <Flex vertical>
              <Input
                type="date"
                aria-label="完成时限"
                value={input.dueDate ?? ''}
                status={shown('dueDate') ? 'error' : undefined}
                onChange={(e) => {
                  setDays(null);
                  setInput({ ...input, dueDate: e.target.value === '' ? undefined : e.target.value });
                }}
              />
              {shown('dueDate') ? <Typography.Text type="danger">{shown('dueDate')}</Typography.Text> : null}
            </Flex>
            <Flex vertical>
              <Space>
                <span>或纪要签发后</span>
                <InputNumber<number>
                  aria-label="工作日数"
                  min={1}
                  max={250}
                  precision={0}
                  value={days}
                  onChange={applyDays}
                />
                <span>个工作日</span>
              </Space>
              {dayError ? <Typography.Text type="danger">{dayError}</Typography.Text> : null}
            </Flex>
          </Space>
          <FindingsPanel
            findings={checkCreateDecision(meeting, input, calendar)}
            testId="decision-create-findings"
          />
          <span>
            {Object.keys(errors).length > 0 ? (
              // The form is checked first, so a clerk does not explain a warning and then find a field missing.
              <Button type="primary" onClick={() => setTried(true)}>
                登记决定事项
              </Button>
            ) : (
              <GatedButton
                label="登记决定事项"
                findings={checkCreateDecision(meeting, input, calendar)}
                onConfirm={register}
              />
            )}
          </span>
        </Flex>
      </Card>
      {meeting.decisions.length === 0 ? (
        <Empty description="还没有决定事项。" />
      ) : (
        meeting.decisions.map((d, i) => (
          <DecisionCard
            key={d.id}
            index={i + 1}
            meeting={meeting}
            item={d}
            registry={registry}
            today={today}
          />
        ))
      )}
    </Flex>
  );
}

type Mode = 'none' | 'progress' | 'adjust' | 'close' | 'reopen';

function DecisionCard({
  index,
  meeting,
  item: d,
  registry,
  today,
}: {
  index: number;
  meeting: Meeting;
  item: DecisionItem;
  registry: Registry;
  today: IsoDate;
}) {
  const act = useMeetingAction();
  const [mode, setMode] = useState<Mode>('none');
  const [progress, setProgress] = useState<ProgressInput>({ on: today, note: '', evidence: '' });
  const [files, setFiles] = useState<readonly MeetingFile[]>([]);
  const bridge = useBridge();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const current = (): DecisionAdjustmentInput => ({ ...assignmentOf(d), reason: '' });
  const [adjustment, setAdjustment] = useState<DecisionAdjustmentInput>(current);
  const aErrors = adjustmentInputErrors(d, adjustment, meeting);
  const status = decisionStatus(d, today);
  const pErrors = progressInputErrors(progress, meeting, today);
  const id: DecisionId = d.id;

  const reset = () => {
    setFiles([]);
    setMode('none');
    setText('');
    setTried(false);
    setProgress({ on: today, note: '', evidence: '' });
    setAdjustment(current());
  };

  const submitAdjustment = async () => {
    setTried(true);
    if (Object.keys(aErrors).length > 0) return;
    if (
      await act(
        meeting.id,
        (m) => adjustDecision(m, id, adjustment, today),
        `调整决定事项“${d.text}”，原因：${adjustment.reason.trim()}`,
        '已调整，按新的承办单位和时限督办。',
      )
    )
      reset();
  };

  const submitProgress = async () => {
    setTried(true);
    if (Object.keys(pErrors).length > 0) return;
    const evidenceFiles = files.map((f) => ({ attachmentId: f.id, name: f.name }));
    if (
      await act(
        meeting.id,
        (m) => reportProgress(m, id, progress, evidenceFiles),
        `报告决定事项进展“${d.text}”${files.length > 0 ? `（附佐证文件${files.length}个）` : ''}`,
        '已记录办理进展。',
        files,
      )
    )
      reset();
  };

  const addFile = async () => {
    const r = await bridge.openFile('选择佐证材料文件', [{ name: '所有文件', extensions: ['*'] }]);
    if (!r.ok) {
      void message.error(`未能读取文件：${r.error.message}`);
      return;
    }
    if (r.value === null) return;
    if (r.value.size > MAX_MEETING_FILE_BYTES) {
      void message.error(`“${r.value.name}”超过 20 MB，请压缩后再添加，或存共享盘并在佐证材料中写明位置。`);
      return;
    }
    const picked = r.value;
    setFiles((fs) => [
      ...fs,
      {
        id: `att-${crypto.randomUUID()}`,
        ownerId: id,
        name: picked.name,
        mime: 'application/octet-stream',
        bytes: picked.bytes,
      },
    ]);
  };

  const download = async (f: EvidenceFile) => {
    const row = await (await getStore()).meetings.attachment(f.attachmentId);
    if (row === undefined) {
      void message.error(`附件“${f.name}”已不存在（可能恢复了较早的备份）。`);
      return;
    }
    const bytes = row.bytes instanceof Blob ? new Uint8Array(await row.bytes.arrayBuffer()) : row.bytes;
    const r = await bridge.saveFile(f.name, bytes, []);
    if (!r.ok) void message.error(`另存失败：${r.error.message}`);
    else if (r.value.saved) void message.success(`已另存“${f.name}”。`);
  };
  const closeFindings = checkCloseDecision(d, today);
  const submitClose = async (reason: string | undefined) => {
    setTried(true);
    if (text.trim() === '') return;
    if (
      await act(
        meeting.id,
        (m) => closeDecision(m, id, today, text),
        auditContext(`办结决定事项“${d.text}”`, closeFindings, reason),
        '决定事项已办结。',
      )
    )
      reset();
  };
  const submitReopen = async () => {
    setTried(true);
    if (text.trim() === '') return;
    if (
      await act(
        meeting.id,
        (m) => reopenDecision(m, id, today, text),
        `重新打开决定事项“${d.text}”，原因：${text.trim()}`,
        '决定事项已重新打开，继续督办。',
      )
    )
      reset();
  };

  const history = [
    ...(d.createdOn ? [{ on: d.createdOn, content: '登记为决定事项' }] : []),
    ...d.progress.map((p) => ({
      on: p.on,
      content: `进展：${p.note}${p.evidence && p.evidence.length > 0 ? `（佐证材料：${p.evidence.join('、')}）` : ''}`,
      files: p.files ?? [],
    })),
    ...(d.reopenings ?? []).flatMap((r) => [
      { on: r.closedOn, content: `办结：${r.closingSummary ?? ''}` },
      { on: r.on, content: `重新打开：${r.reason}` },
    ]),
    ...(d.adjustments ?? []).map((a) => ({
      on: a.on,
      content: `调整（原承办单位${a.before.ownerUnitId ? unitName(registry, a.before.ownerUnitId) : '未指定'}，原责任领导${a.before.responsibleLeaderId ? personName(registry, a.before.responsibleLeaderId) : '未指定'}，原完成时限${a.before.dueDate ?? '未指定'}）：${a.reason}`,
    })),
    ...(d.closedOn ? [{ on: d.closedOn, content: `办结：${d.closingSummary ?? ''}` }] : []),
  ].sort((a, b) => a.on.localeCompare(b.on));

  return (
    <Card
      size="small"
      data-testid={`decision-${index}`}
      title={
        <Space wrap>
          <span>
            {index}. {d.text}
          </span>
          <Tag color={STATUS_COLOURS[status]}>{DECISION_STATUS_LABELS[status]}</Tag>
        </Space>
      }
      extra={
        <Space>
          {d.closedOn === undefined ? (
            <>
              <Button size="small" onClick={() => setMode('progress')}>
                报告进展
              </Button>
              <Button size="small" onClick={() => setMode('adjust')}>
                调整
              </Button>
              <Button size="small" onClick={() => setMode('close')}>
                办结
              </Button>
            </>
          ) : (
            <Button size="small" onClick={() => setMode('reopen')}>
              重新打开
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph>
        承办单位：{d.ownerUnitId ? unitName(registry, d.ownerUnitId) : '未指定'}；责任领导：
        {d.responsibleLeaderId ? personName(registry, d.responsibleLeaderId) : '未指定'}；完成时限：
        {d.dueDate ?? '未指定'}
        {d.closedOn ? `；${d.closedOn}办结` : ''}
      </Typography.Paragraph>
      {history.length > 0 ? (
        <Timeline
          items={history.map((h, i) => ({
            key: i,
            content: (
              <>
                {h.on} {h.content}
                {'files' in h
                  ? h.files.map((f) => (
                      <Button
                        key={f.attachmentId}
                        type="link"
                        size="small"
                        icon={<PaperClipOutlined />}
                        onClick={() => void download(f)}
                      >
                        {f.name}
                      </Button>
                    ))
                  : null}
              </>
            ),
          }))}
        />
      ) : null}
      {mode === 'progress' ? (
        <Flex vertical gap={8} className="hw-af-inline">
          <Space wrap>
            <Input
              type="date"
              aria-label="报告日期"
              value={progress.on}
              onChange={(e) => setProgress({ ...progress, on: e.target.value })}
            />
          </Space>
          {tried && pErrors.on ? <Typography.Text type="danger">{pErrors.on}</Typography.Text> : null}
          <Input.TextArea
            aria-label="办理进展"
            rows={2}
            maxLength={2000}
            value={progress.note}
            onChange={(e) => setProgress({ ...progress, note: e.target.value })}
          />
          {tried && pErrors.note ? <Typography.Text type="danger">{pErrors.note}</Typography.Text> : null}
          <Input.TextArea
            aria-label="佐证材料"
            placeholder="佐证材料（每行一项，如文件名称、照片说明）"
            rows={2}
            value={progress.evidence}
            onChange={(e) => setProgress({ ...progress, evidence: e.target.value })}
          />
          <Space wrap>
            <Button size="small" icon={<PaperClipOutlined />} onClick={() => void addFile()}>
              添加佐证文件
            </Button>
            {files.map((f) => (
              <Tag key={f.id} closable onClose={() => setFiles((fs) => fs.filter((x) => x.id !== f.id))}>
                {f.name}
              </Tag>
            ))}
          </Space>
          <Space>
            <Button type="primary" onClick={() => void submitProgress()}>
              保存进展
            </Button>
            <Button onClick={reset}>取消</Button>
          </Space>
        </Flex>
      ) : null}
      {mode === 'adjust' ? (
        <Flex vertical gap={8} className="hw-af-inline" data-testid={`decision-${index}-adjust`}>
          <Space wrap align="start">
            <OwnerUnitSelect
              label="调整后的承办单位"
              registry={registry}
              value={adjustment.ownerUnitId}
              onChange={(ownerUnitId) => setAdjustment({ ...adjustment, ownerUnitId })}
            />
            <LeaderSelect
              label="调整后的责任领导"
              registry={registry}
              value={adjustment.responsibleLeaderId}
              onChange={(responsibleLeaderId) => setAdjustment({ ...adjustment, responsibleLeaderId })}
            />
            <Flex vertical>
              <Input
                type="date"
                aria-label="调整后的完成时限"
                value={adjustment.dueDate ?? ''}
                status={tried && aErrors.dueDate ? 'error' : undefined}
                onChange={(e) => {
                  const { dueDate: _old, ...rest } = adjustment;
                  setAdjustment(e.target.value === '' ? rest : { ...rest, dueDate: e.target.value });
                }}
              />
              {tried && aErrors.dueDate ? (
                <Typography.Text type="danger">{aErrors.dueDate}</Typography.Text>
              ) : null}
            </Flex>
          </Space>
          {tried && aErrors.ownerUnitId ? (
            <Typography.Text type="danger">{aErrors.ownerUnitId}</Typography.Text>
          ) : null}
          <Input.TextArea
            aria-label="调整的原因"
            placeholder="调整的原因（必填，如延期的理由、经谁同意）"
            rows={2}
            maxLength={500}
            value={adjustment.reason}
            onChange={(e) => setAdjustment({ ...adjustment, reason: e.target.value })}
          />
          {tried && aErrors.reason ? <Typography.Text type="danger">{aErrors.reason}</Typography.Text> : null}
          <Space>
            <Button type="primary" onClick={() => void submitAdjustment()}>
              保存调整
            </Button>
            <Button onClick={reset}>取消</Button>
          </Space>
        </Flex>
      ) : null}
      {mode === 'close' || mode === 'reopen' ? (
        <Flex vertical gap={8} className="hw-af-inline">
          <Input.TextArea
            aria-label={mode === 'close' ? '办结情况' : '重新打开的原因'}
            placeholder={mode === 'close' ? '办结情况（落实结果，必填）' : '重新打开的原因（必填）'}
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {tried && text.trim() === '' ? (
            <Typography.Text type="danger">
              {mode === 'close' ? '请填写办结情况（落实结果）' : '请填写重新打开的原因'}
            </Typography.Text>
          ) : null}
          {mode === 'close' ? (
            <FindingsPanel findings={closeFindings} testId={`decision-${index}-close-findings`} />
          ) : null}
          <Space>
            {mode === 'close' && text.trim() !== '' ? (
              <GatedButton label="确认办结" findings={closeFindings} onConfirm={submitClose} />
            ) : mode === 'close' ? (
              <Button type="primary" onClick={() => setTried(true)}>
                确认办结
              </Button>
            ) : (
              <Button type="primary" onClick={() => void submitReopen()}>
                确认重新打开
              </Button>
            )}
            <Button onClick={reset}>取消</Button>
          </Space>
        </Flex>
      ) : null}
    </Card>
  );
}
