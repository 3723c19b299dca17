/**
 * 新建会议: kind (with its purpose and composition, arts. 40–44), date, time, place; the chair the rules
 * propose (the 常务副区长 while the 区长 is away, art. 9; an entrusted 副区长 for a 区长办公会议, art. 43);
 * the recorder (art. 47). The rulebook's 筹备 checks gate the save. The draft survives a reload.
 */
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { currentWorkingCalendar } from '../../../shared/calendar';
import { isIsoDate, type IsoDate } from '../../../shared/calendar/iso-date';
import { meetingId, type PersonId } from '../../../shared/domain/ids';
import {
  MEETING_KINDS,
  MEETING_KIND_ARTICLE,
  MEETING_KIND_LABELS,
  MEETING_KIND_PURPOSES,
  type MeetingKind,
} from '../../../shared/domain/meeting';
import { CHAIR_RULE_TEXT, checkMeetingStep } from '../../../shared/domain/meeting-rules';
import { holdersOf, personName, type Registry } from '../../../shared/domain/registry';
import { PageHeading } from '../../ui';
import { ArticleDrawer, ArticleLinks, auditContext, FindingsPanel, GatedButton } from '../../ui/findings';
import { useNewMeetingDraft } from './draft-store';
import { storeMessage } from './meetings-store';
import {
  CHAIR_STATUS_LABELS,
  chairChoice,
  draftErrors,
  meetingFromDraft,
  type NewMeetingDraft,
} from './model';
import { meetingsUi, useMeetingsUi } from './use-meetings';

/** Office leaders first (they usually keep the record), then everyone else. */
function recorderOptions(reg: Registry, date: IsoDate | undefined) {
  const on = date ?? ('9999-12-31' as IsoDate);
  const office = [...holdersOf(reg, 'officeDeputyDirector', on), ...holdersOf(reg, 'officeDirector', on)];
  const others = reg.people.filter((p) => !office.includes(p.id));
  return [
    { label: '区政府办公室', options: office.map((p) => ({ value: p, label: personName(reg, p) })) },
    { label: '其他人员', options: others.map((p) => ({ value: p.id, label: p.name })) },
  ];
}

export function NewMeeting() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const registry = useMeetingsUi((s) => s.registry);
  const busy = useMeetingsUi((s) => s.busy);
  const draft = useNewMeetingDraft((s) => s.draft);
  const update = useNewMeetingDraft((s) => s.update);
  const reset = useNewMeetingDraft((s) => s.reset);
  const [showErrors, setShowErrors] = useState(false);
  const [article, setArticle] = useState<number | undefined>(undefined);
  const calendar = useMemo(() => currentWorkingCalendar(), []);

  const date = isIsoDate(draft.date) ? draft.date : undefined;
  const choice =
    draft.kind !== undefined && date !== undefined ? chairChoice(registry, draft.kind, date) : undefined;
  const errors = draftErrors(draft);
  const complete = Object.keys(errors).length === 0;
  const findings = complete
    ? checkMeetingStep(meetingFromDraft(draft, registry, meetingId('draft')), 'plan', { registry, calendar })
    : [];

  /** Kind or date changed: propose the chair again (the rules' answer depends on both). */
  const setKindOrDate = (patch: Partial<NewMeetingDraft>) => {
    const next = { ...draft, ...patch };
    const d = isIsoDate(next.date) ? next.date : undefined;
    const proposal =
      next.kind !== undefined && d !== undefined ? chairChoice(registry, next.kind, d).proposal : undefined;
    const office = d ? holdersOf(registry, 'officeDeputyDirector', d)[0] : undefined;
    update({
      ...patch,
      chairId: proposal?.personId,
      ...(draft.recorderId === undefined && office !== undefined ? { recorderId: office } : {}),
    });
  };

  const save = async (reason: string | undefined) => {
    if (!complete) {
      setShowErrors(true);
      void message.error('还有必填项没有填写，请按提示补充。');
      return;
    }
    const id = meetingId(`mtg-${crypto.randomUUID()}`);
    const m = meetingFromDraft(draft, registry, id);
    try {
      await meetingsUi.getState().create(
        m,
        auditContext(
          '新建会议',
          findings.filter((f) => f.severity === 'warn'),
          reason,
        ),
      );
      reset();
      void message.success('会议已保存。');
      navigate(`/meetings/${id}`);
    } catch (e) {
      void message.error(storeMessage(e));
    }
  };

  const err = (k: keyof NewMeetingDraft) =>
    showErrors && errors[k] ? { validateStatus: 'error' as const, help: errors[k] } : {};

  return (
    <>
      <PageHeading
        title="新建会议"
        intro="选择会议类型、时间和地点，系统按《工作规则》建议主持人。填写内容会自动保留，刷新页面不会丢失。"
      />
      <Form layout="vertical" className="hw-mt-form" onFinish={() => undefined}>
        <Form.Item label="会议类型" required {...err('kind')}>
          <Radio.Group
            aria-label="会议类型"
            value={draft.kind}
            onChange={(e) => setKindOrDate({ kind: e.target.value as MeetingKind })}
            options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          />
        </Form.Item>
        {draft.kind !== undefined ? (
          <Card
            size="small"
            className="hw-mt-kind-card"
            title={MEETING_KIND_LABELS[draft.kind]}
            extra={<ArticleLinks articles={[MEETING_KIND_ARTICLE[draft.kind]]} onOpen={setArticle} />}
            data-testid="kind-info"
          >
            <Typography.Paragraph>{CHAIR_RULE_TEXT[draft.kind]}。主要任务：</Typography.Paragraph>
            <ul>
              {MEETING_KIND_PURPOSES[draft.kind].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Space wrap size="large">
          <Form.Item label="会议日期" required {...err('date')}>
            <Input
              type="date"
              aria-label="会议日期"
              value={draft.date}
              onChange={(e) => setKindOrDate({ date: e.target.value })}
            />
          </Form.Item>
          <Form.Item label="开始时间" {...err('time')}>
            <Input
              type="time"
              aria-label="开始时间"
              value={draft.time}
              onChange={(e) => update({ time: e.target.value })}
            />
          </Form.Item>
        </Space>
        <Form.Item label="会议地点" required {...err('place')}>
          <Input
            aria-label="会议地点"
            value={draft.place}
            maxLength={200}
            placeholder="例如：区政府三楼常务会议室"
            onChange={(e) => update({ place: e.target.value })}
          />
        </Form.Item>
        <Form.Item label="会议名称" {...err('title')} extra="可不填，默认为“会议类型（日期）”。">
          <Input
            aria-label="会议名称"
            value={draft.title}
            maxLength={200}
            onChange={(e) => update({ title: e.target.value })}
          />
        </Form.Item>
        {choice?.proposal ? (
          <Alert
            type="info"
            showIcon
            data-testid="chair-proposal"
            title={`按规则建议由${personName(registry, choice.proposal.personId)}召集和主持`}
            description={
              <>
                {choice.proposal.reason}
                <ArticleLinks articles={choice.proposal.articles} onOpen={setArticle} />
              </>
            }
          />
        ) : draft.kind !== undefined && date !== undefined ? (
          <Alert
            type="warning"
            showIcon
            title="无法按规则确定主持人"
            description="人员与单位中没有登记该日期在任的区长（或党组书记），或区长外出期间无人主持工作。请先在“人员与单位”中补充。"
          />
        ) : null}
        <Form.Item label="主持人（召集人）" required {...err('chairId')} className="hw-mt-section">
          <Select<PersonId>
            aria-label="主持人"
            value={draft.chairId as PersonId | undefined}
            placeholder={choice ? '请选择主持人' : '先选择会议类型和日期'}
            disabled={choice === undefined}
            onChange={(chairId) => update({ chairId })}
            options={(choice?.candidates ?? []).map((c) => ({
              value: c.personId,
              label: (
                <span>
                  {personName(registry, c.personId)}{' '}
                  <Tag
                    color={
                      c.status === 'needsEntrustment' ? 'red' : c.status === 'eligible' ? 'green' : 'blue'
                    }
                  >
                    {CHAIR_STATUS_LABELS[c.status]}
                  </Tag>
                </span>
              ),
              title: personName(registry, c.personId),
            }))}
          />
        </Form.Item>
        <Form.Item
          label="会议记录人"
          required
          {...err('recorderId')}
          extra="区政府办公室指定专人记录（第四十七条）。"
        >
          <Select<string>
            aria-label="会议记录人"
            showSearch={{ optionFilterProp: 'title' }}
            value={draft.recorderId}
            placeholder="请选择记录人"
            onChange={(recorderId) => update({ recorderId })}
            options={recorderOptions(registry, date).map((g) => ({
              ...g,
              options: g.options.map((o) => ({ ...o, title: o.label })),
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={draft.important} onChange={(e) => update({ important: e.target.checked })}>
            重要会议（缺席须正式请假，第五十九条）
          </Checkbox>
        </Form.Item>
        {complete ? (
          <FindingsPanel findings={findings} title="规则检查（筹备会议）" testId="plan-findings" />
        ) : null}
        <Space className="hw-mt-section">
          <GatedButton label="保存会议" findings={findings} busy={busy} onConfirm={save} />
          <Button onClick={() => navigate('/meetings')}>返回列表</Button>
          <Button
            onClick={() => {
              reset();
              setShowErrors(false);
            }}
          >
            清空表单
          </Button>
        </Space>
      </Form>
      <ArticleDrawer article={article} onClose={() => setArticle(undefined)} />
    </>
  );
}
