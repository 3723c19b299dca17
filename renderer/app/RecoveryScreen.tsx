/**
 * The full-page recovery screen, shown instead of the app when the store cannot be opened or fails its
 * integrity checks. It says what happened and offers: restore from a backup, export whatever can still be
 * read, try again — and, only for integrity warnings on a store that did open, carry on. It never creates
 * an empty store by itself.
 */
import {
  App as AntApp,
  Alert,
  Button,
  ConfigProvider,
  Progress,
  Result,
  Space,
  Table,
  Typography,
} from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { BACKUP_KIND_LABELS, type BackupInfo } from '../../shared/ipc';
import type { BackupSummary as Summary } from '../data/backup';
import type { RecoveryReason, StartupOutcome } from '../data/backup-startup';
import { exportReadable, loadBackup, rebuildStore, restoreInto } from '../features/settings/backup-actions';
import { BackupSummary, formatBytes, formatStamp } from '../features/settings/BackupSummary';
import type { PickedBridge } from '../platform';

export const RECOVERY_TITLES: Readonly<Record<RecoveryReason, string>> = {
  'open-failed': '本机数据无法打开',
  'chain-broken': '审计记录校验未通过',
  truncated: '审计记录被截断或与登记不符',
  'restore-interrupted': '上次从备份恢复没有完成',
  'pre-migration-failed': '升级数据格式前的备份没有保存',
};

type RecoveryOutcome = Extract<StartupOutcome, { kind: 'recovery' }>;

export function RecoveryRoot(props: {
  nonce: string | undefined;
  platform: PickedBridge;
  outcome: RecoveryOutcome;
  onContinue: () => void;
}) {
  return (
    <ConfigProvider
      locale={zhCN}
      csp={props.nonce ? { nonce: props.nonce } : undefined}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RecoveryScreen {...props} />
      </AntApp>
    </ConfigProvider>
  );
}

function RecoveryScreen({
  platform,
  outcome,
  onContinue,
}: {
  platform: PickedBridge;
  outcome: RecoveryOutcome;
  onContinue: () => void;
}) {
  const { bridge, kind } = platform;
  const { modal, message } = AntApp.useApp();
  const [backups, setBackups] = useState<readonly BackupInfo[] | string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  useEffect(() => {
    document.title = `${RECOVERY_TITLES[outcome.reason]} - 会文`;
    void bridge.listBackups().then((r) => setBackups(r.ok ? r.value : r.error.message));
  }, [bridge, outcome.reason]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  const restore = async (summary: Summary) => {
    const r = outcome.store
      ? await restoreInto(bridge, kind, outcome.store.db, summary)
      : await rebuildStore(bridge, kind, summary, window.localStorage);
    if (!r.ok) {
      message.error(r.message);
      return;
    }
    message.success('已从备份恢复，正在重新打开会文…');
    window.setTimeout(() => window.location.reload(), 800);
  };

  const onRestore = (source: { readonly id: string } | 'file') =>
    run(source === 'file' ? 'file' : source.id, async () => {
      const r = await loadBackup(bridge, source);
      if (!r.ok) return void message.error(r.message);
      if (!r.value) return;
      const summary = r.value;
      modal.confirm({
        title: '用这个备份恢复本机数据？',
        width: 560,
        content: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <BackupSummary header={summary.header} />
            <Alert
              type="warning"
              showIcon
              title="本机现有数据将整体替换为备份中的数据。恢复前会先把现有数据中能读取的部分另存为备份。"
            />
          </Space>
        ),
        okText: '恢复',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => restore(summary),
      });
    });

  const onExport = () =>
    run('export', async () => {
      setProgress(0);
      const r = await exportReadable(bridge, (written, total) =>
        setProgress(total === 0 ? 100 : Math.floor((written / total) * 100)),
      );
      setProgress(null);
      if (!r.ok) message.error(r.message);
      else if (r.value) message.success(`可读取的数据已导出到“${r.value.displayPath}”。`);
    });

  const onContinueClick = () =>
    modal.confirm({
      title: '仍然继续使用？',
      content:
        '数据可以打开，但审计记录的完整性存疑。继续使用前，建议先“导出可读取的数据”留存，并向负责同志报告。',
      okText: '继续使用',
      cancelText: '取消',
      onOk: onContinue,
    });

  return (
    <main className="hw-recovery" style={{ maxWidth: 880, margin: '32px auto', padding: '0 24px' }}>
      <Result
        status={outcome.store ? 'warning' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{RECOVERY_TITLES[outcome.reason]}</h1>}
        subTitle={
          <Space orientation="vertical">
            <Typography.Text data-testid="recovery-message">{outcome.message}</Typography.Text>
            <Typography.Text type="secondary">
              会文没有自动新建空白数据，以免覆盖原有数据。请从备份恢复，或先导出仍可读取的数据。
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={onExport} loading={busy === 'export'}>
              导出可读取的数据…
            </Button>
            <Button onClick={() => onRestore('file')} loading={busy === 'file'}>
              从备份文件恢复…
            </Button>
            <Button onClick={() => window.location.reload()}>重试</Button>
            {outcome.store ? <Button onClick={onContinueClick}>仍然继续使用</Button> : null}
          </Space>
        }
      />
      {progress !== null ? <Progress percent={progress} aria-label="导出进度" /> : null}
      <section aria-labelledby="hw-recovery-backups">
        <h2 id="hw-recovery-backups" style={{ fontSize: 18 }}>
          从备份恢复
        </h2>
        {typeof backups === 'string' ? <Alert type="info" showIcon title={backups} /> : null}
        {Array.isArray(backups) ? (
          <Table<BackupInfo>
            size="small"
            rowKey="id"
            data-testid="recovery-backups"
            pagination={false}
            dataSource={[...backups]}
            locale={{ emptyText: '数据文件夹中没有备份。可以用“从备份文件恢复”选择 U 盘上的备份。' }}
            columns={[
              { title: '备份时间', key: 'at', render: (_, b) => formatStamp(b.header.createdAt) },
              { title: '类型', key: 'kind', render: (_, b) => BACKUP_KIND_LABELS[b.header.kind] },
              {
                title: '审计记录',
                key: 'audit',
                render: (_, b) => (b.header.auditHead ? `${b.header.auditHead.sequence} 条` : '无'),
              },
              { title: '大小', key: 'size', render: (_, b) => formatBytes(b.sizeBytes) },
              {
                title: '操作',
                key: 'action',
                render: (_, b) => (
                  <Button size="small" onClick={() => onRestore({ id: b.id })} loading={busy === b.id}>
                    恢复…
                  </Button>
                ),
              },
            ]}
          />
        ) : null}
      </section>
    </main>
  );
}
