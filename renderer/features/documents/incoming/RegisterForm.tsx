/**
 * 登记收文: from which unit (pinyin search), kind, title, 来文字号, 密级/期限, 紧急程度, copies, received date,
 * addressee (区政府 or a leader, 交办), and for a 请示 touching other departments the lead signature, the
 * countersignatures and any disagreement (art. 49). The PDF is picked through the bridge and stamped with the
 * 收文章 on registration. Art. 49 findings show live; registration records the document even when they block —
 * they gate 拟办/呈批 until completed. The draft survives a reload.
 */
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { isIsoDate, shanghaiDateOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import { checkDocumentStep } from '../../../../shared/domain/documents/steps';
import {
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type Classification,
  type DocumentKind,
  type Urgency,
} from '../../../../shared/domain/documents/model';
import { deputyHeadsOn, districtHeadOn, holdersOf, personName, type Registry } from '../../../../shared/domain/registry';
import { currentWorkingCalendar } from '../../../../shared/calendar';
import { unitId } from '../../../../shared/domain/ids';
import { matchesNameQuery, pinyinInitials } from '../../../data/pinyin';
import { useBridge } from '../../../platform';
import { FindingsPanel, GatedButton } from '../../../ui/findings';
import { docFromDraft, draftErrors, overrideReason, type IncomingDraft } from './model';
import { SubHeading } from './SubHeading';
import { stampReceived, checkReceivedPdf } from './stamp';
import { storeMessage, useIncoming, useIncomingDraft } from './use-incoming';

interface PickedPdf {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Select options for units or people, searchable by name or pinyin initials ("czj" → 区财政局). */
function nameOptions(items: readonly { id: string; name: string }[], kind: 'person' | 'other') {
  return items.map((x) => ({ value: x.id, label: x.name, initials: pinyinInitials(x.name, kind) }));
}
const filterByName = (input: string, option?: { label: string; initials: string }) =>
  option !== undefined && matchesNameQuery(option.label, input, option.initials);

/** The government's leaders on a date: 区长 and 副区长 (those a document can be addressed or routed to). */
export function leadersOn(reg: Registry, date: IsoDate) {
  const head = districtHeadOn(reg, date);
  return [...(head === undefined ? [] : [head]), ...deputyHeadsOn(reg, date)];
}

export function RegisterForm() {
  const navigate = useNavigate();
  const bridge = useBridge();
  const { message } = App.useApp();
  const registry = useIncoming((s) => s.registry);
  const officeName = useIncoming((s) => s.officeName);
  const act = useIncoming((s) => s.act);
  const draft = useIncomingDraft((s) => s.draft);
  const update = useIncomingDraft((s) => s.update);
  const reset = useIncomingDraft((s) => s.reset);
  const [today] = useState<IsoDate>(() => shanghaiDateOf(new Date()));
  const calendar = useMemo(() => currentWorkingCalendar(), []);
  const [showErrors, setShowErrors] = useState(false);
  const [pdf, setPdf] = useState<PickedPdf | undefined>(undefined);
  const [pdfError, setPdfError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const units = useMemo(() => nameOptions(registry.units, 'other'), [registry.units]);
  const people = useMemo(() => nameOptions(registry.people, 'person'), [registry.people]);
  const leaders = useMemo(
    () => leadersOn(registry, today).map((p) => ({ value: p as string, label: personName(registry, p), initials: pinyinInitials(personName(registry, p), 'person') })),
    [registry, today],
  );
  const errors = draftErrors(draft);
  const complete = Object.keys(errors).length === 0;
  const doc = complete ? docFromDraft(draft, 'draft', today) : undefined;
  const findings = doc === undefined ? [] : checkDocumentStep(doc, 'register', { registry, calendar, date: today });
  const err = (k: keyof IncomingDraft) => (showErrors && errors[k] ? { validateStatus: 'error' as const, help: errors[k] } : {});
  const isRequest = draft.kind === 'request';

  const pick = async () => {
    setPdfError(undefined);
    const r = await bridge.openFile('选择来文 PDF', [{ name: 'PDF 文件', extensions: ['pdf'] }]);
    if (!r.ok) {
      setPdfError(`未能打开文件：${r.error.message}`);
      return;
    }
    if (r.value === null) return;
    const bad = checkReceivedPdf(r.value.bytes);
    if (bad !== undefined) {
      setPdf(undefined);
      setPdfError(bad);
      return;
    }
    setPdf({ name: r.value.name, bytes: r.value.bytes });
  };

  const save = async (reason: string | undefined) => {
    if (!complete) {
      setShowErrors(true);
      void message.error('还有必填项没有填写，请按提示补充。');
      return;
    }
    setBusy(true);
    try {
      const id = `in-${crypto.randomUUID()}`;
      const d = docFromDraft(draft, id, today);
      const why = overrideReason(reason, findings);
      const withReason = why === undefined ? {} : { reason: why };
      let file: { name: string; original: Uint8Array; stamped?: Uint8Array } | undefined;
      let expectedNumber: string | undefined;
      if (pdf !== undefined) {
        const year = Number(today.slice(0, 4));
        expectedNumber = await act((repo) => repo.peekNumber(year));
        const stamp = await stampReceived(pdf.bytes, {
          unit: officeName ?? '区人民政府办公室',
          number: expectedNumber,
          date: isIsoDate(draft.receivedOn) ? draft.receivedOn : today,
          copies: draft.copies,
          ...(draft.classification === undefined ? {} : { classification: CLASSIFICATION_LABELS[draft.classification] }),
        });
        if (!stamp.ok) {
          setPdfError(stamp.message);
          return;
        }
        file = { name: pdf.name, original: pdf.bytes, stamped: stamp.bytes };
      }
      const record = await act((repo) =>
        repo.register(
          { doc: d, copies: draft.copies, receivedOn: draft.receivedOn, text: draft.text },
          file,
          { ...withReason, ...(expectedNumber === undefined ? {} : { expectedNumber }) },
        ),
      );
      reset();
      setPdf(undefined);
      void message.success(`已登记，收文编号 ${record.receiptNumber}。`);
      void navigate(`/documents/incoming/${record.doc.id}`);
    } catch (e) {
      void message.error(storeMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const grounds = (u: string) => draft.grounds[u] ?? '';
  /** Heads and leaders of a unit today: only they may countersign (art. 49). */
  const unitLeaders = (u: string): string[] => [
    ...holdersOf(registry, 'unitHead', today, unitId(u)),
    ...holdersOf(registry, 'unitLeader', today, unitId(u)),
  ];
  const unitLabel = (u: string) => registry.units.find((x) => x.id === u)?.name ?? u;

  return (
    <>
      <SubHeading
        title="登记收文"
        intro="填写来文信息并附上 PDF，登记时自动编收文编号并在首页加盖收文章。填写内容会自动保留，刷新页面不会丢失。"
        extra={<Button onClick={() => void navigate('/documents/incoming')}>返回收文登记簿</Button>}
      />
      <Form layout="vertical" onFinish={() => undefined} className="hw-in-form">
        <Space wrap size="large" align="start">
          <Form.Item label="来文单位" required {...err('fromUnitId')}>
            <Select
              aria-label="来文单位"
              showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }}
              style={{ width: 280 }}
              placeholder="输入名称或拼音首字母，如 czj"
              value={draft.fromUnitId}
              options={units}
              onChange={(v: string) => update({ fromUnitId: v })}
            />
          </Form.Item>
          <Form.Item label="文种" required {...err('kind')}>
            <Select
              aria-label="文种"
              virtual={false}
              style={{ width: 140 }}
              value={draft.kind}
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
              onChange={(v: DocumentKind) => update({ kind: v })}
            />
          </Form.Item>
          <Form.Item label="来文字号">
            <Input aria-label="来文字号" style={{ width: 220 }} maxLength={100} value={draft.senderNumber} placeholder="如 示财发〔2026〕8号" onChange={(e) => update({ senderNumber: e.target.value })} />
          </Form.Item>
        </Space>
        <Form.Item label="来文标题" required {...err('title')}>
          <Input aria-label="来文标题" maxLength={200} value={draft.title} onChange={(e) => update({ title: e.target.value })} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item label="密级">
            <Select
              aria-label="密级"
              virtual={false}
              style={{ width: 120 }}
              value={draft.classification ?? 'none'}
              options={[{ value: 'none', label: '非涉密' }, ...CLASSIFICATIONS.map((c) => ({ value: c, label: CLASSIFICATION_LABELS[c] }))]}
              onChange={(v: Classification | 'none') => update({ classification: v === 'none' ? undefined : v })}
            />
          </Form.Item>
          {draft.classification !== undefined ? (
            <Form.Item label="保密期限（年）">
              <InputNumber aria-label="保密期限" min={1} max={30} value={draft.classificationYears} onChange={(v) => update({ classificationYears: v ?? undefined })} />
            </Form.Item>
          ) : null}
          <Form.Item label="紧急程度">
            <Select
              aria-label="紧急程度"
              style={{ width: 110 }}
              value={draft.urgency ?? 'normal'}
              options={[{ value: 'normal', label: '一般' }, ...URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))]}
              onChange={(v: Urgency | 'normal') => update({ urgency: v === 'normal' ? undefined : v })}
            />
          </Form.Item>
          <Form.Item label="份数" required {...err('copies')}>
            <InputNumber aria-label="份数" min={1} max={9999} value={draft.copies} onChange={(v) => update({ copies: v ?? 0 })} />
          </Form.Item>
          <Form.Item label="收文日期" required {...err('receivedOn')}>
            <Input type="date" aria-label="收文日期" value={draft.receivedOn} onChange={(e) => update({ receivedOn: e.target.value })} />
          </Form.Item>
        </Space>
        <Form.Item label="主送">
          <Radio.Group
            aria-label="主送"
            value={draft.addressee}
            onChange={(e) => update({ addressee: e.target.value as 'government' | 'leader' })}
            options={[
              { value: 'government', label: '区政府' },
              { value: 'leader', label: '区政府领导个人' },
            ]}
          />
        </Form.Item>
        {draft.addressee === 'leader' ? (
          <Space wrap size="large" align="start">
            <Form.Item label="主送领导" required {...err('leaderId')}>
              <Select aria-label="主送领导" style={{ width: 200 }} showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }} value={draft.leaderId} options={leaders} onChange={(v: string) => update({ leaderId: v })} />
            </Form.Item>
            <Form.Item label=" ">
              <Checkbox checked={draft.assignedByLeader} onChange={(e) => update({ assignedByLeader: e.target.checked })}>
                系该领导交办事项
              </Checkbox>
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item label="内容摘要" extra="可选：写几句要点，便于检索。">
          <Input.TextArea aria-label="内容摘要" rows={2} maxLength={20000} value={draft.text} onChange={(e) => update({ text: e.target.value })} />
        </Form.Item>
        {isRequest ? (
          <Card size="small" title="请示涉及其他部门职权（第四十九条）" className="hw-in-card">
            <Checkbox checked={draft.crossDepartment} onChange={(e) => update({ crossDepartment: e.target.checked })}>
              本请示涉及其他部门职权
            </Checkbox>
            {draft.crossDepartment ? (
              <>
                <Form.Item label="涉及的部门" {...err('concernedUnitIds')} className="hw-in-mt">
                  <Select
                    aria-label="涉及的部门"
                    mode="multiple"
                    showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }}
                    value={[...draft.concernedUnitIds]}
                    options={units.filter((u) => u.value !== draft.fromUnitId)}
                    onChange={(v: string[]) => update({ concernedUnitIds: v })}
                  />
                </Form.Item>
                <Space wrap size="large" align="start">
                  <Form.Item label="主办部门主要负责同志签字">
                    <Select
                      aria-label="主办部门签字人"
                      style={{ width: 200 }}
                      showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }}
                      allowClear
                      value={draft.leadSignerId}
                      options={people}
                      onChange={(v?: string) => update({ leadSignerId: v })}
                    />
                  </Form.Item>
                  <Form.Item label="签字日期">
                    <Input type="date" aria-label="主办部门签字日期" value={draft.leadSignedOn ?? ''} onChange={(e) => update({ leadSignedOn: e.target.value })} />
                  </Form.Item>
                </Space>
                {draft.concernedUnitIds.map((u) => (
                  <Space key={u} wrap size="large" align="start">
                    <Form.Item label={`${unitLabel(u)}会签人`}>
                      <Select
                        aria-label={`${unitLabel(u)}会签人`}
                        style={{ width: 200 }}
                        showSearch={{ filterOption: filterByName, optionFilterProp: 'label' }}
                        allowClear
                        placeholder="未会签"
                        value={draft.countersigns[u]?.personId}
                        options={people.filter((p) => unitLeaders(u).includes(p.value))}
                        onChange={(v?: string) => update({ countersigns: { ...draft.countersigns, [u]: { ...draft.countersigns[u], personId: v } } })}
                      />
                    </Form.Item>
                    <Form.Item label="会签日期">
                      <Input
                        type="date"
                        aria-label={`${unitLabel(u)}会签日期`}
                        value={draft.countersigns[u]?.date ?? ''}
                        onChange={(e) => update({ countersigns: { ...draft.countersigns, [u]: { ...draft.countersigns[u], date: e.target.value } } })}
                      />
                    </Form.Item>
                  </Space>
                ))}
                <Checkbox checked={draft.disagreement} onChange={(e) => update({ disagreement: e.target.checked })}>
                  部门间有分歧
                </Checkbox>
                {draft.disagreement ? (
                  <>
                    {[draft.fromUnitId ?? '', ...draft.concernedUnitIds].filter((u) => u !== '').map((u) => (
                      <Form.Item key={u} label={`${unitLabel(u)}的理据`} className="hw-in-mt">
                        <Input.TextArea aria-label={`${unitLabel(u)}的理据`} rows={2} value={grounds(u)} onChange={(e) => update({ grounds: { ...draft.grounds, [u]: e.target.value } })} />
                      </Form.Item>
                    ))}
                    <Form.Item label="主办部门的办理建议">
                      <Input.TextArea aria-label="办理建议" rows={2} value={draft.recommendation} onChange={(e) => update({ recommendation: e.target.value })} />
                    </Form.Item>
                  </>
                ) : null}
              </>
            ) : null}
          </Card>
        ) : null}
        <Card size="small" title="来文 PDF" className="hw-in-card">
          <Space wrap>
            <Button onClick={() => void pick()}>选择 PDF 文件…</Button>
            {pdf !== undefined ? (
              <Typography.Text data-testid="picked-pdf">
                {pdf.name}（{Math.max(1, Math.round(pdf.bytes.byteLength / 1024))} KB），登记时在首页加盖收文章，原件另存
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">可不附；纸质来文请先扫描为 PDF。</Typography.Text>
            )}
          </Space>
          {pdfError !== undefined ? <Alert className="hw-in-mt" type="error" showIcon role="alert" title={pdfError} /> : null}
        </Card>
        <FindingsPanel
          findings={findings}
          title="登记检查（第四十九条）"
          emptyText={complete ? '登记检查未发现问题。' : '填完必填项后显示规则检查结果。'}
          testId="register-findings"
        />
        {findings.some((f) => f.severity === 'block') ? (
          <Alert
            className="hw-in-mt"
            type="warning"
            showIcon
            title="可以先登记，但上述问题解决前不能拟办和呈批"
            description="登记后可在收文详情中补录会签，或退回来文单位。"
          />
        ) : null}
        <Space className="hw-in-mt">
          <GatedButton label="登记" findings={findings.filter((f) => f.severity !== 'block')} busy={busy} onConfirm={save} />
          <Button onClick={() => reset()}>清空</Button>
        </Space>
      </Form>
    </>
  );
}
