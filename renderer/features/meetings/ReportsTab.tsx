/**
 * 会后事项: after a 常务会议 the three reports of art. 42 (区委, 区人大常委会, 区政协 informed) as tasks with the
 * date done and by whom; and for every meeting the documents it decided to issue with their art. 53 due
 * dates (5 working days, 7 with major revisions to coordinate, or an explicit deadline).
 */
import { Button, Card, Flex, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { REPORT_TARGET_LABELS, type Meeting, type ReportTarget } from '../../../shared/domain/meeting';
import {
  addDocumentToIssue,
  checkExecutiveReports,
  checkMeetingDocumentsDue,
  checkReportTask,
  clearReportDone,
  documentInputErrors,
  executiveReportTasks,
  markDocumentIssued,
  markReportDone,
  meetingDocumentDueDate,
  reportDoneError,
  type DocumentInput,
  type ReportDoneInput,
} from '../../../shared/domain/meeting-rules';
import type { WorkingDays } from '../../../shared/domain/working-days';
import { FindingsPanel, GatedButton } from '../../ui/findings';
import { operatorName, useMeetingAction } from './use-meeting-action';

export function ReportsTab({
  meeting,
  today,
  calendar,
}: {
  meeting: Meeting;
  today: IsoDate;
  calendar: WorkingDays;
}) {
  return (
    <Flex vertical gap={12} data-testid="reports-tab">
      {meeting.kind === 'executive' ? <ExecutiveReports meeting={meeting} today={today} /> : null}
      <DocumentsToIssue meeting={meeting} today={today} calendar={calendar} />
    </Flex>
  );
}

function ExecutiveReports({ meeting, today }: { meeting: Meeting; today: IsoDate }) {
  const act = useMeetingAction();
  const [editing, setEditing] = useState<ReportTarget | undefined>(undefined);
  const [input, setInput] = useState<ReportDoneInput>(() => ({ on: today, by: operatorName(), note: '' }));
  const [tried, setTried] = useState(false);
  const error = reportDoneError(input, meeting, today);
  const gate = checkReportTask(meeting);
  const task = (t: ReportTarget) => meeting.reportTasks.find((r) => r.target === t);

  const done = async (target: ReportTarget) => {
    setTried(true);
    if (error !== undefined) return;
    if (
      await act(
        meeting.id,
        (m) => markReportDone(m, target, input),
        `常务会议会后报告：${REPORT_TARGET_LABELS[target]}（${input.on}，${input.by.trim()}）`,
        `已登记“${REPORT_TARGET_LABELS[target]}”。`,
      )
    ) {
      setEditing(undefined);
      setTried(false);
    }
  };

  return (
    <Card size="small" title="常务会议会后报告（第四十二条）">
      <Flex vertical gap={8}>
        <FindingsPanel
          findings={[...gate, ...checkExecutiveReports(meeting)]}
          emptyText="三项会后报告均已完成。"
          testId="reports-findings"
        />
        <Table
          size="small"
          rowKey={(r) => r.target}
          pagination={false}
          data-testid="report-tasks"
          dataSource={executiveReportTasks()}
          columns={[
            { key: 'task', title: '事项', render: (_, r) => REPORT_TARGET_LABELS[r.target] },
            {
              key: 'state',
              title: '状态',
              render: (_, r) => {
                const t = task(r.target);
                return t?.doneOn ? (
                  <Tag color="success">
                    已完成（{t.doneOn}，{t.doneBy ?? ''}）
                  </Tag>
                ) : (
                  <Tag color="warning">待办</Tag>
                );
              },
            },
            {
              key: 'actions',
              title: '操作',
              render: (_, r) =>
                task(r.target)?.doneOn ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(
                        meeting.id,
                        (m) => clearReportDone(m, r.target),
                        `撤销会后报告登记：${REPORT_TARGET_LABELS[r.target]}`,
                        '已撤销。',
                      )
                    }
                  >
                    撤销
                  </Button>
                ) : (
                  <GatedButton
                    size="small"
                    type="default"
                    label={`登记完成：${REPORT_TARGET_LABELS[r.target]}`}
                    findings={gate}
                    onConfirm={() => {
                      setTried(false);
                      setEditing(r.target);
                    }}
                  />
                ),
            },
          ]}
        />
        {editing !== undefined ? (
          <Flex vertical gap={8} className="hw-af-inline" data-testid="report-form">
            <Typography.Text strong>{REPORT_TARGET_LABELS[editing]}</Typography.Text>
            <Space wrap>
              <Input
                type="date"
                aria-label="完成日期"
                value={input.on}
                onChange={(e) => setInput({ ...input, on: e.target.value })}
              />
              <Input
                aria-label="经办人"
                placeholder="经办人"
                className="hw-af-by"
                maxLength={50}
                value={input.by}
                onChange={(e) => setInput({ ...input, by: e.target.value })}
              />
              <Input
                aria-label="报告方式或文号"
                placeholder="报告方式或文号（选填）"
                maxLength={500}
                value={input.note}
                onChange={(e) => setInput({ ...input, note: e.target.value })}
              />
              <Button type="primary" onClick={() => void done(editing)}>
                保存
              </Button>
              <Button onClick={() => setEditing(undefined)}>取消</Button>
            </Space>
            {tried && error !== undefined ? <Typography.Text type="danger">{error}</Typography.Text> : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

const EMPTY_DOC: DocumentInput = { title: '', deadline: 'fiveDays', reason: '', date: '' };

function DocumentsToIssue({
  meeting,
  today,
  calendar,
}: {
  meeting: Meeting;
  today: IsoDate;
  calendar: WorkingDays;
}) {
  const act = useMeetingAction();
  const [input, setInput] = useState<DocumentInput>(EMPTY_DOC);
  const [tried, setTried] = useState(false);
  const errors = documentInputErrors(input);
  const dueOf = (i: number): string => {
    const doc = meeting.documentsToIssue[i];
    if (doc === undefined) return '';
    try {
      return meetingDocumentDueDate(meeting, doc.deadline, calendar);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  const add = async () => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    if (
      await act(
        meeting.id,
        (m) => addDocumentToIssue(m, input),
        `登记会议决定印发的文件《${input.title.trim()}》`,
        `已登记《${input.title.trim()}》。`,
      )
    ) {
      setInput(EMPTY_DOC);
      setTried(false);
    }
  };

  return (
    <Card size="small" title="会议决定印发的文件（第五十三条）">
      <Flex vertical gap={8}>
        <FindingsPanel
          findings={checkMeetingDocumentsDue(meeting, calendar, today)}
          emptyText="没有逾期未印发的文件。"
          testId="documents-findings"
        />
        <Table
          size="small"
          rowKey={(d) => d.title}
          pagination={false}
          data-testid="documents-to-issue"
          dataSource={meeting.documentsToIssue.map((d, i) => ({ ...d, index: i }))}
          locale={{ emptyText: '还没有登记需印发的文件。' }}
          columns={[
            { key: 'title', title: '文件', render: (_, d) => `《${d.title}》` },
            {
              key: 'deadline',
              title: '时限',
              render: (_, d) =>
                d.deadline.kind === 'fiveDays'
                  ? '5个工作日'
                  : d.deadline.kind === 'sevenDays'
                    ? `7个工作日（${d.deadline.reason}）`
                    : '明确上报时限',
            },
            { key: 'due', title: '应印发日期', render: (_, d) => dueOf(d.index) },
            {
              key: 'issued',
              title: '印发',
              render: (_, d) =>
                d.issuedOn ? (
                  <Tag color={d.issuedOn > dueOf(d.index) ? 'error' : 'success'}>{d.issuedOn}印发</Tag>
                ) : (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(
                        meeting.id,
                        (m) => markDocumentIssued(m, d.index, today),
                        `登记文件印发《${d.title}》`,
                        `已登记《${d.title}》于${today}印发。`,
                      )
                    }
                  >
                    今日已印发
                  </Button>
                ),
            },
          ]}
        />
        <Space wrap align="start">
          <Input
            aria-label="文件标题"
            placeholder="文件标题"
            className="hw-af-title"
            maxLength={200}
            value={input.title}
            onChange={(e) => setInput({ ...input, title: e.target.value })}
          />
          <Radio.Group
            aria-label="印发时限"
            value={input.deadline}
            onChange={(e) => setInput({ ...input, deadline: e.target.value as DocumentInput['deadline'] })}
            options={[
              { value: 'fiveDays', label: '5个工作日' },
              { value: 'sevenDays', label: '7个工作日（有重大修改意见需协调）' },
              { value: 'explicit', label: '明确上报时限' },
            ]}
          />
          {input.deadline === 'sevenDays' ? (
            <Input
              aria-label="需协调的重大修改意见"
              placeholder="需协调的重大修改意见"
              value={input.reason}
              onChange={(e) => setInput({ ...input, reason: e.target.value })}
            />
          ) : null}
          {input.deadline === 'explicit' ? (
            <Input
              type="date"
              aria-label="上报时限"
              value={input.date}
              onChange={(e) => setInput({ ...input, date: e.target.value })}
            />
          ) : null}
          <Button onClick={() => void add()}>登记文件</Button>
        </Space>
        {tried && Object.keys(errors).length > 0 ? (
          <Typography.Text type="danger">{Object.values(errors).join('；')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
