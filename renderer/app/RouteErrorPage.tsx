import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** Shown instead of a blank window when a page throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    console.error('[会文] page failed to render', error);
  }, [error]);
  return (
    <Result
      status="error"
      title={<h1 className="hw-page-title">页面出错了</h1>}
      subTitle="这个页面没有显示出来。请点击“重新加载”；如仍出错，请到“关于”页面导出诊断信息并联系维护人员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    />
  );
}
