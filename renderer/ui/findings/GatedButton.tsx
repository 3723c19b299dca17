import { Button, Form, Input, Modal, Tooltip, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../shared/domain/findings';
import { citeArticles } from '../../../shared/domain/findings';
import './findings.css';
import { gateOf, overrideReasonError } from './gate';

/**
 * A step button governed by the rulebook's findings: disabled (reason as tooltip) while anything blocks;
 * with warnings it asks for a reason first, which the caller writes into the audit entry.
 */
export function GatedButton({
  label,
  findings,
  onConfirm,
  type = 'primary',
  size,
  busy = false,
}: {
  label: string;
  findings: readonly Finding[];
  /** Called with the override reason when warnings were acknowledged. */
  onConfirm: (reason: string | undefined) => Promise<void> | void;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  busy?: boolean;
}) {
  const gate = gateOf(findings);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  if (gate.blocked) {
    return (
      <Tooltip title={<span className="hw-prewrap">{gate.reason}</span>}>
        {/* A disabled button gets no pointer or focus events; the wrapper carries the tooltip and the reason. */}
        <span
          tabIndex={0}
          aria-label={`${label}（不能进行：${gate.reason}）`}
          data-blocked-reason={gate.reason}
        >
          <Button type={type} size={size} disabled>
            {label}
          </Button>
        </span>
      </Tooltip>
    );
  }

  const start = () => {
    if (gate.warnings.length === 0) void onConfirm(undefined);
    else setAsking(true);
  };

  return (
    <>
      {/* data-gate says up front whether a click will ask for a reason (the e2e steps rely on it, not on a wait). */}
      <Button
        type={type}
        size={size}
        loading={busy}
        onClick={start}
        data-gate={gate.warnings.length === 0 ? 'clear' : 'warn'}
      >
        {label}
      </Button>
      <Modal
        open={asking}
        title={`${label}：请说明继续的理由`}
        okText="说明理由并继续"
        cancelText="返回"
        destroyOnHidden
        onCancel={() => setAsking(false)}
        onOk={async () => {
          // A missing reason is shown under the field; the dialog stays open (no unhandled rejection).
          const values = await form.validateFields().catch(() => undefined);
          if (values === undefined) return;
          setAsking(false);
          await onConfirm(values.reason.trim());
        }}
      >
        <Typography.Paragraph>
          规则检查有以下提示。如确需继续，请写明理由，理由将记入操作记录：
        </Typography.Paragraph>
        <ul>
          {gate.warnings.map((w, i) => (
            <li key={`${w.ruleId}-${i}`}>
              {w.message}（{citeArticles(w.articles)}）
            </li>
          ))}
        </ul>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="继续办理的理由"
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  const err = overrideReasonError(value ?? '');
                  return err === undefined ? Promise.resolve() : Promise.reject(new Error(err));
                },
              },
            ]}
          >
            <Input.TextArea rows={3} autoFocus maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
