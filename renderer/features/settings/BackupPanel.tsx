/**
 * 设置 → 备份与恢复: automatic backups (status, retention), backup now, backup to a USB stick with a
 * progress bar, and restore (from the list or from a file) after showing what the backup contains.
 */
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Progress, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  BACKUP_KIND_LABELS,
  DEFAULT_BACKUP_POLICY,
  POLICY_LIMITS,
  type BackupInfo,
  type BackupPolicy,
  type BackupStatus,
  type HuiwenBridge,
} from '../../../shared/ipc';
import { getStore } from '../../data';
import type { BackupSummary as Summary } from '../../data/backup';
import { usePlatform } from '../../platform';
import { backupNow, backupToFolder, loadBackup, restoreInto } from './backup-actions';
import { BackupSummary, formatBytes, formatStamp } from './BackupSummary';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable'; readonly message: string }
  | { readonly state: 'ready'; readonly status: BackupStatus; readonly backups: readonly BackupInfo[] };

async function fetchLoaded(bridge: HuiwenBridge): Promise<Loaded> {
  const [status, list] = await Promise.all([bridge.backupStatus(), bridge.listBackups()]);
  if (!status.ok) return { state: 'unavailable', message: status.error.message };
  if (!list.ok) return { state: 'unavailable', message: list.error.message };
  return { state: 'ready', status: status.value, backups: list.value };
}

export function BackupPanel() {
  const { bridge, kind } = usePlatform();
  const { modal, message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [policy, setPolicy] = useState<BackupPolicy>(DEFAULT_BACKUP_POLICY);

  const apply = useCallback((l: Loaded) => {
    if (l.state === 'ready') setPolicy(l.status.policy);
    setLoaded(l);
  }, []);
  const refresh = useCallback(async () => apply(await fetchLoaded(bridge)), [bridge, apply]);

  useEffect(() => {
    let alive = true;
    void fetchLoaded(bridge).then((l) => {
      if (alive) apply(l);
    });
    return () => {
      alive = false;
    };
  }, [bridge, apply]);

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  const onBackupNow = () =>
    run('now', async () => {
      const r = await backupNow(bridge, (await getStore()).db);
      if (r.ok) message.success('已备份到数据文件夹。');
      else message.error(r.message);
      await refresh();
    });

  const onBackupToFolder = () =>
    run('usb', async () => {
      setProgress(0);
      const r = await backupToFolder(bridge, (await getStore()).db, (written, total) =>
        setProgress(total === 0 ? 100 : Math.floor((written / total) * 100)),
      );
      setProgress(null);
      if (!r.ok) message.error(r.message);
      else if (r.value) message.success(`备份已保存到“${r.value.displayPath}”。`);
    });

  const confirmRestore = (summary: Summary) =>
    modal.confirm({
      title: '从这个备份恢复？',
      width: 560,
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <BackupSummary header={summary.header} />
          <Alert
            type="warning"
            showIcon
            title="恢复后，本机现有数据将整体替换为备份中的数据。恢复前会先自动备份现有数据。"
          />
        </Space>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const r = await restoreInto(bridge, kind, (await getStore()).db, summary);
        if (!r.ok) {
          message.error(r.message);
          return;
        }
        message.success('已从备份恢复，正在重新载入…');
        // Every page reads the store afresh after a reload; simpler and safer than patching each cache.
        window.setTimeout(() => window.location.reload(), 800);
      },
    });

  const onRestore = (source: { readonly id: string } | 'file') =>
    run(source === 'file' ? 'file' : source.id, async () => {
      const r = await loadBackup(bridge, source);
      if (!r.ok) message.error(r.message);
      else if (r.value) confirmRestore(r.value);
    });

  const onSavePolicy = () =>
    run('policy', async () => {
      const r = await bridge.setBackupPolicy(policy);
      if (r.ok) message.success('已保存备份保留设置。');
      else message.error(r.error.message);
      await refresh();
    });

  const actions = (
    <Space wrap>
      <Button onClick={onBackupNow} loading={busy === 'now'} disabled={loaded.state !== 'ready'}>
        立即备份
      </Button>
      <Button onClick={onBackupToFolder} loading={busy === 'usb'}>
        备份到 U 盘…
      </Button>
      <Button onClick={() => onRestore('file')} loading={busy === 'file'}>
        从备份文件恢复…
      </Button>
    </Space>
  );

  return (
    <Card title="备份与恢复" size="small" extra={actions}>
      {progress !== null ? (
        <Progress percent={progress} aria-label="备份写入进度" style={{ marginBottom: 12 }} />
      ) : null}
      {loaded.state === 'unavailable' ? <Alert type="info" showIcon title={loaded.message} /> : null}
      {loaded.state === 'ready' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label="备份位置">{loaded.status.folder}</Descriptions.Item>
            <Descriptions.Item label="最近一次每日备份">
              {loaded.status.lastDailyDate ?? '还没有'}
            </Descriptions.Item>
            <Descriptions.Item label="备份数量">
              {loaded.status.count} 个，共 {formatBytes(loaded.status.totalBytes)}
            </Descriptions.Item>
          </Descriptions>
          <Form layout="inline" colon={false}>
            <Form.Item label="保留每日备份" htmlFor="hw-backup-daily">
              <InputNumber
                id="hw-backup-daily"
                min={POLICY_LIMITS.daily.min}
                max={POLICY_LIMITS.daily.max}
                value={policy.daily}
                onChange={(v) => setPolicy((p) => ({ ...p, daily: v ?? p.daily }))}
                suffix="天"
              />
            </Form.Item>
            <Form.Item label="保留每周备份" htmlFor="hw-backup-weekly">
              <InputNumber
                id="hw-backup-weekly"
                min={POLICY_LIMITS.weekly.min}
                max={POLICY_LIMITS.weekly.max}
                value={policy.weekly}
                onChange={(v) => setPolicy((p) => ({ ...p, weekly: v ?? p.weekly }))}
                suffix="周"
              />
            </Form.Item>
            <Form.Item>
              <Button onClick={onSavePolicy} loading={busy === 'policy'}>
                保存保留设置
              </Button>
            </Form.Item>
          </Form>
          <Table<BackupInfo>
            size="small"
            rowKey="id"
            data-testid="backup-list"
            pagination={false}
            dataSource={[...loaded.backups]}
            locale={{ emptyText: '还没有备份。会文每天第一次启动时会自动备份。' }}
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
        </Space>
      ) : null}
    </Card>
  );
}
