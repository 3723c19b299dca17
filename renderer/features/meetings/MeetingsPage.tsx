/**
 * 会议: the list, a new meeting, the decisions ledger and one meeting's steps, as nested routes under
 * #/meetings (#/meetings/new, #/meetings/decisions, #/meetings/<id>), so each can be linked to and survives a
 * reload. The ledger is nested here rather than a section of its own: its rows are meetings' decisions.
 */
import { Alert, Button, Spin } from 'antd';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { Page, PageHeading } from '../../ui';
import { DecisionsLedger } from './DecisionsLedger';
import { MeetingDetail } from './MeetingDetail';
import { MeetingsList } from './MeetingsList';
import { NewMeeting } from './NewMeeting';
import { meetingsUi, useMeetingsUi } from './use-meetings';
import './meetings.css';
import './aftermath.css';

export function MeetingsPage() {
  const status = useMeetingsUi((s) => s.status);
  const loadError = useMeetingsUi((s) => s.loadError);
  useEffect(() => {
    // Reload on every visit: the registry may have changed in 人员与单位 (a new entrustment, a trip).
    void meetingsUi.getState().load();
  }, []);

  if (status === 'failed') {
    return (
      <Page>
        <Alert
          type="error"
          showIcon
          title="会议数据读取失败"
          description={loadError}
          action={<Button onClick={() => void meetingsUi.getState().load()}>重试</Button>}
        />
      </Page>
    );
  }
  if (status !== 'ready') {
    return (
      <Page>
        <PageHeading title="会议" />
        <Spin aria-label="正在读取会议" />
      </Page>
    );
  }
  return (
    <Page>
      <Routes>
        <Route index element={<MeetingsList />} />
        <Route path="new" element={<NewMeeting />} />
        <Route path="decisions" element={<DecisionsLedger />} />
        <Route path=":id" element={<MeetingDetail />} />
      </Routes>
    </Page>
  );
}
