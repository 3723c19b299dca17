/** 本机密钥: this office's key fingerprint (read aloud to partners) and the partner keys registered here. */
import { Alert, Descriptions, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { OfficeIdentity, PartnerKey } from '../../data';
import { messageOf, usePackets } from './use-packets';

export function KeyTab({ active }: { active: boolean }) {
  const packets = usePackets();
  const [me, setMe] = useState<OfficeIdentity>();
  const [partners, setPartners] = useState<PartnerKey[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!packets || !active) return;
    packets.identity().then(setMe, (e: unknown) => setError(messageOf(e)));
    packets.partners().then(setPartners, (e: unknown) => setError(messageOf(e)));
  }, [packets, active]);

  return (
    <>
      {error ? (
        <Alert className="hw-alert" type="error" showIcon title="无法读取密钥" description={error} />
      ) : null}
      {me ? (
        <Descriptions size="small" column={1} bordered title="本机" data-testid="own-key">
          <Descriptions.Item label="单位">{me.officeName}</Descriptions.Item>
          <Descriptions.Item label="单位代码">{me.officeId}</Descriptions.Item>
          <Descriptions.Item label="本机编号">{me.pcId}</Descriptions.Item>
          <Descriptions.Item label="签名密钥指纹">
            <code className="hw-fingerprint">{me.fingerprint}</code>
          </Descriptions.Item>
          <Descriptions.Item label="生成时间">
            {me.createdAt.slice(0, 16).replace('T', ' ')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <p className="hw-exchange-note">
        对方第一次导入本机的数据包时，会请您在电话中读出上面的指纹。私钥只保存在本机数据中，随备份一起保管。
      </p>
      <Table<PartnerKey>
        data-testid="partner-keys"
        size="small"
        rowKey="officeId"
        title={() => '已登记的对方单位密钥'}
        dataSource={partners}
        pagination={false}
        locale={{ emptyText: '还没有登记对方单位的密钥。首次导入对方数据包时核对指纹后自动登记。' }}
        columns={[
          { title: '单位', dataIndex: 'officeName' },
          { title: '单位代码', dataIndex: 'officeId' },
          { title: '指纹', dataIndex: 'fingerprint', render: (f: string) => <code>{f}</code> },
          {
            title: '登记',
            render: (_: unknown, p) => `${p.registeredBy}，${p.registeredAt.slice(0, 16).replace('T', ' ')}`,
          },
        ]}
      />
    </>
  );
}
