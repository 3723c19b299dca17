/**
 * The five meeting walks issue 5 must show, each from an empty store with the sample office loaded through
 * 人员与单位, driven like a clerk would at 1366×768 (clicks, typing, the keyboard where natural). Every step
 * leaves a screenshot (test-results/screenshots/walk-N-…png); the fixtures guard fails any off-origin request.
 */
import { expect, test } from './fixtures';
import { MeetingWalk, SAVE_TIMEOUT, sample, shanghaiDate } from './meeting-pages';

// Loading the sample office is one durable ~260-record transaction; every later save is durable too.
test.slow();
test.setTimeout(240_000);

const TODAY = shanghaiDate(0);
const REASON = '提示已知悉，按程序办理';

test('walk 1: a 常务会议 from planning to signed minutes, with a per-topic 列席 and leave approved by the chair', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 1);
  await w.loadSampleOffice();
  await page.goto('/#/meetings');
  await expect(page.getByText('还没有会议', { exact: true })).toBeVisible();
  await w.shot('empty-list');

  // The form validates: nothing saved without a place, with the message under the field.
  await w.fillNewMeeting({ kind: '区政府常务会议', date: TODAY, time: '09:00', place: '' });
  await expect(page.getByTestId('chair-proposal')).toContainText(
    `按规则建议由${sample.districtHead}召集和主持`,
  );
  await page.getByRole('button', { name: '保存会议', exact: true }).click();
  await expect(page.getByText('请填写会议地点')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible();
  await w.shot('new-meeting-invalid');
  // Typed by keyboard; the draft survives a reload.
  await page.getByLabel('会议地点').focus();
  await page.keyboard.type('区政府三楼常务会议室');
  await expect(page.getByText('请填写会议地点')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('会议地点')).toHaveValue('区政府三楼常务会议室', { timeout: SAVE_TIMEOUT });
  await expect(page.getByLabel('开始时间')).toHaveValue('09:00');
  await w.shot('new-meeting-draft-reloaded');
  await w.saveMeeting('区政府常务会议');
  await expect(w.nextStep()).toContainText('下一步：审定议题');
  await w.shot('planned');

  // A topic half typed survives a reload (the form reopens with it); Escape cancels and drops it.
  await page.getByRole('button', { name: '添加议题' }).click();
  await page.getByRole('dialog', { name: '添加议题' }).getByLabel('议题名称').fill('研究城区老旧小区改造');
  await page.reload();
  const reopened = page.getByRole('dialog', { name: '添加议题' });
  await expect(reopened.getByLabel('议题名称')).toHaveValue('研究城区老旧小区改造', {
    timeout: SAVE_TIMEOUT,
  });
  await w.shot('topic-draft-reloaded');
  await page.keyboard.press('Escape');
  await expect(reopened).toBeHidden();

  // Two topics from two units: each unit's head sits in (列席) on its own topic only (art. 42).
  const housingHead = sample.headOf('jsj');
  const educationHead = sample.headOf('jyj');
  await w.addTopic({
    title: '研究城区老旧小区改造年度计划',
    unit: '住房和城乡',
    decision: '同意年度改造计划，由区住房和城乡建设局组织实施。',
    materials: '年度改造计划（送审稿）',
    studiedOn: TODAY,
    view: '原则同意，资金分年度安排。',
  });
  await w.addTopic({
    title: '研究新建中小学校布局方案',
    unit: '教育局',
    decision: '同意布局方案，由区教育局牵头落实。',
    materials: '中小学校布局方案',
    studiedOn: TODAY,
    view: '原则同意。',
  });
  await expect(w.topic(1)).toContainText('分管副区长：');
  await w.approveTopic(1, sample.districtHead);
  await w.approveTopic(2, sample.districtHead);
  await w.shot('topics-set');

  await w.generateAttendees(sample.districtHead);
  const housing = w.attendeeRow(housingHead);
  await expect(housing).toContainText('议题列席');
  await expect(housing).toContainText('研究城区老旧小区改造年度计划');
  await expect(housing).not.toContainText('研究新建中小学校布局方案');
  await expect(w.attendeeRow(educationHead)).toContainText('研究新建中小学校布局方案');
  await expect(w.attendees()).toContainText('固定列席');
  await w.shot('attendees-per-topic');

  // 孙丽华 is away on her reported trip today: she asks the chair for leave, who approves (art. 46).
  await w.requestLeave(sample.deputyAwayToday, '赴省城参加全省教育工作培训班');
  const leaveFindings = page.getByTestId('leave-findings');
  await expect(leaveFindings).toContainText(`尚无会议主持人${sample.districtHead}的批准意见`);
  await page.getByTestId('leave-table').getByRole('button', { name: '主持人批准' }).click();
  await expect(page.getByTestId('leave-table')).toContainText(`${sample.districtHead}批准`, {
    timeout: SAVE_TIMEOUT,
  });
  await expect(leaveFindings).toContainText('规则检查未发现问题');
  await w.shot('leave-approved');

  await w.advance([['审定议题', '发出通知']], REASON);
  // Materials reach every attendee before the meeting (art. 45): tick all not yet served, record the delivery.
  await w.openTab('材料送达');
  await page.getByTestId('materials-undelivered').getByRole('button', { name: '勾选全部未送达' }).click();
  await page.getByLabel('送达人').fill(sample.officeDeputy);
  await w.takeStep(/^登记送达（已选 \d+ 人）$/, REASON, () =>
    expect(page.getByTestId('materials-undelivered')).toContainText('会议材料已全部送达', {
      timeout: SAVE_TIMEOUT,
    }),
  );
  await w.shot('materials-delivered');
  await w.advance([['发出通知', '召开会议']], REASON);
  await w.shot('notice-sent');

  // On the day: the sheet starts from the list and the approved leave; the topic 列席 is in for his topic.
  await w.openTab('签到');
  const sheet = page.getByTestId('signin-table');
  await expect(sheet.getByRole('row').filter({ hasText: sample.deputyAwayToday })).toContainText('请假');
  await expect(sheet.getByRole('row').filter({ hasText: housingHead })).toContainText('列席');
  await sheet.getByRole('checkbox', { name: `${educationHead}迟到` }).check();
  // The sheet being filled in survives a reload.
  await page.reload();
  await w.openTab('签到');
  await expect(sheet.getByRole('checkbox', { name: `${educationHead}迟到` })).toBeChecked({
    timeout: SAVE_TIMEOUT,
  });
  await page.getByRole('button', { name: '保存签到' }).click();
  await expect(page.getByText('签到已保存。')).toBeVisible({ timeout: SAVE_TIMEOUT });
  await expect(page.getByTestId('signin-findings')).not.toContainText('不涉及其单位');
  await w.shot('signed-in');

  await w.advance([['召开会议', '起草纪要']], REASON);
  // The recorder's record per topic (art. 47); the minutes' 议定事项 are drafted from it.
  await w.openTab('会议纪录');
  for (const [n, text] of [
    [
      1,
      '会议听取了区住房和城乡建设局的汇报。会议同意年度改造计划，由区住房和城乡建设局组织实施，资金分年度安排。',
    ],
    [2, '会议同意布局方案，由区教育局牵头落实。'],
  ] as const) {
    const card = page.getByTestId(`record-${n}`);
    await card.getByLabel(`议题${n}的会议纪录`).fill(text);
    await w.takeStep(
      '保存纪录',
      REASON,
      () => expect(card).toContainText('已纪录', { timeout: SAVE_TIMEOUT }),
      card,
    );
  }
  await w.shot('records');
  // The minutes start from the agenda (会议概况, 议定事项 per topic) and are edited in place.
  const minutes = w.nextStep().getByLabel('会议纪要');
  await expect(minutes).toContainText('二、议定事项');
  await expect(minutes).toContainText('研究城区老旧小区改造年度计划');
  await minutes.press('Control+End');
  await page.keyboard.type('\n三、其他事项\n会议要求各单位按期报告落实情况。');
  // The minutes being drafted survive a reload.
  await page.reload();
  await expect(w.nextStep().getByLabel('会议纪要')).toContainText('会议要求各单位按期报告落实情况。', {
    timeout: SAVE_TIMEOUT,
  });
  await w.shot('minutes-draft');
  await w.advance([['起草纪要', '签发纪要']], REASON);
  await expect(page.getByTestId('minutes-text')).toContainText('三、其他事项');

  // The 区长 chaired, so he signs (art. 47).
  await expect(
    w.nextStep().getByRole('combobox', { name: '签发人' }).locator('..').locator('..'),
  ).toContainText(sample.districtHead);
  await w.advance([['签发纪要', '印发纪要']], REASON);
  await expect(page.getByText('纪要已签发').first()).toBeVisible();
  await w.shot('minutes-signed');

  // After the 常务会议: the three reports of art. 42 as tasks, each recorded done.
  await w.openTab('会后报告与印发');
  const tasks = page.getByTestId('report-tasks');
  await expect(tasks.getByRole('row').filter({ hasText: '待办' })).toHaveCount(3);
  await w.shot('report-tasks');
  for (const [task, how] of [
    ['向区委报告情况', '呈送区委办公室'],
    ['向区人大常委会报告情况', '书面报告人大常委会办公室'],
    ['向区政协通报情况', '书面通报政协办公室'],
  ] as const) {
    await tasks.getByRole('button', { name: `登记完成：${task}` }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel('经办人').fill(sample.officeDeputy);
    await form.getByLabel('报告方式或文号').fill(how);
    await form.getByRole('button', { name: '保存' }).click();
    await expect(tasks.getByRole('row').filter({ hasText: task })).toContainText('已完成', {
      timeout: SAVE_TIMEOUT,
    });
  }
  await expect(page.getByTestId('reports-findings')).toContainText('三项会后报告均已完成');
  await w.shot('reports-done');

  // A decision from the signed minutes' 议定事项, followed to closure (art. 47).
  await w.openTab('决定事项');
  const decisions = page.getByTestId('decisions-tab');
  await page.getByTestId('agreed-1').getByRole('button', { name: '据此登记' }).click();
  await expect(decisions.getByLabel('决定事项内容')).toHaveValue(/同意年度改造计划/);
  // The form says what is missing before anything is saved.
  await decisions.getByRole('button', { name: '登记决定事项' }).click();
  await expect(decisions).toContainText('请选择承办单位');
  await w.chooseByTyping(decisions.getByRole('combobox', { name: '承办单位' }), '区住房和城乡');
  await w.chooseByTyping(decisions.getByRole('combobox', { name: '责任领导' }), sample.housingDeputy);
  await decisions.getByLabel('工作日数').fill('10');
  await decisions.getByLabel('工作日数').press('Tab');
  await expect(decisions.getByLabel('完成时限')).not.toHaveValue('');
  await w.shot('decision-form');
  const decision = page.getByTestId('decision-1');
  await w.takeStep('登记决定事项', REASON, () =>
    expect(decision).toContainText('进行中', { timeout: SAVE_TIMEOUT }),
  );
  await expect(page.getByTestId('agreed-1')).toContainText('已登记');

  await decision.getByRole('button', { name: '报告进展' }).click();
  await decision.getByLabel('办理进展').fill('已完成首批12个小区的施工招标，3个小区开工。');
  await decision.getByLabel('佐证材料').fill('施工合同\n开工照片');
  await decision.getByRole('button', { name: '保存进展' }).click();
  await expect(decision).toContainText('进展：已完成首批12个小区的施工招标', { timeout: SAVE_TIMEOUT });

  await decision.getByRole('button', { name: '办结', exact: true }).click();
  await decision.getByLabel('办结情况').fill('年度改造计划全部完成，经区督查考核局核验。');
  await w.takeStep(
    '确认办结',
    REASON,
    () => expect(decision).toContainText('已办结', { timeout: SAVE_TIMEOUT }),
    decision,
  );
  await expect(decision).toContainText('办结：年度改造计划全部完成');
  await w.shot('decision-closed');
});

test('walk 2: a 专题会议 chaired by a 副区长: the deputy cannot sign the minutes, the 区长 signs them', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 2);
  await w.loadSampleOffice();
  await w.fillNewMeeting({
    kind: '区政府专题会议',
    date: TODAY,
    time: '15:00',
    place: '区政府二楼小会议室',
    chair: sample.deputy,
  });
  await w.shot('new-special');
  await w.saveMeeting('区政府专题会议');
  await expect(page.getByText(`${sample.deputy}`, { exact: true }).first()).toBeVisible();

  await w.addTopic({
    title: '研究城区冬季供暖保障工作',
    unit: '住房和城乡',
    decision: '同意供暖保障方案。',
    materials: '供暖保障方案',
    studiedOn: TODAY,
  });
  // Topics of a 专题会议 are set by the deputy chairing it (art. 45).
  await w.approveTopic(1, sample.deputy);
  await w.generateAttendees(sample.deputy);
  await w.shot('attendees');
  await w.advance(
    [
      ['审定议题', '发出通知'],
      ['发出通知', '召开会议'],
      ['召开会议', '起草纪要'],
      ['起草纪要', '签发纪要'],
    ],
    REASON,
  );

  const next = w.nextStep();
  await expect(next).toContainText(
    `会议主持人${sample.deputy}是副区长，会议纪要报区长${sample.districtHead}签发`,
  );
  await w.chooseSigner(sample.deputy);
  await expect(next.locator('[data-rule="meeting.minutes.signer"]')).toBeVisible();
  await expect(next.getByRole('button', { name: '签发纪要' })).toBeDisabled();
  // The blocked step says why, also to a keyboard user (focusable wrapper with the reason).
  await expect(next.locator('[data-blocked-reason]')).toHaveAttribute('data-blocked-reason', /区长/);
  await w.shot('deputy-cannot-sign');
  await w.chooseSigner(sample.districtHead);
  await w.advance([['签发纪要', '印发纪要']], REASON);
  await expect(page.getByText('纪要已签发').first()).toBeVisible();
  await w.shot('signed-by-head');
});

test('walk 3: a 常务会议 while the 区长 is on a reported trip: the 常务副区长 is proposed as acting chair', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 3);
  await w.loadSampleOffice();
  // The trip is on record in 人员与单位 (reported to the 区委 and the city beforehand).
  await page.getByRole('tab', { name: /^外出/ }).click();
  const trips = page.getByTestId('table-travels');
  await expect(trips.getByRole('row').filter({ hasText: sample.districtHead })).toContainText('示例市');
  await w.shot('head-trip-on-record');

  await w.fillNewMeeting({
    kind: '区政府常务会议',
    date: shanghaiDate(8),
    time: '09:00',
    place: '区政府三楼常务会议室',
  });
  const proposal = page.getByTestId('chair-proposal');
  await expect(proposal).toContainText(`按规则建议由${sample.executiveDeputy}召集和主持`);
  await expect(proposal).toContainText('第九条');
  await expect(page.getByTestId('plan-findings').locator('[data-rule="meeting.chair.acting"]')).toBeVisible();
  await w.shot('acting-chair-proposed');
  // Choosing the 区长 anyway: the rules say he is away and who should chair instead.
  await page.getByRole('combobox', { name: '主持人' }).click();
  await w.pickOption(sample.districtHead);
  const away = page.getByTestId('plan-findings').locator('[data-rule="meeting.chair.away"]');
  await expect(away).toContainText(`区长${sample.districtHead}${shanghaiDate(8)}外出，不能主持会议`);
  await expect(away).toContainText(`建议由${sample.executiveDeputy}主持`);
  await w.shot('head-away-warned');
  await page.getByRole('combobox', { name: '主持人' }).click();
  await w.pickOption(sample.executiveDeputy);
  await expect(away).toHaveCount(0);
  await w.saveMeeting('区政府常务会议');
  await expect(page.getByText(`${sample.executiveDeputy}（区长外出期间代为主持）`)).toBeVisible({
    timeout: SAVE_TIMEOUT,
  });
  await w.shot('acting-chair-saved');
});

test('walk 4: 党组会议 with the non-party deputy only 列席; 全体会议 inviting 区人大 and 区政协 leaders; 区长办公会议 by an entrusted deputy only', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 4);
  await w.loadSampleOffice();

  // 党组会议 (art. 41): members are the party group; 周清和 (not a party member) may only sit in.
  await w.fillNewMeeting({
    kind: '区政府党组会议',
    date: shanghaiDate(2),
    time: '08:30',
    place: '区政府党组会议室',
  });
  await expect(page.getByTestId('chair-proposal')).toContainText(
    `按规则建议由${sample.districtHead}召集和主持`,
  );
  await w.saveMeeting('区政府党组会议');
  await w.generateAttendees(sample.executiveDeputy);
  await expect(w.attendeeRow(sample.nonPartyDeputy)).toHaveCount(0);
  // As a member he is refused …
  await w.addAttendee(`${sample.nonPartyDeputy}（可邀请列席）`, '出席', sample.nonPartyDeputy);
  const findings = page.getByTestId('attendee-findings');
  await expect(findings.locator('[data-rule="meeting.attendee.nonPartyMember"]')).toContainText(
    '只能根据需要列席',
  );
  await expect(findings).toContainText('第四十一条');
  await w.shot('party-group-non-party-refused');
  // … so he is taken off and invited to sit in.
  await w.takeStep(
    '移出',
    '改为列席',
    () => expect(w.attendeeRow(sample.nonPartyDeputy)).toHaveCount(0, { timeout: SAVE_TIMEOUT }),
    w.attendeeRow(sample.nonPartyDeputy),
  );
  await w.addAttendee(`${sample.nonPartyDeputy}（可邀请列席）`, '列席', sample.nonPartyDeputy);
  await expect(w.attendeeRow(sample.nonPartyDeputy)).toContainText('列席');
  await w.attendeeRow(sample.nonPartyDeputy).scrollIntoViewIfNeeded();
  await expect(findings.locator('[data-rule]').filter({ hasText: sample.nonPartyDeputy })).toHaveCount(0);
  await w.shot('party-group-non-party-invited');

  // 全体会议 (art. 40): the 区人大常委会 and 区政协 leaders may be invited to sit in.
  await w.fillNewMeeting({
    kind: '区政府全体会议',
    date: shanghaiDate(3),
    time: '09:00',
    place: '区政府大礼堂',
  });
  await w.saveMeeting('区政府全体会议');
  await w.generateAttendees(sample.headOf('czj'));
  const congress = sample.headOf('rd');
  const cppcc = sample.headOf('zx');
  await w.addAttendee(`${congress}（可邀请列席）`, '列席', congress);
  await w.addAttendee(`${cppcc}（可邀请列席）`, '列席', cppcc);
  await expect(w.attendeeRow(congress)).toContainText('示例区人大常委会');
  await expect(w.attendeeRow(cppcc)).toContainText('政协示例区委员会');
  await expect(
    page.getByTestId('attendee-findings').locator('[data-rule="meeting.attendee.plenaryNonVoting"]'),
  ).toHaveCount(0);
  // Generating the list again brings back a member taken off, and keeps the invitations made by hand.
  const finance = sample.headOf('czj');
  await w.takeStep(
    '移出',
    '端到端测试：先移出再按规则生成',
    () => expect(w.attendeeRow(finance)).toHaveCount(0, { timeout: SAVE_TIMEOUT }),
    w.attendeeRow(finance),
  );
  await page.getByRole('button', { name: '按规则生成参会名单' }).click();
  await expect(w.attendeeRow(finance)).toHaveCount(1, { timeout: SAVE_TIMEOUT });
  await expect(w.attendeeRow(congress)).toHaveCount(1);
  await expect(w.attendeeRow(cppcc)).toContainText('列席');
  await w.attendeeRow(cppcc).scrollIntoViewIfNeeded();
  await w.shot('plenary-invited');

  // 区长办公会议 (art. 43): a deputy without the 区长's entrustment is refused; the entrusted one may chair.
  await w.fillNewMeeting({
    kind: '区长办公会议',
    date: shanghaiDate(4),
    time: '15:00',
    place: '区政府五楼会议室',
    chair: sample.deputy,
  });
  const plan = page.getByTestId('plan-findings');
  await expect(plan.locator('[data-rule="meeting.chair.entrustment"]')).toContainText('须有区长委托');
  await expect(plan).toContainText('第四十三条');
  await expect(page.getByRole('button', { name: '保存会议' })).toBeDisabled();
  await w.shot('head-office-refused');
  await page.getByRole('combobox', { name: '主持人' }).click();
  await w.pickOption(sample.executiveDeputy);
  await expect(plan.locator('[data-rule="meeting.chair.entrusted"]')).toContainText('受区长委托');
  await w.saveMeeting('区长办公会议');
  await expect(page.getByText(`${sample.executiveDeputy}（受区长委托）`)).toBeVisible();
  await w.shot('head-office-entrusted');
});

test('walk 5: a major topic is blocked until its legality review is recorded (art. 23)', async ({
  page,
}, testInfo) => {
  const w = new MeetingWalk(page, testInfo, 5);
  await w.loadSampleOffice();
  await w.fillNewMeeting({
    kind: '区政府常务会议',
    date: shanghaiDate(3),
    time: '09:00',
    place: '区政府三楼常务会议室',
  });
  await w.saveMeeting('区政府常务会议');
  await w.addTopic({
    title: '关于实施老旧小区改造三年行动的决定',
    unit: '住房和城乡',
    decision: '同意实施方案，由区住房和城乡建设局牵头组织实施。',
    materials: '实施方案（送审稿）',
    studiedOn: TODAY,
    view: '原则同意，资金分年度安排。',
    major: true,
  });
  const topic = w.topic(1);
  const findings = page.getByTestId('topic-1-findings');
  await expect(findings.locator('[data-severity="block"]')).toContainText('合法性审查');
  await expect(topic.getByRole('button', { name: '确定上会' })).toBeDisabled();
  await expect(topic.locator('[data-blocked-reason]')).toHaveAttribute('data-blocked-reason', /合法性审查/);
  await w.shot('topic-blocked');
  // The citation opens the article; Escape closes it.
  await findings.getByRole('button', { name: '查看第二十三条原文' }).first().click();
  const article = page.getByRole('dialog', { name: '《工作规则》第二十三条' });
  await expect(article.getByTestId('article-text')).toContainText('合法性审查');
  await w.shot('article-23');
  await page.keyboard.press('Escape');
  await expect(article).toBeHidden();

  // The 法制办 (preset) reviewed it today: record it, and the block goes.
  await topic.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: /^编辑议题/ });
  await expect(dialog.getByRole('combobox', { name: '审查单位' }).locator('..').locator('..')).toContainText(
    '区政府法制办公室',
  );
  await dialog.getByLabel('审查日期').fill(TODAY);
  await w.shot('legality-review-recorded');
  await dialog.getByRole('button', { name: '保存议题' }).click();
  await expect(dialog).toBeHidden({ timeout: SAVE_TIMEOUT });
  await expect(findings.locator('[data-severity="block"]')).toHaveCount(0);
  await expect(topic).toContainText('合法性审查：');
  // Warnings remain (public participation, expert review, risk assessment): continuing needs a reason.
  await w.approveTopic(1, sample.districtHead, '公众参与和专家论证已在方案编制阶段完成，材料随后补登');
  await w.shot('topic-set');
});
