// The collector's day in the workbench, in a real browser: sign in, the
// queue, a case (debt, compliance before dialling, a contact logged, a
// promise, a plan previewed against authority, a reveal), the language switch
// and the layout at a call centre's 1366x768. What the page shows is checked
// against what the API says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, apiAs } from '../support/workbench_server.mjs';
import { launchBrowser } from '../support/chromium.mjs';

let server;
let browser;
let page;
let api;

// Each main page at 1366x768, kept as the run's artifacts (docs/screenshots/ holds a few for the README).
const shots = process.env.ARREARS_SCREENSHOT_DIR || join(tmpdir(), 'arrears-screenshots');
async function shot(name) {
  mkdirSync(shots, { recursive: true });
  await page.waitForTimeout(300);  // transitions settle
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

// ¥1,234.56 from the API's "1234.56".
const yuan = (amount) => `¥${amount.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',')}`;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = browser.context.pages()[0] || (await browser.context.newPage());
  page.setDefaultTimeout(10000);
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  api = await apiAs(server.url, 'zhangwei');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(login, password) {
  await page.goto(`${server.url}/sign-in`);
  await page.fill('[data-test=login]', login);
  await page.fill('[data-test=password]', password);
  await page.click('[data-test=sign-in]');
}

test('a wrong password is refused with a message, and nothing else opens', async () => {
  await page.goto(`${server.url}/queue`);
  await page.waitForURL(/\/sign-in\?next=/);
  assert.equal(new URL(page.url()).searchParams.get('next'), '/queue', 'an unsigned visitor is sent to sign in');
  await signIn('zhangwei', 'not-the-password');
  await page.waitForSelector('[data-test=sign-in-error]');
  assert.equal((await page.textContent('[data-test=sign-in-error] .el-alert__title')).trim(), '登录名或密码错误');
  await shot('01-sign-in');
  assert.match(page.url(), /\/sign-in/);
});

test("the collector's queue lists the day's cases in priority order with the compliance state", async () => {
  await signIn('zhangwei', 'Demo2026pass');
  await page.waitForSelector('[data-test=queue-table] tbody tr');
  const queue = await api.get('/queue');
  assert.ok(queue.items.length > 5, 'the demo gives the collector a queue');
  assert.equal((await page.textContent('[data-test=queue-count]')).trim(), `共 ${queue.items.length} 件`);
  assert.equal((await page.textContent('[data-test=who]')).trim(), '张伟 · 催收员');
  const first = page.locator('[data-test=queue-table] tbody tr').first();
  const cells = await first.locator('td').allTextContents();
  assert.equal(cells[0].trim(), '1');
  assert.equal(cells[1].trim(), queue.items[0].customer_name);
  assert.equal(cells[2].trim(), String(queue.items[0].days_past_due));
  assert.equal(cells[4].trim(), yuan(queue.items[0].overdue));
  // 10:00 in Shanghai, the first item contactable from 08:00: allowed now.
  assert.equal(queue.items[0].contact_from <= queue.now, true);
  assert.equal((await first.locator('[data-test=contact-state]').textContent()).trim(), '现在');
  await shot('02-queue');
});

test('the keyboard moves through the queue and opens a case', async () => {
  const queue = await api.get('/queue');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/cases/${queue.items[1].case_id}$`));
  await page.waitForSelector('[data-test=case-header]');
  const detail = await api.get(`/cases/${queue.items[1].case_id}`);
  assert.equal((await page.textContent('[data-test=overdue-total]')).trim(), yuan(detail.overdue_total));
  assert.equal(await page.locator('[data-test=accounts] .el-table__body tr').count(), detail.accounts.length);
});

test('the case workspace checks compliance before dialling and screens the notes as they are typed', async () => {
  const queue = await api.get('/queue');
  const caseId = queue.items[0].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.waitForSelector('[data-test=pre-dial] .el-alert');
  assert.equal((await page.textContent('[data-test=pre-dial] .el-alert__title')).trim(), '合规：允许联系');

  await page.fill('[data-test=notes]', '再不还钱就要坐牢');
  await page.waitForSelector('[data-test=contact-form] .el-form-item__error');
  assert.match(await page.textContent('[data-test=contact-form] .el-form-item__error'), /坐牢/);
  assert.equal(await page.isDisabled('[data-test=log-contact]'), true);

  await page.fill('[data-test=notes]', '客户称月底发工资后还款');
  await page.waitForFunction(() => !document.querySelector('[data-test=contact-form] .el-form-item__error'));
  await page.click('[data-test=outcome]');
  await page.click('.el-select-dropdown__item:has-text("承诺还款")');
  const before = (await api.get(`/cases/${caseId}/timeline`)).timeline.length;
  await page.click('[data-test=log-contact]');
  await page.waitForSelector('.el-message--success');
  const added = (await api.get(`/cases/${caseId}/timeline`)).timeline.slice(before);
  const contacts = added.filter((e) => /月底发工资/.test(e.summary));
  assert.equal(contacts.length, 1, JSON.stringify(added));
  assert.match(contacts[0].summary, /promise/);
  await page.waitForSelector(`[data-test=timeline] .el-timeline-item:has-text("月底发工资")`);
  await shot('03-case-workspace');
});

test('the call guide walks the steps with the debtor\'s own figures and answers an objection', async () => {
  const caseId = (await api.get('/queue')).items[0].case_id;
  const detail = await api.get(`/cases/${caseId}`);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.waitForSelector('[data-test=guide-step-greeting] .say');
  assert.match(await page.textContent('[data-test=guide-step-greeting] .say'), new RegExp(detail.customer_name));
  await page.click('[data-test=guide-next]');
  await page.click('[data-test=guide-next]');
  const grouped = detail.overdue_total.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
  assert.match(await page.textContent('[data-test=guide-step-amount] .say'), new RegExp(`应还${grouped.replace('.', '\\.')}元`));
  await page.click('[data-test=guide-objection-hardship]');
  assert.match(await page.textContent('[data-test=guide-answer]'), /分期或延期/);
  await shot('04-call-guide');
});

test('a promise below the minimum is refused on its field; a valid one is recorded once', async () => {
  const caseId = (await api.get('/queue')).items[0].case_id;
  await page.click('.el-tabs__item:has-text("还款承诺")');
  await page.fill('[data-test=promise-amount]', '1.00');
  await page.fill('[data-test=promise-date] input', '2026-12-05');
  await page.keyboard.press('Enter');
  await page.click('[data-test=record-promise]');
  await page.waitForSelector('[data-test=promise-form] .el-form-item__error');
  assert.match(await page.textContent('[data-test=promise-form] .el-form-item__error'), /at least/);
  const detail = await api.get(`/cases/${caseId}`);
  assert.equal(detail.promises.length, 0, 'a refused promise is not recorded');

  await page.fill('[data-test=promise-amount]', detail.overdue_total);
  await page.click('[data-test=record-promise]');
  await page.waitForSelector('[data-test=promises] .el-table__body tr');
  const promises = (await api.get(`/cases/${caseId}`)).promises;
  assert.equal(promises.length, 1);
  assert.equal(promises[0].amount, detail.overdue_total);
  assert.equal(promises[0].date, '2026-12-05');

  // The result notice: previewed as it will go out, then queued for the debtor in one click.
  await page.click('[data-test=notice-preview]');
  await page.waitForSelector('[data-test=notice-body]');
  const grouped = detail.overdue_total.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
  assert.match(await page.textContent('[data-test=notice-body]'), new RegExp(`于2026-12-05前还款${grouped.replace('.', '\\.')}元`));
  await page.click('[data-test=notice-send]');
  await page.waitForSelector('.el-message--success:has-text("已加入发送队列")');
  const messages = (await api.get(`/cases/${caseId}/messages`)).items;
  assert.equal(messages.length, 1);
  assert.equal(messages[0].template, 'promise_confirmation');
});

test('the plan builder previews the schedule and the authority decision before anything is written', async () => {
  const caseId = (await api.get('/queue')).items[0].case_id;
  await page.click('.el-tabs__item:has-text("还款方案")');
  await page.fill('[data-test=plan-first-due] input', '2026-12-10');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-test=plan-schedule] .el-table__body tr');
  assert.equal(await page.locator('[data-test=plan-schedule] .el-table__body tr').count(), 6);
  const expected = await api.post(`/cases/${caseId}/arrangements/preview`, { kind: 'installment', periods: 6, first_due: '2026-12-10' });
  assert.equal(expected.status, 200);
  assert.equal((await page.textContent('[data-test=plan-to-pay]')).trim(), yuan(expected.body.to_pay));
  assert.equal((await page.textContent('[data-test=authority] .el-alert__title')).trim(),
    expected.body.status === 'within_authority' ? '在您的权限内，提交后立即生效' : `超出您的权限，将提交主管审批：${expected.body.beyond_authority.join('；')}`);
  assert.equal((await api.get(`/cases/${caseId}`)).arrangements.length, 0, 'a preview writes nothing');
});

test('a phone number is revealed only with a purpose, and the reveal is recorded', async () => {
  const caseId = (await api.get('/queue')).items[0].case_id;
  const point = (await api.get(`/cases/${caseId}`)).contact_points.find((p) => p.kind === 'mobile');
  await page.click(`[data-test=reveal-${point.id}]`);
  await page.fill('.el-message-box input', '核实还款意愿后回拨');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector('.el-message--success');
  const row = page.locator('[data-test=contact-points] .el-table__body tr', { hasText: /1\d{10}/ });
  const clear = (await row.first().textContent()).match(/1\d{10}/)[0];
  assert.equal(clear.slice(0, 3), point.value.slice(0, 3));
  assert.equal(clear.slice(-4), point.value.slice(-4));
});

test('a case outside the collector\'s scope is "not found", not "forbidden"', async () => {
  await page.goto(`${server.url}/cases/999999`);
  await page.waitForSelector('[data-test=error]');
  assert.match(await page.textContent('[data-test=error]'), /案件不存在或不在您的权限范围内/);
});

test('the English switch changes the labels and is remembered; the layout fits 1366x768', async () => {
  await page.goto(`${server.url}/queue`);
  await page.waitForSelector('[data-test=queue-table] tbody tr');
  await page.click('[data-test=language]');
  await page.waitForFunction(() => document.querySelector('[data-test=queue-count]').textContent.includes('cases'));
  await page.reload();
  await page.waitForSelector('[data-test=queue-table] tbody tr');
  assert.match(await page.textContent('.topbar'), /My queue/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the queue is ${overflow}px wider than the window`);
  await shot('08-queue-english');
  const caseId = (await api.get('/queue')).items[0].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.waitForSelector('[data-test=case-header]');
  const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(caseOverflow <= 0, `the case is ${caseOverflow}px wider than the window`);
  await page.click('[data-test=language]');  // back to Chinese for whoever comes next
});

test('a dispute about a fee is recorded and holds collection of the account', async () => {
  const caseId = (await api.get('/queue')).items[2].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.click('.el-tabs__item:has-text("处理")');
  await page.fill('[data-test=dispute-description]', '客户称滞纳金计算有误');
  await page.click('[data-test=open-dispute]');
  await page.waitForSelector('[data-test=dispute]');
  const detail = await api.get(`/cases/${caseId}`);
  assert.equal(detail.disputes.length, 1);
  assert.equal(detail.disputes[0].kind, 'amount_or_fee');
  assert.equal(detail.disputes[0].status, 'open');
  assert.ok(detail.holds.some((h) => h.kind === 'dispute'), 'collection holds while the dispute is open');
  await page.waitForSelector('[data-test=case-header] .el-tag--danger:has-text("异议")');
});

test('a 24-month plan beyond the collector\'s authority is approved by a supervisor and the collector sees it active', async () => {
  const queue = await api.get('/queue');
  const caseId = queue.items[0].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.click('.el-tabs__item:has-text("还款方案")');
  const periods = page.locator('[data-test=plan-periods] input');
  await periods.fill('24');
  await periods.press('Tab');
  await page.fill('[data-test=plan-first-due] input', '2026-12-10');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-test=authority].el-alert--warning');
  assert.match(await page.textContent('[data-test=authority]'), /超出您的权限/);
  assert.equal(await page.locator('[data-test=plan-schedule] .el-table__body tr').count(), 24);
  await shot('05-plan-beyond-authority');
  await page.click('[data-test=plan-submit]');
  await page.waitForSelector('.el-message--success:has-text("已提交审批")');
  const proposed = (await api.get(`/cases/${caseId}`)).arrangements;
  assert.equal(proposed.length, 1);
  assert.equal(proposed[0].status, 'pending_approval');
  assert.equal(proposed[0].installments.length, 24);
  await page.waitForSelector('[data-test=arrangement-status]:has-text("待审批")');

  await page.click('[data-test=sign-out]');
  await signIn('zhaolei', 'Demo2026pass');
  await page.waitForURL(/\/queue$/);
  await page.click('[data-test=nav-approvals]');
  await page.waitForSelector('[data-test=approvals] .el-table__row');
  const row = page.locator('[data-test=approvals] .el-table__row', { hasText: 'zhangwei' }).first();
  await row.locator('.el-table__expand-icon').click();
  await page.waitForSelector('[data-test=proposal] .el-table__body tr');
  assert.equal(await page.locator('[data-test=proposal] .el-table__body tr').count(), 24);
  await shot('06-approvals');
  await row.locator('[data-test=approve]').click();
  await page.fill('.el-message-box input', '客户失业，收入证明已核实，同意24期');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector('.el-message--success:has-text("已批准")');

  // The supervisor also gives another case to a second collector of the team.
  const other = queue.items[3].case_id;
  await page.goto(`${server.url}/cases/${other}`);
  await page.click('[data-test=reassign]');
  await page.fill('.el-message-box input', 'lina');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector('.el-message--success:has-text("已改派给 lina")');
  const supervisor = await apiAs(server.url, 'zhaolei');
  assert.equal((await supervisor.get(`/cases/${other}`)).owner, 'lina');

  await page.click('[data-test=sign-out]');
  await signIn('zhangwei', 'Demo2026pass');
  await page.waitForURL(/\/queue$/);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.click('.el-tabs__item:has-text("还款方案")');
  await page.waitForSelector('[data-test=arrangement-status]:has-text("生效中")');
  assert.equal((await api.get(`/cases/${caseId}`)).arrangements[0].status, 'active');
});

test('after two conversations today a third call is refused on screen with the rule\'s message', async () => {
  const caseId = (await api.get('/queue')).items[5].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  for (let i = 0; i < 2; ++i) {
    await page.waitForSelector('[data-test=pre-dial] .el-alert--success');
    await page.click('[data-test=outcome]');
    await page.click('.el-select-dropdown__item:has-text("本人接听")');
    await page.click('[data-test=log-contact]');
    await page.waitForSelector('.el-message--success:has-text("已记录")');
    await page.evaluate(() => document.querySelectorAll('.el-message').forEach((m) => m.remove()));
  }
  await page.waitForSelector('[data-test=pre-dial] .el-alert--error');
  const refusal = await page.textContent('[data-test=pre-dial]');
  assert.match(refusal, /合规：不允许联系/);
  assert.match(refusal, /CN-FREQ-CALLS/);
  assert.match(refusal, /这将是今天与该债务人的第3次电话沟通，每日上限 2 次/);
  await shot('07-third-call-refused');
});

test('an agency user cannot open a case not placed with their agency', async () => {
  const caseId = (await api.get('/queue')).items[0].case_id;
  await page.click('[data-test=sign-out]');
  await signIn('wuhao', 'Demo2026pass');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.waitForSelector('[data-test=error]');
  assert.match(await page.textContent('[data-test=error]'), /案件不存在或不在您的权限范围内/);
  await page.click('[data-test=sign-out]');
  await signIn('zhaolei', 'Demo2026pass');
  await page.waitForURL(/\/queue$/);
});

test('a case sent to legal is worked by legal staff: court, filing date and costs recorded', async () => {
  const supervisor = await apiAs(server.url, 'zhaolei');
  const caseId = (await api.get('/queue')).items[4].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.click('.el-tabs__item:has-text("处理")');
  await page.click('.el-collapse-item__header:has-text("升级处理")');
  await page.click('button:has-text("转法务")');
  await page.fill('.el-message-box input', '多次违约，协商无果');
  await page.click('.el-message-box .el-button--primary');
  await page.waitForSelector('[data-test=legal-matters]');
  await page.click('[data-test=sign-out]');
  await signIn('sunli', 'Demo2026pass');
  await page.waitForURL(/\/cases$/);
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.click('[data-test=legal-matters] button:has-text("更新")');
  await page.fill('.el-dialog .el-form-item:has-text("法院") input', '北京市朝阳区人民法院');
  await page.fill('.el-dialog .el-form-item:has-text("新增诉讼费用") input', '1200.50');
  await page.click('.el-dialog__footer .el-button--primary');
  await page.waitForSelector('.el-message--success:has-text("已更新")');
  const matter = (await supervisor.get(`/cases/${caseId}`)).legal_matters[0];
  assert.equal(matter.court, '北京市朝阳区人民法院');
  assert.equal(matter.costs, '1200.50');
  await shot('11-legal');
  await page.click('[data-test=sign-out]');
  await signIn('zhaolei', 'Demo2026pass');
  await page.waitForURL(/\/queue$/);
});

test('the case list pages through the cases in scope', async () => {
  await page.click('[data-test=nav-cases]');
  await page.waitForSelector('[data-test=case-list] .el-table__row');
  const supervisor = await apiAs(server.url, 'zhaolei');
  const first = await supervisor.get('/cases?limit=50');
  assert.equal(await page.locator('[data-test=case-list] .el-table__row').count(), first.items.length);
  if (first.next_cursor) {
    await page.click('[data-test=load-more]');
    const second = await supervisor.get(`/cases?limit=50&cursor=${first.next_cursor}`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-test=case-list] .el-table__row').length === n,
      first.items.length + second.items.length);
  }
});

test('a supervisor reads the reports: the chart, the API\'s figures, the cases behind a row, the Excel file', async () => {
  const supervisor = await apiAs(server.url, 'zhaolei');
  // The dashboard: the headline figures are the reports' own, and its charts draw.
  await page.click('[data-test=nav-dashboard]');
  await page.waitForSelector('[data-test=dashboard-aging] canvas');
  const range = page.locator('[data-test=dashboard-period] input');
  const [from, to] = [await range.nth(0).inputValue(), await range.nth(1).inputValue()];
  const headline = await supervisor.get(`/reports/aging?from=${from}&to=${to}`);
  assert.equal((await page.textContent('[data-test=kpi-balance] .value')).trim(), yuan(headline.totals.values.balance));
  assert.equal((await page.textContent('[data-test=kpi-cases] .value')).trim(), String(headline.totals.values.cases));
  await shot('12-dashboard');
  const period = 'from=2026-11-01&to=2026-11-28';
  await page.goto(`${server.url}/reports?report=aging&${period}`);
  await page.waitForSelector('[data-test=report-table] .el-table__row');
  await page.waitForSelector('[data-test=report-chart] canvas');
  const aging = await supervisor.get(`/reports/aging?${period}`);
  const rows = page.locator('[data-test=report-table] .el-table__body-wrapper .el-table__row');
  assert.equal(await rows.count(), aging.rows.length);
  for (let i = 0; i < aging.rows.length; i++) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();  // amounts with their thousands grouped
    assert.deepEqual(cells.map((c) => c.trim().replaceAll(',', '')), aging.columns.map((c) => aging.rows[i].text[c.key]));
  }
  const totals = await page.locator('[data-test=report-table] .el-table__footer td').allInnerTexts();
  assert.equal(totals[0].trim(), '合计');
  assert.equal(totals[aging.columns.findIndex((c) => c.key === 'balance')].trim(), yuan(aging.totals.text.balance).slice(1));
  // The cases behind the first row: as many as it counts, each a link to its case.
  await rows.first().click();
  await page.waitForSelector('[data-test=report-cases] .el-table__row');
  const listed = await page.locator('[data-test=report-cases] .el-table__row').count();
  assert.equal(listed, Math.min(aging.rows[0].values.cases, 500));
  await shot('13-report-cases');
  await page.keyboard.press('Escape');
  // Roll rates need a month-end before the period's: the demo's first night was 11-28, so there is none yet.
  await page.click('[data-test=report-roll-rates]');
  await page.waitForURL(/report=roll-rates/);
  assert.equal((await supervisor.get(`/reports/roll-rates?${period}`)).rows.length, 0);
  await page.waitForSelector('[data-test=empty]');
  await page.click('[data-test=report-collectors]');
  await page.waitForURL(/report=collectors/);
  const cards = await supervisor.get(`/reports/collectors?${period}`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=report-table] .el-table__body-wrapper .el-table__row').length === n,
    cards.rows.length);
  await shot('14-scorecards');
  // The Excel download is a workbook of the same report.
  const href = await page.getAttribute('[data-test=report-xlsx]', 'href');
  assert.match(href, /^\/api\/v1\/reports\/collectors\?.*format=xlsx/);
  const file = await page.request.get(`${server.url}${href}`);
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal((await file.body()).subarray(0, 2).toString(), 'PK');
});

test('an import with a bad row is rejected whole, its rows downloadable; the corrected file applies', async () => {
  const lines = readFileSync(join(server.data, 'accounts.csv'), 'utf8').split('\n').slice(0, 3);
  const columns = lines[0].split(',');
  const bad = lines[2].split(',');
  bad[columns.indexOf('currency')] = 'XYZ';
  await page.click('[data-test=nav-imports]');
  await page.setInputFiles('[data-test=import-file]',
    { name: 'accounts-bad.csv', mimeType: 'text/csv', buffer: Buffer.from([lines[0], lines[1], bad.join(',')].join('\n') + '\n') });
  await page.waitForSelector('[data-test=imports] .el-table__row [data-test=import-errors]');
  assert.equal((await page.locator('[data-test=import-status]').first().textContent()).trim(), '已拒绝（未导入）');
  const href = await page.getAttribute('[data-test=import-errors]', 'href');
  const errors = await page.evaluate(async (url) => (await fetch(url)).text(), href);
  assert.match(errors, /^line,column,message\n3,currency,/);

  await page.setInputFiles('[data-test=import-file]',
    { name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
  await page.waitForFunction(() => document.querySelector('[data-test=import-status]')?.textContent.includes('已导入'));
  assert.match(await page.textContent('[data-test=import-result]'), /未变 2，拒绝 0/);
  await shot('09-imports');
});

test('an administrator adds a user, whose weak password is refused on its field, and the user signs in', async () => {
  await page.click('[data-test=sign-out]');
  await signIn('admin', 'Demo2026pass');
  await page.click('[data-test=nav-users]');
  await page.click('[data-test=add-user]');
  await page.fill('[data-test=user-login]', 'xiaoming');
  await page.fill('[data-test=user-name]', '欧阳晓明');
  await page.fill('[data-test=user-password]', '123');
  await page.click('[data-test=user-save]');
  await page.waitForSelector('[data-test=user-form] .el-form-item__error');
  await page.fill('[data-test=user-password]', 'Xiaoming2026pass');
  await page.click('[data-test=user-save]');
  await page.waitForSelector('[data-test=users] .el-table__row:has-text("xiaoming")');
  // The demo's first night is on the cycle's page with what it did.
  await page.click('[data-test=nav-cycle]');
  await page.waitForSelector('[data-test=cycle-runs] .el-table__row');
  const night = page.locator('[data-test=cycle-runs] .el-table__row', { hasText: '2026-11-28' });
  assert.match(await night.textContent(), /在催案件 \d+/);
  // A call guide edited with a threat in it is refused, naming the step; nothing is saved.
  await page.click('[data-test=nav-configuration]');
  await page.waitForSelector('[data-test=templates] .el-table__row');
  assert.equal(await page.locator('[data-test=templates] .el-table__row').count(), 10);
  await page.click('.el-tabs__item:has-text("通话话术")');
  await page.click('[data-test=scripts] .el-table__row:has-text("early_call")');
  const source = await page.inputValue('[data-test=script-source]');
  assert.ok(source.includes('工号可在通话结束后查询。'));
  await page.fill('[data-test=script-source]', source.replace('工号可在通话结束后查询。', '不还钱就让你坐牢。'));
  await page.click('[data-test=config-save]');
  await page.waitForSelector('[data-test=config-problem]');
  const problem = await page.textContent('[data-test=config-problem]');
  assert.match(problem, /zh\.steps\[0\]\.say/);
  assert.match(problem, /坐牢/);
  await shot('10-configuration');
  const admin = await apiAs(server.url, 'admin');
  assert.equal((await admin.get('/call-scripts')).items.find((s) => s.id === 'early_call').version, 1);
  await page.keyboard.press('Escape');
  await page.click('[data-test=sign-out]');
  await signIn('xiaoming', 'Xiaoming2026pass');
  await page.waitForURL(/\/queue$/);
  assert.equal((await page.textContent('[data-test=who]')).trim(), '欧阳晓明 · 催收员');
});

test('signing out ends the session', async () => {
  await page.click('[data-test=sign-out]');
  await page.waitForURL(/\/sign-in/);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 401);
});
