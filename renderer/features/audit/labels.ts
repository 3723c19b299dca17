/** Chinese names of the record types in the audit trail (the table names); unknown ones show as stored. */
export const RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  people: '人员',
  posts: '任职记录',
  units: '单位',
  portfolios: '分工',
  entrustments: '区长委托',
  travels: '外出报告',
  coverages: '代管安排',
  meetings: '会议',
  topics: '议题',
  attendance: '出席',
  leaveRequests: '请假',
  minutes: '会议纪要',
  decisions: '议定事项',
  documents: '公文',
  documentSteps: '公文办理步骤',
  seals: '印章',
  sealUses: '用印',
  attachments: '附件',
  packets: '数据包',
  calendarYears: '日历',
  operators: '操作员',
  meta: '设置',
};

export const recordTypeLabel = (type: string): string => RECORD_TYPE_LABELS[type] ?? type;
