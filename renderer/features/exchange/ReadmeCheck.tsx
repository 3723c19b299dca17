/** The USB check kept from the first version: write a small readme to prove the folder takes files. */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { useBridge } from '../../platform';
import { EXPORT_README_NAME, exportReadmeBytes } from './export-readme';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'written'; readonly folder: string; readonly fileName: string }
  | { readonly kind: 'failed'; readonly message: string };

export function ReadmeCheck() {
  const bridge = useBridge();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const chooseExportFolder = async () => {
    setBusy(true);
    try {
      const grant = await bridge.chooseFolder('选择导出文件夹');
      if (!grant.ok) return setOutcome({ kind: 'failed', message: grant.error.message });
      if (!grant.value) return void message.info('已取消选择文件夹。');
      const info = await bridge.appInfo();
      const version = info.ok ? info.value.version : '未知';
      const written = await bridge.writeFilesAtomic(grant.value.grantId, [
        { relativePath: EXPORT_README_NAME, bytes: exportReadmeBytes(new Date(), version) },
      ]);
      if (!written.ok) return setOutcome({ kind: 'failed', message: written.error.message });
      setOutcome({ kind: 'written', folder: grant.value.displayPath, fileName: EXPORT_README_NAME });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="检查 U 盘" className="hw-exchange-card">
      <p>先点击“选择导出文件夹”：会文会在该文件夹中写入一份说明文件，确认可以写入后再导出数据包。</p>
      <Button icon={<FolderOpenOutlined />} loading={busy} onClick={chooseExportFolder}>
        选择导出文件夹
      </Button>
      {outcome.kind === 'written' ? (
        <Alert
          className="hw-alert"
          type="success"
          showIcon
          role="status"
          title="导出文件夹可以使用"
          description={`已在“${outcome.folder}”中写入“${outcome.fileName}”。`}
        />
      ) : null}
      {outcome.kind === 'failed' ? (
        <Alert
          className="hw-alert"
          type="error"
          showIcon
          role="alert"
          title="没有写入文件"
          description={outcome.message}
        />
      ) : null}
    </Card>
  );
}
