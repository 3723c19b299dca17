/**
 * Page-object helpers for the meeting walks: the steps a clerk repeats (load the sample office, create a
 * meeting, add and set topics, build the attendee list, leave, sign-in, the steps of art. 39, signing the
 * minutes), driven through the real UI by role and label. Screenshots go to
 * test-results/screenshots/walk-N-<step>.png and are attached to the report.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { SAMPLE_IDS, createSampleOffice } from '../../shared/sample';
import type { IsoDate } from '../../shared/calendar/iso-date';
import type { PersonId, UnitId } from '../../shared/domain/ids';
import { expect, loadSampleOffice, shanghaiDate } from './fixtures';
import { pickOption, takeStepThen } from './steps';

export { shanghaiDate };

const SHOTS = path.join('test-results', 'screenshots');
/** Saves in this app are durable IndexedDB transactions; on a busy machine they take a while. */
export const SAVE_TIMEOUT = 20_000;

/**
 * Names in the sample office, read from the same generator the app loads (names of unit heads are generated,
 * so the walks look them up rather than hard-code them).
 */
export const sample = (() => {
  const reg = createSampleOffice(shanghaiDate(0) as IsoDate);
  const name = (id: PersonId) => reg.people.find((p) => p.id === id)?.name ?? id;
  const headOf = (unitKey: string, post: 'unitHead' | 'unitLeader' = 'unitHead') => {
    const h = reg.posts.find((p) => p.post === post && p.unitId === (`sample-u-${unitKey}` as UnitId));
    if (!h) throw new Error(`sample office has no ${post} of ${unitKey}`);
    return name(h.personId);
  };
  return {
    districtHead: name(SAMPLE_IDS.districtHead), // 赵志远
    executiveDeputy: name(SAMPLE_IDS.executiveDeputy), // 钱德明, holds the 区长办公会议 entrustment
    deputy: '王明', // a 副区长 (party member) without entrustment
    deputyAwayToday: name(SAMPLE_IDS.deputies[0] as PersonId), // 孙丽华, on a reported trip today
    // The deputy in charge of 区住房和城乡建设局 (郑海涛), the responsible leader for its decisions.
    housingDeputy: name(
      reg.portfolios.find((p) => p.unitId === ('sample-u-jsj' as UnitId) && p.relation === 'inCharge')
        ?.leaderId as PersonId,
    ),
    nonPartyDeputy: name(SAMPLE_IDS.nonPartyDeputy), // 周清和
    officeDeputy: name(SAMPLE_IDS.officeDeputies[0] as PersonId), // the default recorder
    headOf,
  };
})();

export class MeetingWalk {
  private n = 0;
  private readonly prefix: string;

  /** `walk`: the walk's number (screenshots walk-N-…), or a prefix of its own. */
  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
    walk: number | string,
  ) {
    this.prefix = typeof walk === 'number' ? `walk-${walk}` : walk;
    // Screenshots of an earlier run of this walk would mix with this run's numbering.
    mkdirSync(SHOTS, { recursive: true });
    for (const f of readdirSync(SHOTS))
      if (f.startsWith(`${this.prefix}-`) && f.endsWith('.png')) rmSync(path.join(SHOTS, f));
  }

  /** A numbered screenshot of the step, kept as a test artefact. */
  async shot(step: string): Promise<void> {
    this.n++;
    const name = `${this.prefix}-${String(this.n).padStart(2, '0')}-${step}`;
    const file = path.join(SHOTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    await this.testInfo.attach(name, { path: file, contentType: 'image/png' });
  }

  /** From an empty store: 人员与单位 → 载入示例数据. */
  async loadSampleOffice(): Promise<void> {
    await loadSampleOffice(this.page);
  }

  /** Picks an option of the open antd Select by its title (the person's or unit's plain name). */
  async pickOption(title: string): Promise<void> {
    await pickOption(this.page, title);
  }

  /** Opens the select, types to filter and takes the first match with Enter (as a keyboard user would). */
  async chooseByTyping(select: Locator, text: string): Promise<void> {
    await select.click();
    await select.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** 会议 → 新建会议, fills the form; the chair stays as proposed unless `chair` is given. Does not save. */
  async fillNewMeeting(m: {
    kind: string;
    date: string;
    time?: string;
    place: string;
    chair?: string;
  }): Promise<void> {
    const page = this.page;
    await page.goto('/#/meetings');
    await page.getByRole('button', { name: '新建会议' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '新建会议' })).toBeVisible();
    await page.getByRole('radio', { name: m.kind }).check();
    await page.getByLabel('会议日期').fill(m.date);
    if (m.time) await page.getByLabel('开始时间').fill(m.time);
    await page.getByLabel('会议地点').fill(m.place);
    if (m.chair) {
      await page.getByRole('combobox', { name: '主持人' }).click();
      await this.pickOption(m.chair);
    }
  }

  /** Saves the new meeting (giving a reason if the rules warn) and waits for its page. */
  async saveMeeting(kind: string): Promise<void> {
    await this.takeStep('保存会议', '按规则筹备，提示已知悉', async () => {
      await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(`^${kind}（`) })).toBeVisible({
        timeout: SAVE_TIMEOUT,
      });
    });
  }

  /**
   * Clicks a gated step button; if the rules warn, the override dialog asks for a reason, which is given.
   * `done` waits for what the step leads to, so no fixed wait is needed when there is no dialog.
   */
  async takeStep(
    name: string | RegExp,
    reason: string,
    done: () => Promise<void>,
    scope?: Locator,
  ): Promise<void> {
    const button = (scope ?? this.page).getByRole(
      'button',
      typeof name === 'string' ? { name, exact: true } : { name },
    );
    await takeStepThen(this.page, button, name, reason, done);
  }

  /** 添加议题 with the fields a clerk fills for an ordinary topic; `major` ticks 重大决策事项. */
  async addTopic(t: {
    title: string;
    unit: string;
    decision: string;
    materials: string;
    studiedOn?: string;
    view?: string;
    major?: boolean;
  }): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: '添加议题' }).click();
    const dialog = page.getByRole('dialog', { name: '添加议题' });
    await dialog.getByLabel('议题名称').fill(t.title);
    await this.chooseByTyping(dialog.getByRole('combobox', { name: '汇报单位' }), t.unit);
    await page.keyboard.press('Escape');
    await dialog.getByLabel('拟决定事项').fill(t.decision);
    await dialog.getByLabel('会议材料').fill(t.materials);
    if (t.studiedOn) await dialog.getByLabel('研究日期').fill(t.studiedOn);
    if (t.view) await dialog.getByLabel('初步意见').fill(t.view);
    if (t.major) await dialog.getByText('重大决策事项').click();
    await dialog.getByRole('button', { name: '保存议题' }).click();
    await expect(dialog).toBeHidden({ timeout: SAVE_TIMEOUT });
  }

  topic(n: number): Locator {
    return this.page.getByTestId(`topic-${n}`);
  }

  /** 确定上会 for topic `n`, by whoever is selected as 议题确定人. */
  async approveTopic(
    n: number,
    approver: string,
    reason = '分管副区长已组织研究，按程序提请上会',
  ): Promise<void> {
    await this.takeStep(
      '确定上会',
      reason,
      () => expect(this.topic(n)).toContainText(`已确定（${approver}`, { timeout: SAVE_TIMEOUT }),
      this.topic(n),
    );
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  attendees(): Locator {
    return this.page.getByTestId('attendees-table');
  }

  attendeeRow(name: string): Locator {
    return this.attendees().getByRole('row').filter({ hasText: name });
  }

  /** 参会人员 → 按规则生成参会名单; waits until `expectName` is listed. */
  async generateAttendees(expectName: string): Promise<void> {
    await this.openTab('参会人员');
    await this.page.getByRole('button', { name: '按规则生成参会名单' }).click();
    await expect(this.attendeeRow(expectName)).toHaveCount(1, { timeout: SAVE_TIMEOUT });
  }

  /** 加入参会人员 with a role; a reason is given when the person is outside the rules' list. */
  async addAttendee(label: string, role: string, name: string, reason = '根据会议需要安排'): Promise<void> {
    const page = this.page;
    await page.getByRole('combobox', { name: '加入参会人员' }).click();
    await page.getByRole('combobox', { name: '加入参会人员' }).fill(name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: label })
      .click();
    await page.getByRole('combobox', { name: '参会方式' }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${role}"]`).click();
    await this.takeStep('加入名单', reason, () =>
      expect(this.attendeeRow(name)).toHaveCount(1, { timeout: SAVE_TIMEOUT }),
    );
  }

  /** 请假 → 登记请假 for `name`, asked of the chair (the default). */
  async requestLeave(name: string, reason: string): Promise<void> {
    const page = this.page;
    await this.openTab('请假');
    await page.getByRole('combobox', { name: '请假人' }).click();
    await this.pickOption(name);
    await page.getByLabel('请假事由').fill(reason);
    await page.getByRole('button', { name: '登记请假' }).click();
    await expect(page.getByTestId('leave-table').getByRole('row').filter({ hasText: name })).toHaveCount(1, {
      timeout: SAVE_TIMEOUT,
    });
  }

  nextStep(): Locator {
    return this.page.getByTestId('next-step');
  }

  /** Takes the meeting's next steps of art. 39 in order: [step, the step it leads to]. */
  async advance(steps: readonly (readonly [string, string])[], reason: string): Promise<void> {
    for (const [step, after] of steps) {
      await this.takeStep(
        step,
        reason,
        () => expect(this.nextStep()).toContainText(`下一步：${after}`, { timeout: SAVE_TIMEOUT }),
        this.nextStep(),
      );
    }
  }

  /** Chooses the 签发人 in the 签发纪要 step. */
  async chooseSigner(name: string): Promise<void> {
    await this.nextStep().getByRole('combobox', { name: '签发人' }).click();
    await this.pickOption(name);
  }
}
