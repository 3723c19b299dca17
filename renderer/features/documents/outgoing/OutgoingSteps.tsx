/**
 * The next steps of one outgoing document, each with what the rulebook says about it (FindingsPanel) and a
 * GatedButton: 审核 by exactly the people the matrix names, 部门会签, "如有必要" escalation, the report to the
 * 区长 first (joint documents with peers), 合法性审查 (art. 19), 签发/会签 by the matrix ("代" when acting),
 * 编号, 印制 (PDF; numbered copies when classified), 用印 (only after signing), 公开 (never for classified),
 * 分发, 备案 and 归档.
 */
import { App, Card, Checkbox, Flex, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import {
  checkDocumentStep,
  classificationLabel,
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  DOCUMENT_LEGALITY_CONCLUSION_LABELS,
  NON_PUBLIC_REASONS,
  NON_PUBLIC_REASON_LABELS,
  RELEASE_TASK_LABELS,
  RETENTION_LABELS,
  REVIEW_ROLE_LABELS,
  requiredSigning,
  nextDocumentNumber,
  signedOn,
  SIGNING_POST_LABELS,
  type ArchiveRecord,
  type DeliveryMethod,
  type DocumentLegalityConclusion,
  type DocumentPublication,
  type DocumentSignature,
  type EscalationTarget,
  type NonPublicReason,
  type OutgoingAction,
  type OutgoingRecord,
  type OutgoingStep,
  type ReviewRole,
  type SigningSlot,
} from '../../../../shared/domain/documents';
import { applyOutgoingAction } from '../../../../shared/domain/documents';
import { finding, type Finding } from '../../../../shared/domain/findings';
import { personId, unitId, type PersonId } from '../../../../shared/domain/ids';
import {
  deputyHeadsOn,
  districtHeadOn,
  executiveDeputyOn,
  officeDirectorOn,
  unitHeadOn,
  type Registry,
} from '../../../../shared/domain/registry';
import { yearOf, type IsoDate } from '../../../../shared/calendar/iso-date';
import { currentOperator, getStore } from '../../../data';
import type { OutgoingRuleContext } from '../../../data/outgoing-repo';
import { usePlatform } from '../../../platform';
import { auditContext, FindingsPanel, GatedButton } from '../../../ui/findings';
import { signerOptions } from './model';
import { generatePdf } from '../../pdf/use-pdf';
import { pdfDocumentOf } from './pdf-job';
import { outgoingUi, storeMessage, useOutgoingUi } from './use-outgoing';

interface StepProps {
  readonly record: OutgoingRecord;
  readonly rules: OutgoingRuleContext;
}

const REVIEW_ROLE_OF: Readonly<Record<SigningSlot['post'], ReviewRole>> = {
  districtHead: 'responsibleDeputy',
  responsibleDeputy: 'responsibleDeputy',
  officeDirector: 'officeDirector',
};

function StepCard({
  title,
  testId,
  findings,
  label,
  onConfirm,
  children,
}: {
  title: string;
  testId: string;
  findings: readonly Finding[];
  label: string;
  onConfirm: (reason: string | undefined) => Promise<void> | void;
  children?: ReactNode;
}) {
  const busy = useOutgoingUi((s) => s.busy);
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Flex vertical gap={8}>
        {children}
        <FindingsPanel findings={findings} title={`规则检查（${title}）`} />
        <span>
          <GatedButton label={label} findings={findings} onConfirm={onConfirm} busy={busy} />
        </span>
      </Flex>
    </Card>
  );
}

/** Runs one action through the store with the audit context; messages tell the clerk the outcome. */
/** A blocking finding the screen itself raises about this document (the rulebook engine raises the rest). */
const blockOn = (record: OutgoingRecord, ruleId: string, article: number, message: string): Finding =>
  finding(ruleId, [article], 'block', { kind: 'document', id: record.doc.id }, message);

function useAct(record: OutgoingRecord, rules: OutgoingRuleContext) {
  const { message } = App.useApp();
  return async (
    action: OutgoingAction,
    label: string,
    findings: readonly Finding[],
    reason: string | undefined,
  ) => {
    try {
      const saved = await outgoingUi.getState().act(
        record.doc.id,
        action,
        rules,
        auditContext(
          label,
          findings.filter((f) => f.severity === 'warn'),
          reason,
        ),
      );
      void message.success(`已${label}。`);
      return saved;
    } catch (e) {
      void message.error(storeMessage(e));
      return undefined;
    }
  };
}

/** What the rules say about `action` taken now (the record after it, checked for its step). */
function findingsFor(
  record: OutgoingRecord,
  action: OutgoingAction,
  step: OutgoingStep,
  rules: OutgoingRuleContext,
  extra: Partial<Parameters<typeof checkDocumentStep>[2]> = {},
): Finding[] {
  let after: OutgoingRecord;
  try {
    after = applyOutgoingAction(record, action, rules.calendar);
  } catch (e) {
    return [blockOn(record, 'document.step.invalid', 54, e instanceof Error ? e.message : String(e))];
  }
  return checkDocumentStep(after.doc, step, { ...rules, ...extra });
}

// ---------------------------------------------------------------------------------------------------------

function ReviewStep({ record, rules, slot }: StepProps & { slot: SigningSlot }) {
  const act = useAct(record, rules);
  const [opinion, setOpinion] = useState('');
  const role = REVIEW_ROLE_OF[slot.post];
  const who = slot.personId;
  const acting = slot.acting !== undefined && slot.personId !== slot.nominalId;
  const action: OutgoingAction | undefined =
    who === undefined
      ? undefined
      : {
          type: 'review',
          review: {
            personId: who,
            role,
            date: rules.date,
            ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
            ...(acting && slot.nominalId ? { actingForId: slot.nominalId } : {}),
          },
        };
  const findings: Finding[] = action
    ? findingsFor(record, action, 'review', rules)
    : [
        blockOn(
          record,
          'document.review.vacant',
          52,
          `${slot.label}：没有可以审核的人，请先在“人员与单位”中补录任职或分工。`,
        ),
      ];
  const label = `${REVIEW_ROLE_LABELS[role]}：${slot.label}`;
  return (
    <StepCard
      title={label}
      testId={`step-review-${slot.post}`}
      findings={findings}
      label={`登记${REVIEW_ROLE_LABELS[role]}`}
      onConfirm={async (reason) => {
        if (action) await act(action, `登记${REVIEW_ROLE_LABELS[role]}`, findings, reason);
      }}
    >
      <Input.TextArea
        aria-label={`${REVIEW_ROLE_LABELS[role]}意见`}
        rows={2}
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
        placeholder="审核意见（可不填）"
      />
    </StepCard>
  );
}

function UnitCountersignStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const reg = rules.registry;
  const head = unit === undefined ? undefined : unitHeadOn(reg, unitId(unit), rules.date);
  const action: OutgoingAction | undefined =
    unit === undefined || head === undefined
      ? undefined
      : {
          type: 'unitCountersign',
          countersignature: { unitId: unitId(unit), personId: head, date: rules.date },
        };
  const findings = action
    ? findingsFor(record, action, 'review', rules)
    : unit === undefined
      ? []
      : [
          blockOn(
            record,
            'document.countersign.noHead',
            52,
            '该单位没有登记在任的主要负责同志，请先在“人员与单位”中补录。',
          ),
        ];
  const done = record.doc.countersignatures ?? [];
  return (
    <StepCard
      title="部门会签（涉及其他部门职权的）"
      testId="step-unit-countersign"
      findings={findings}
      label="登记部门会签"
      onConfirm={async (reason) => {
        if (action) {
          await act(action, '登记部门会签', findings, reason);
          setUnit(undefined);
        }
      }}
    >
      {done.length > 0 ? (
        <Typography.Text>
          已会签：
          {done.map((c) => (c.unitId ? reg.units.find((u) => u.id === c.unitId)?.name : '') ?? '').join('、')}
        </Typography.Text>
      ) : null}
      <Select<string>
        aria-label="会签单位"
        placeholder="选择会签单位"
        showSearch={{ optionFilterProp: 'label' }}
        className="hw-og-filter"
        popupMatchSelectWidth={false}
        value={unit}
        onChange={setUnit}
        options={reg.units
          .filter((u) => u.kind === 'department' || u.kind === 'township')
          .map((u) => ({ value: u.id as string, label: u.name }))}
      />
    </StepCard>
  );
}

function EscalationStep({ record, rules, targets }: StepProps & { targets: readonly EscalationTarget[] }) {
  const act = useAct(record, rules);
  const [to, setTo] = useState<EscalationTarget | undefined>(undefined);
  const [reason, setReason] = useState('');
  const findings: Finding[] =
    to === undefined || reason.trim() === ''
      ? [blockOn(record, 'document.escalation.incomplete', 52, '请选择报请签发的领导并写明必要的理由。')]
      : [];
  return (
    <StepCard
      title="如有必要：报请上级领导签发（第五十二条）"
      testId="step-escalate"
      findings={findings}
      label="注明报请签发"
      onConfirm={async (r) => {
        if (to !== undefined)
          await act(
            { type: 'escalate', escalation: { to, reason: reason.trim() } },
            '注明报请签发',
            findings,
            r,
          );
      }}
    >
      <Space wrap>
        <Radio.Group
          aria-label="报请签发的领导"
          value={to}
          onChange={(e) => setTo(e.target.value as EscalationTarget)}
          options={targets.map((t) => ({ value: t, label: SIGNING_POST_LABELS[t] }))}
        />
        <Input
          aria-label="报请签发的理由"
          placeholder="理由"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Space>
    </StepCard>
  );
}

function ReportFirstStep({ record, rules, slot }: StepProps & { slot: SigningSlot }) {
  const act = useAct(record, rules);
  return (
    <StepCard
      title={`副区长签发前事前报告区长（${slot.label}）`}
      testId="step-report-first"
      findings={[]}
      label="登记已报告区长"
      onConfirm={async (r) => {
        await act({ type: 'reportToHead', on: rules.date }, '登记事前报告区长', [], r);
      }}
    >
      <Typography.Text type="secondary">
        与其他县（区）政府或市直部门联合行文由副区长签发的，须事前报告区长（第五十二条）。
      </Typography.Text>
    </StepCard>
  );
}

function LegalityStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const [conclusion, setConclusion] = useState<DocumentLegalityConclusion>('lawful');
  const [note, setNote] = useState('');
  const legal = rules.registry.units.find((u) => u.roles?.includes('legalAffairs'));
  return (
    <StepCard
      title="合法性审查（规范性文件，第十九条）"
      testId="step-legality"
      findings={[]}
      label="登记合法性审查"
      onConfirm={async (r) => {
        await act(
          {
            type: 'legalityReview',
            review: {
              ...(legal ? { unitId: legal.id } : {}),
              date: rules.date,
              conclusion,
              ...(note.trim() ? { note: note.trim() } : {}),
            },
          },
          '登记合法性审查',
          [],
          r,
        );
      }}
    >
      <Space wrap>
        <Select<DocumentLegalityConclusion>
          aria-label="审查结论"
          className="hw-og-filter"
          value={conclusion}
          onChange={setConclusion}
          options={(Object.keys(DOCUMENT_LEGALITY_CONCLUSION_LABELS) as DocumentLegalityConclusion[]).map(
            (c) => ({ value: c, label: DOCUMENT_LEGALITY_CONCLUSION_LABELS[c] }),
          )}
        />
        <Input
          aria-label="审查意见"
          placeholder={`审查机构：${legal?.name ?? '区政府法制机构'}`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Space>
    </StepCard>
  );
}

function leadersOn(reg: Registry, date: IsoDate): PersonId[] {
  return [
    districtHeadOn(reg, date),
    executiveDeputyOn(reg, date),
    ...deputyHeadsOn(reg, date),
    officeDirectorOn(reg, date),
  ].filter((p): p is PersonId => p !== undefined);
}

function SignStep({
  record,
  rules,
  role,
  slots,
}: StepProps & { role: 'sign' | 'countersign'; slots: readonly SigningSlot[] }) {
  const act = useAct(record, rules);
  const reg = rules.registry;
  const options = signerOptions(slots, reg, leadersOn(reg, rules.date));
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const [dai, setDai] = useState<boolean | undefined>(undefined);
  const picked = options.find((o) => o.personId === choice);
  const useDai = dai ?? picked?.actingForId !== undefined;
  const signature: DocumentSignature | undefined =
    picked === undefined
      ? undefined
      : {
          personId: picked.personId,
          date: rules.date,
          role,
          ...(useDai && picked.actingForId ? { actingForId: picked.actingForId } : {}),
        };
  const step: OutgoingStep = role === 'sign' ? 'sign' : 'countersign';
  const label = role === 'sign' ? '签发' : '会签';
  const findings = signature
    ? findingsFor(record, { type: 'sign', signature }, step, rules, { signature })
    : checkDocumentStep(record.doc, step, rules);
  return (
    <StepCard
      title={`${label}：应由${slots.map((s) => s.label).join('、') || '（未确定）'}${label}`}
      testId={`step-${step}`}
      findings={findings}
      label={label}
      onConfirm={async (r) => {
        if (signature) await act({ type: 'sign', signature }, label, findings, r);
      }}
    >
      <Space wrap>
        <Select<string>
          aria-label={`${label}人`}
          placeholder={`选择${label}人`}
          className="hw-og-filter"
          popupMatchSelectWidth={false}
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setDai(undefined);
          }}
          options={options.map((o) => ({ value: o.personId as string, label: o.label }))}
        />
        {picked?.actingForId !== undefined ? (
          <Checkbox checked={useDai} onChange={(e) => setDai(e.target.checked)}>
            标注“代”（第九条）
          </Checkbox>
        ) : null}
      </Space>
    </StepCard>
  );
}

function NumberStep({ record, rules }: StepProps) {
  const { message } = App.useApp();
  const settings = useOutgoingUi((s) => s.settings);
  const records = useOutgoingUi((s) => s.records);
  const pattern = settings.numberPatterns[record.doc.issuer.kind];
  const used = records
    .filter((r) => r.doc.id !== record.doc.id)
    .flatMap((r) => (r.doc.documentNumber ? [r.doc.documentNumber] : []));
  const next = nextDocumentNumber(pattern, yearOf(rules.date), used).next;
  const findings = checkDocumentStep({ ...record.doc, documentNumber: next }, 'number', {
    ...rules,
    settings,
    numbering: { used, pattern },
  });
  return (
    <StepCard
      title="编号"
      testId="step-number"
      findings={findings}
      label="编号"
      onConfirm={async (reason) => {
        try {
          const saved = await outgoingUi.getState().allocateNumber(
            record.doc.id,
            rules,
            auditContext(
              '编号',
              findings.filter((f) => f.severity === 'warn'),
              reason,
            ),
          );
          void message.success(`已编号：${saved.doc.documentNumber ?? ''}`);
        } catch (e) {
          void message.error(storeMessage(e));
        }
      }}
    >
      <Typography.Text>
        将编发文号：<Typography.Text strong>{next}</Typography.Text>（按顺序编号，不跳号、不重号）
      </Typography.Text>
    </StepCard>
  );
}

function PrintStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const { message } = App.useApp();
  const { bridge } = usePlatform();
  const classified = record.doc.classification !== undefined;
  const [copies, setCopies] = useState<number>(classified ? 5 : 30);
  const print = { date: rules.date, copies, ...(classified ? { serialFrom: 1, serialTo: copies } : {}) };
  const findings = findingsFor(record, { type: 'print', print }, 'print', rules);
  return (
    <StepCard
      title={classified ? '印制（涉密文件：标注份号，逐份登记）' : '印制'}
      testId="step-print"
      findings={findings}
      label="印制"
      onConfirm={async (reason) => {
        const saved = await act({ type: 'print', print }, '印制', findings, reason);
        if (saved === undefined) return;
        try {
          const store = await getStore();
          if (classified) {
            await store.printLog.recordPrint({
              documentId: saved.doc.id,
              documentTitle: saved.doc.title,
              classification: record.doc.classification ? classificationLabel(record.doc.classification) : '',
              copyNumbers: Array.from({ length: copies }, (_, i) => i + 1),
            });
          }
          const doc = pdfDocumentOf(saved, rules.registry, rules.date);
          const { bytes } = await generatePdf(
            classified ? { type: 'copies', doc, count: copies } : { type: 'document', doc },
          );
          const name = `${saved.doc.documentNumber ?? saved.doc.title}.pdf`;
          const out = await bridge.saveFile(name, bytes, [{ name: 'PDF', extensions: ['pdf'] }]);
          if (out.ok && out.value.saved) void message.success(`已生成 PDF：${name}`);
        } catch (e) {
          void message.error(`印制已登记，但生成 PDF 失败：${e instanceof Error ? e.message : String(e)}`);
        }
      }}
    >
      <Space wrap>
        <span>印制份数：</span>
        <InputNumber
          aria-label="印制份数"
          min={1}
          max={9999}
          value={copies}
          onChange={(v) => setCopies(v ?? 1)}
        />
        {classified ? (
          <Typography.Text type="secondary">份号 000001–{String(copies).padStart(6, '0')}</Typography.Text>
        ) : null}
      </Space>
    </StepCard>
  );
}

function SealStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const op = currentOperator();
  const seal = { date: rules.date, operatorId: personId(op.id) };
  const findings = findingsFor(record, { type: 'seal', seal }, 'seal', rules);
  return (
    <StepCard
      title="用印（签发后方可用印，第五十四条）"
      testId="step-seal"
      findings={findings}
      label="用印"
      onConfirm={async (reason) => {
        const saved = await act({ type: 'seal', seal }, '用印', findings, reason);
        if (saved === undefined) return;
        // The seal-use log of the seal registry, when the office has registered its seal.
        const store = await getStore();
        const seals = await store.seals.listSeals().catch(() => []);
        const first = seals[0];
        if (first !== undefined) {
          await store.seals
            .recordSealUse({
              sealId: first.id,
              documentId: saved.doc.id,
              documentTitle: saved.doc.title,
              copies: saved.doc.print?.copies ?? 1,
              signed: true,
            })
            .catch(() => undefined);
        }
      }}
    />
  );
}

function PublishStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const classified = record.doc.classification !== undefined;
  const [pub, setPub] = useState<boolean>(!classified);
  const [reason, setReason] = useState<NonPublicReason | undefined>(classified ? 'stateSecret' : undefined);
  const [basis, setBasis] = useState('');
  const publication: DocumentPublication = pub
    ? { public: true }
    : { public: false, ...(reason ? { reason } : {}), ...(basis.trim() ? { basis: basis.trim() } : {}) };
  const findings = findingsFor(
    record,
    { type: 'publication', publication, on: rules.date },
    'publish',
    rules,
  );
  return (
    <StepCard
      title="公开属性（第三十条至第三十二条、第五十三条）"
      testId="step-publish"
      findings={findings}
      label="确定公开属性"
      onConfirm={async (r) => {
        await act({ type: 'publication', publication, on: rules.date }, '确定公开属性', findings, r);
      }}
    >
      {classified ? (
        <Typography.Text data-testid="classified-not-public">
          涉密公文一律不公开，公开属性为“不公开（涉及国家秘密）”。
        </Typography.Text>
      ) : (
        <Radio.Group
          aria-label="是否公开"
          value={pub}
          onChange={(e) => setPub(e.target.value as boolean)}
          options={[
            { value: true, label: '主动公开' },
            { value: false, label: '不予公开' },
          ]}
        />
      )}
      {!pub && !classified ? (
        <Space wrap>
          <Select<NonPublicReason>
            aria-label="不公开理由"
            placeholder="法定理由"
            className="hw-og-filter"
            popupMatchSelectWidth={false}
            value={reason}
            onChange={setReason}
            options={NON_PUBLIC_REASONS.filter((x) => x !== 'stateSecret').map((x) => ({
              value: x,
              label: NON_PUBLIC_REASON_LABELS[x],
            }))}
          />
          <Input
            aria-label="依据"
            placeholder="依据（选“其他法定理由”时必填）"
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
          />
        </Space>
      ) : null}
    </StepCard>
  );
}

function TasksStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const open = record.tasks.filter((t) => t.doneOn === undefined && t.kind !== 'filing');
  if (open.length === 0) return null;
  return (
    <Card size="small" title="公开任务" data-testid="step-tasks">
      <Flex vertical gap={8}>
        {open.map((t) => {
          const action: OutgoingAction = { type: 'completeTask', kind: t.kind, on: rules.date };
          const findings = findingsFor(record, action, 'publish', rules);
          return (
            <Space key={t.kind} wrap>
              <Tag>{RELEASE_TASK_LABELS[t.kind]}</Tag>
              <span>应于 {t.due} 前完成</span>
              <GatedButton
                size="small"
                type="default"
                label={`完成${RELEASE_TASK_LABELS[t.kind]}`}
                findings={findings.filter((f) => f.ruleId !== 'document.publish.interpretation')}
                onConfirm={async (r) => {
                  await act(action, `完成${RELEASE_TASK_LABELS[t.kind]}`, findings, r);
                }}
              />
            </Space>
          );
        })}
      </Flex>
    </Card>
  );
}

function DeliverStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const [method, setMethod] = useState<DeliveryMethod>(record.doc.classification ? 'confidential' : 'paper');
  const delivered = new Set(record.deliveries.map((d) => d.recipient));
  const pending = [...record.mainRecipients, ...record.ccRecipients].filter((r) => !delivered.has(r.name));
  if (pending.length === 0 || record.doc.print === undefined) return null;
  const nextCopy =
    record.deliveries.flatMap((d) => d.copyNumbers ?? []).reduce((a, b) => Math.max(a, b), 0) + 1;
  const classified = record.doc.classification !== undefined;
  const noCopiesLeft = classified && nextCopy > (record.doc.print.serialTo ?? 0);
  const findings: Finding[] = noCopiesLeft
    ? [blockOn(record, 'document.deliver.noCopies', 54, '印制的份号已全部分发，请补印后再分发。')]
    : [];
  return (
    <Card size="small" title="分发（逐个收文单位登记送达）" data-testid="step-deliver">
      <Flex vertical gap={8}>
        <Select<DeliveryMethod>
          aria-label="分发方式"
          className="hw-og-filter"
          value={method}
          onChange={setMethod}
          options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))}
        />
        {pending.map((p) => (
          <Space key={p.name} wrap>
            <span>{p.name}</span>
            <GatedButton
              size="small"
              type="default"
              label={`登记送达：${p.name}`}
              findings={findings}
              onConfirm={async (r) => {
                await act(
                  {
                    type: 'deliver',
                    delivery: {
                      recipient: p.name,
                      ...(p.unitId ? { unitId: p.unitId } : {}),
                      method,
                      deliveredOn: rules.date,
                      ...(classified ? { copyNumbers: [nextCopy] } : {}),
                    },
                  },
                  `分发：${p.name}`,
                  [],
                  r,
                );
              }}
            />
          </Space>
        ))}
      </Flex>
    </Card>
  );
}

function FilingStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const task = record.tasks.find((t) => t.kind === 'filing');
  if (task === undefined || task.doneOn !== undefined) return null;
  const filing = { congressFiledOn: rules.date, cityLegalOfficeFiledOn: rules.date };
  const findings = findingsFor(record, { type: 'filing', filing, on: rules.date }, 'file', rules);
  return (
    <StepCard
      title={`备案（报区人大常委会和市政府法制机构，${task.due} 前，第十九条）`}
      testId="step-file"
      findings={findings}
      label="登记已报送备案"
      onConfirm={async (r) => {
        await act({ type: 'filing', filing, on: rules.date }, '备案', findings, r);
      }}
    />
  );
}

function ArchiveStep({ record, rules }: StepProps) {
  const act = useAct(record, rules);
  const [retention, setRetention] = useState<ArchiveRecord['retention']>('30y');
  const archive: ArchiveRecord = { on: rules.date, retention };
  const open = record.tasks.filter((t) => t.doneOn === undefined);
  const findings: Finding[] = [
    ...(record.doc.print === undefined
      ? [blockOn(record, 'document.archive.unprinted', 54, '文件尚未印发，不能归档。')]
      : []),
    ...(open.length > 0
      ? [
          {
            ruleId: 'document.archive.openTasks',
            articles: [53],
            severity: 'warn' as const,
            subject: { kind: 'document' as const, id: record.doc.id },
            message: `仍有未完成的任务：${open.map((t) => RELEASE_TASK_LABELS[t.kind]).join('、')}。`,
          },
        ]
      : []),
  ];
  return (
    <StepCard
      title="归档"
      testId="step-archive"
      findings={findings}
      label="归档"
      onConfirm={async (r) => {
        await act({ type: 'archive', archive }, '归档', findings, r);
      }}
    >
      <Select<ArchiveRecord['retention']>
        aria-label="保管期限"
        className="hw-og-filter"
        value={retention}
        onChange={setRetention}
        options={(Object.keys(RETENTION_LABELS) as ArchiveRecord['retention'][]).map((k) => ({
          value: k,
          label: RETENTION_LABELS[k],
        }))}
      />
    </StepCard>
  );
}

/** The cards for what can be done next, in the order of art. 54's 发文办理. */
export function OutgoingSteps({ record, rules }: StepProps) {
  const doc = record.doc;
  if (record.archive !== undefined) {
    return (
      <Typography.Text>
        本文已于 {record.archive.on} 归档（保管期限 {RETENTION_LABELS[record.archive.retention]}
        ），没有待办步骤。
      </Typography.Text>
    );
  }
  const req = requiredSigning(doc, rules.registry, rules.date);
  const signed = signedOn(doc) !== undefined;
  const reviews = doc.reviews ?? [];
  const pendingReviews = req.reviewers.filter(
    (s) =>
      !reviews.some(
        (r) => r.role === REVIEW_ROLE_OF[s.post] && (r.personId === s.personId || r.personId === s.nominalId),
      ),
  );
  const role: 'sign' | 'countersign' = req.signers.length > 0 ? 'sign' : 'countersign';
  const cards: ReactNode[] = [];
  if (!signed) {
    if (doc.normative === true && doc.legalityReview?.conclusion !== 'lawful')
      cards.push(<LegalityStep key="legal" record={record} rules={rules} />);
    cards.push(<UnitCountersignStep key="unit" record={record} rules={rules} />);
    if (req.whenNecessary.length > 0 && doc.escalation === undefined) {
      cards.push(<EscalationStep key="esc" record={record} rules={rules} targets={req.whenNecessary} />);
    }
    for (const slot of pendingReviews)
      cards.push(<ReviewStep key={`review-${slot.post}`} record={record} rules={rules} slot={slot} />);
    if (req.reportFirstTo !== undefined && doc.reportedToHeadOn === undefined) {
      cards.push(<ReportFirstStep key="report" record={record} rules={rules} slot={req.reportFirstTo} />);
    }
    cards.push(
      <SignStep
        key="sign"
        record={record}
        rules={rules}
        role={role}
        slots={role === 'sign' ? req.signers : req.countersigners}
      />,
    );
  } else if (doc.documentNumber === undefined) {
    cards.push(<NumberStep key="number" record={record} rules={rules} />);
  } else if (doc.print === undefined) {
    cards.push(<PrintStep key="print" record={record} rules={rules} />);
  } else {
    if (doc.seal === undefined) cards.push(<SealStep key="seal" record={record} rules={rules} />);
    if (doc.publication === undefined)
      cards.push(<PublishStep key="publish" record={record} rules={rules} />);
    cards.push(<TasksStep key="tasks" record={record} rules={rules} />);
    cards.push(<FilingStep key="filing" record={record} rules={rules} />);
    cards.push(<DeliverStep key="deliver" record={record} rules={rules} />);
    cards.push(<ArchiveStep key="archive" record={record} rules={rules} />);
  }
  return (
    <Flex vertical gap={12} data-testid="outgoing-steps">
      {cards}
    </Flex>
  );
}
