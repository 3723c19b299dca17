import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 className="hw-page-title">找不到这个页面</h1>}
      subTitle="地址可能输错了，或这个页面已不存在。请从左侧导航重新进入。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          回到工作台
        </Button>
      }
    />
  );
}
