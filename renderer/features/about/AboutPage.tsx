import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Skeleton } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useEffect, useState } from 'react';
import type { AppInfo, IpcResult } from '../../../shared/ipc';
import { usePlatform } from '../../platform';
import { Page, PageHeading } from '../../ui';
import { buildDiagnostics, diagnosticsBytes, diagnosticsFileName } from './diagnostics';

const shellLabel = (shell: AppInfo['shell']): string => {
  switch (shell) {
    case 'electron':
      return '桌面版';
    case 'browser':
      return '浏览器版';
    default: {
      const unreachable: never = shell;
      return String(unreachable);
    }
  }
};

function infoItems(info: AppInfo): DescriptionsProps['items'] {
  return [
    { key: 'product', label: '产品名称', children: info.productName },
    { key: 'version', label: '版本', children: info.version },
    { key: 'shell', label: '运行方式', children: shellLabel(info.shell) },
    { key: 'data', label: '数据位置', children: info.dataLocation },
    { key: 'origin', label: '应用地址', children: info.origin },
    { key: 'platform', label: '操作系统', children: info.platform },
    {
      key: 'versions',
      label: '组件版本',
      children: Object.entries(info.versions)
        .map(([name, v]) => `${name} ${v}`)
        .join('，'),
    },
  ];
}

export function AboutPage() {
  const { bridge, kind } = usePlatform();
  const { message } = App.useApp();
  const [info, setInfo] = useState<IpcResult<AppInfo> | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge.appInfo().then((r) => live && setInfo(r));
    return () => {
      live = false;
    };
  }, [bridge]);

  const exportDiagnostics = async () => {
    setSaving(true);
    try {
      const now = new Date();
      const d = buildDiagnostics({
        now,
        bridge: kind,
        appInfo: info?.ok ? info.value : { error: info?.error.message ?? '尚未读取' },
        userAgent: navigator.userAgent,
        screen: `${window.screen.width}×${window.screen.height}`,
      });
      const r = await bridge.saveFile(diagnosticsFileName(now), diagnosticsBytes(d), [
        { name: 'JSON 文件', extensions: ['json'] },
      ]);
      if (!r.ok) message.error(r.error.message);
      else if (r.value.saved) message.success(`诊断信息已保存到 ${r.value.displayPath ?? '所选位置'}`);
      else message.info('已取消保存。');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page>
      <PageHeading
        title="关于会文"
        intro="会文：区政府办公室的会议与公文工作台，全部数据保存在本机，不联网。"
      />
      {info === null ? <Skeleton active /> : null}
      {info?.ok ? <Descriptions bordered column={1} size="small" items={infoItems(info.value)} /> : null}
      {info && !info.ok ? <p role="alert">{info.error.message}</p> : null}
      <div className="hw-actions">
        <Button icon={<DownloadOutlined />} loading={saving} onClick={exportDiagnostics}>
          导出诊断信息
        </Button>
      </div>
    </Page>
  );
}
