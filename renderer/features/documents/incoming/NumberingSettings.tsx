/**
 * 收文编号格式: the office's pattern ({year} and {seq}), stored in meta; numbers already given keep theirs, the
 * sequence of a year continues without gaps.
 */
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { formatReceiptNumber } from '../../../data/incoming-repo';
import { storeMessage, useIncoming } from './use-incoming';

export function NumberingSettings({ year }: { year: number }) {
  const { message } = App.useApp();
  const act = useIncoming((s) => s.act);
  const [open, setOpen] = useState(false);
  const [pattern, setPattern] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);

  const start = async () => {
    const [n, peek] = await act(async (repo) => [await repo.numbering(), await repo.peekNumber(year)] as const);
    setPattern(n.pattern);
    setNext(peek);
    setOpen(true);
  };

  const valid = pattern.includes('{year}') && (pattern.includes('{seq}') || pattern.includes('{n}'));
  const example = valid ? formatReceiptNumber(pattern, year, Number(next.match(/(\d+)\D*$/)?.[1] ?? 1)) : '';

  return (
    <>
      <Button onClick={() => void start()}>编号设置</Button>
      <Modal
        open={open}
        title="收文编号格式"
        okText="保存"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !valid }}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          setBusy(true);
          try {
            await act((repo) => repo.setPattern(pattern));
            void message.success('收文编号格式已保存。');
            setOpen(false);
          } catch (e) {
            void message.error(storeMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form layout="vertical">
          <Form.Item
            label="格式"
            validateStatus={valid ? undefined : 'error'}
            help={valid ? `下一份收文将编为：${example}` : '格式须包含 {year}（年份）和 {seq}（顺序号），如 收〔{year}〕{seq}号'}
          >
            <Input aria-label="收文编号格式" value={pattern} maxLength={60} onChange={(e) => setPattern(e.target.value)} />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">
          顺序号每年从 1 开始，连续编号、不重号不跳号；已登记的收文编号不变。
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
