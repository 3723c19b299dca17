import { Descriptions } from 'antd';
import { BACKUP_KIND_LABELS, type BackupHeader } from '../../../shared/ipc';

/** Chinese names of the store's tables, for the "what this backup contains" summary. */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  people: '人员',
  posts: '任职记录',
  units: '单位',
  portfolios: '分工',
  entrustments: '委托',
  travels: '外出报告',
  coverages: '代管安排',
  audit: '审计记录',
  meta: '数据设置',
  calendarYears: '工作日历',
  meetings: '会议',
  topics: '议题',
  attendance: '出席',
  leaveRequests: '请假',
  minutes: '纪要',
  decisions: '议定事项',
  documents: '公文',
  documentSteps: '公文办理环节',
  seals: '印章',
  sealUses: '用印记录',
  attachments: '附件',
  packets: '交换包',
};

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(n / 1024))} KB`;

/** "2026-11-27 09:05" from a Beijing timestamp. */
export const formatStamp = (createdAt: string): string =>
  `${createdAt.slice(0, 10)} ${createdAt.slice(11, 16)}`;

export function BackupSummary({ header }: { header: BackupHeader }) {
  const counts = Object.entries(header.counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${TABLE_LABELS[name] ?? name} ${n} 条`);
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="备份时间">{formatStamp(header.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="类型">{BACKUP_KIND_LABELS[header.kind]}</Descriptions.Item>
      <Descriptions.Item label="会文版本">{header.appVersion}</Descriptions.Item>
      <Descriptions.Item label="审计链头">
        {header.auditHead
          ? `第 ${header.auditHead.sequence} 条（${header.auditHead.hash.slice(0, 12)}…）`
          : '无审计记录'}
      </Descriptions.Item>
      <Descriptions.Item label="内容">{counts.length > 0 ? counts.join('，') : '没有数据'}</Descriptions.Item>
      <Descriptions.Item label="校验">SHA-256 与审计链均已核对无误</Descriptions.Item>
    </Descriptions>
  );
}
