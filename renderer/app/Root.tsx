import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { PlatformProvider } from '../platform';
import type { PickedBridge } from '../platform';
import { createAppRouter } from './router';

const CJK_FONT_STACK =
  "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', sans-serif";

/**
 * Providers of the whole app. `nonce` goes to antd so its css-in-js <style> tags pass the CSP
 * (style-src 'self' 'nonce-…'); without it every antd style would be refused.
 */
export function Root({ nonce, platform }: { nonce: string | undefined; platform: PickedBridge }) {
  const [router] = useState(createAppRouter);
  return (
    <ConfigProvider
      locale={zhCN}
      csp={nonce ? { nonce } : undefined}
      // "取消" not "取 消": the inserted space also ends up in the accessible name.
      button={{ autoInsertSpace: false }}
      theme={{ token: { fontFamily: CJK_FONT_STACK } }}
    >
      <AntApp>
        <PlatformProvider value={platform}>
          <RouterProvider router={router} />
        </PlatformProvider>
      </AntApp>
    </ConfigProvider>
  );
}
