// The collector's day in the workbench, in a real browser: sign in, the
// queue, a case (debt, compliance before dialling, a contact logged, a
// promise, a plan previewed against authority, a reveal), the language switch
// and the layout at a call centre's 1366x768. What the page shows is checked
// against what the API says.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs } from './server.mjs';
import { launchBrowser } from './browser.mjs';

let server;
let browser;
let page;
let api;

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
  assert.match(page.url(), /\/sign-in/);
});

test("the collector's queue lists the day's cases in priority order with the compliance state", async () => {
  await signIn('zhangwei', 'Demo2026pass');
  await page.waitForSelector('[data-test=queue-table] .el-table__row');
  const queue = await api.get('/queue');
  assert.ok(queue.items.length > 5, 'the demo gives the collector a queue');
  assert.equal((await page.textContent('[data-test=queue-count]')).trim(), `共 ${queue.items.length} 件`);
  assert.equal((await page.textContent('[data-test=who]')).trim(), '张伟 · 催收员');
  const first = page.locator('[data-test=queue-table] .el-table__row').first();
  const cells = await first.locator('td').allTextContents();
  assert.equal(cells[0].trim(), '1');
  assert.equal(cells[1].trim(), queue.items[0].customer_name);
  assert.equal(cells[2].trim(), String(queue.items[0].days_past_due));
  assert.equal(cells[4].trim(), yuan(queue.items[0].overdue));
  // 10:00 in Shanghai, the first item contactable from 08:00: allowed now.
  assert.equal(queue.items[0].contact_from <= queue.now, true);
  assert.equal((await first.locator('[data-test=contact-state]').textContent()).trim(), '现在');
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
  await page.click('.el-select-dropdown__item:has-text("本人接听")');
  const before = (await api.get(`/cases/${caseId}/timeline`)).timeline.length;
  await page.click('[data-test=log-contact]');
  await page.waitForSelector('.el-message--success');
  const added = (await api.get(`/cases/${caseId}/timeline`)).timeline.slice(before);
  const contacts = added.filter((e) => /月底发工资/.test(e.summary));
  assert.equal(contacts.length, 1, JSON.stringify(added));
  assert.match(contacts[0].summary, /right_party_contact/);
  await page.waitForSelector(`[data-test=timeline] .el-timeline-item:has-text("月底发工资")`);
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
  await page.waitForSelector('[data-test=queue-table] .el-table__row');
  await page.click('[data-test=language]');
  await page.waitForFunction(() => document.querySelector('[data-test=queue-count]').textContent.includes('cases'));
  await page.reload();
  await page.waitForSelector('[data-test=queue-table] .el-table__row');
  assert.match(await page.textContent('.topbar'), /My queue/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the queue is ${overflow}px wider than the window`);
  const caseId = (await api.get('/queue')).items[0].case_id;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.waitForSelector('[data-test=case-header]');
  const caseOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(caseOverflow <= 0, `the case is ${caseOverflow}px wider than the window`);
  await page.click('[data-test=language]');  // back to Chinese for whoever comes next
});

test('signing out ends the session', async () => {
  await page.click('[data-test=sign-out]');
  await page.waitForURL(/\/sign-in/);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  assert.equal(me, 401);
});
