// The dashboard in a real browser against the API on the test PostgreSQL: for each kind of user the views load and
// show the figures the API gives for the seeded company; scopes hold in the page; one case is walked from warning
// to extension through the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { seed, world, caseIn } from './support/seed.mjs';
import { get, call, ok, clockAt, tokens, eventually, baseUrl } from './support/api.mjs';
import { launch, openAs, close, shoot, byId, phone } from './support/browser.mjs';

let browser;
before(async () => {
  await seed();
  browser = await launch();
});
after(async () => { await browser?.close(); });

const near = (a, b) => Math.abs(Number(a) - Number(b)) < 1e-6;

test('group HR lands on the month view and sees the figures the API gives', async () => {
  // The alert sweep runs with the hourly wake-up (every few seconds in this run): wait until it has looked at the month.
  const alerts = await eventually(() => get('/api/alerts?status=open'), (a) => a.length > 0, 'an open alert');
  // The group views read aggregates kept by a background subscription as the feed lands: wait until it has caught up.
  const overview = await eventually(() => get(`/api/group/overview?month=${world.month}`),
    (o) => o.attainment.filter((l) => l.targetsEvaluated > 0).length === 3, 'the aggregates caught up', 60_000);
  const page = await openAs(browser, tokens.hr);
  await page.waitForURL(/#\/group/);
  // The token came in the address's fragment: it is gone from the address and kept only for this tab.
  assert.doesNotMatch(page.url(), /token=/);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('eyJ')), false);
  assert.equal(await page.evaluate((t) => Object.values(sessionStorage).includes(t), tokens.hr), true);
  assert.equal(await byId(page, 'month-picker').inputValue(), world.month);

  assert.ok(overview.attainment.filter((l) => l.attainmentRate !== null).length >= 2, JSON.stringify(overview.attainment));
  for (const line of overview.attainment) {
    const cell = byId(page, `heat-${line.brandId}-${line.postId}`);
    await cell.waitFor();
    const what = `heatmap ${JSON.stringify(line)}`;
    if (line.attainmentRate === null) {       // no target evaluated yet: no figure, not a zero
      assert.equal(await cell.getAttribute('data-value'), '', what);
      assert.match(await cell.innerText(), /—/, what);
      continue;
    }
    assert.ok(near(await cell.getAttribute('data-value'), line.attainmentRate), what);
    assert.match(await cell.innerText(), new RegExp(`${(line.attainmentRate * 100).toFixed(1)}%`), what);
  }
  for (const [table, lines] of [['cost-region', overview.salaryCostByRegion], ['cost-brand-post', overview.salaryCostByBrandPost],
    ['turnover-region', overview.turnoverByRegion], ['turnover-post', overview.turnoverByPost]]) {
    const rows = byId(page, table).locator('tbody tr[data-key]');
    assert.equal(await rows.count(), lines.length, table);
    for (const line of lines) {
      const row = byId(page, table).locator(`tr[data-key="${line.key}"]`);
      const expected = table.startsWith('cost') ? line.salaryCostRatio : line.turnover;
      assert.ok(near(await row.getAttribute('data-value'), expected), `${table} ${line.key}`);
    }
  }
  // 周杰 left lanting (south) on the 15th: the region's turnover is not zero.
  assert.ok(overview.turnoverByRegion.find((l) => l.key === 'south').separations === 1);

  const open = await get('/api/cases?status=open');
  const soon = (c) => c.nextDueDate && c.nextDueDate >= world.today && c.nextDueDate <= '2026-11-29' && c.status !== 'plan-pending';
  const expected = {
    'stat-open-warnings': open.filter((c) => c.status === 'plan-pending').length,
    'stat-plans-in-progress': open.filter((c) => c.status === 'plan-active').length,
    'stat-decisions-due': open.filter(soon).length,
    'stat-no-data-escalations': open.reduce((n, c) => n + c.escalations, 0),
  };
  assert.deepEqual(Object.values(expected).slice(0, 3), [2, 1, 1]);     // the seed's two warnings and one plan due on the 28th
  const counts = await get('/api/cases/counts');                        // what the cards read, counted by the API
  assert.deepEqual([counts.openWarnings, counts.plansInProgress, counts.decisionsDueWithin7Days, counts.noDataEscalations], Object.values(expected));
  for (const [id, n] of Object.entries(expected)) assert.equal((await byId(page, id).innerText()).trim(), String(n), id);

  for (const a of alerts) await byId(page, `alert-${a.alertId}`).waitFor();
  assert.equal(await byId(page, 'alerts').locator('[data-testid^="alert-"]').count(), alerts.length);
  await shoot(page, 'group-hr');

  // The heatmap exports to xlsx with the figures it shows.
  const [download] = await Promise.all([page.waitForEvent('download'), byId(page, 'heatmap-box').locator('[data-testid="export-xlsx"]').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  const header = sheet.getRow(1).values.map(String);
  for (const line of overview.attainment) {
    const row = [...Array(sheet.actualRowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.values.includes(line.brandId));
    assert.ok(row, `a row for ${line.brandId}`);
    const value = row.getCell(header.indexOf(line.postId)).value;
    if (line.attainmentRate === null) assert.ok(value === null || value === '', `${line.brandId}/${line.postId}: ${value}`);
    else assert.ok(near(value, line.attainmentRate), `${line.brandId}/${line.postId}: ${value} in the sheet, ${line.attainmentRate} from the API`);
  }

  // An alert links to what it is about: the seed's cost alert (a brand × post) highlights that row.
  const cost = alerts.find((a) => a.kind === 'cost');
  assert.ok(cost, JSON.stringify(alerts));
  await byId(page, `alert-${cost.alertId}`).locator('a').first().click();
  await page.waitForURL(new RegExp(`focus=${encodeURIComponent(cost.subject)}`));
  await byId(page, 'cost-brand-post').locator(`tr[data-key="${cost.subject}"].focus`).waitFor();

  // Chinese by default, English at a click, remembered on the next visit.
  assert.match(await page.locator('body').innerText(), /集团总览/);
  await byId(page, 'lang-toggle').click();
  await page.getByText('Group', { exact: true }).first().waitFor();
  await page.reload();
  await page.getByText('Group', { exact: true }).first().waitFor();
  await close(page);
});

test('the department head sees yesterday\'s report, the 21-day calendar, their cases and notifications', async () => {
  const page = await openAs(browser, tokens.head);
  await page.waitForURL(/#\/department/);
  const report = await get('/api/reports/daily?department=ops-yunshang', tokens.head);
  assert.equal(report.date, '2026-11-21');
  for (const row of report.rows) {
    const tr = byId(page, `report-row-${row.employeeId}`);
    await tr.waitFor();
    assert.equal(await tr.getAttribute('data-over-threshold'), String(row.overCostThreshold), row.employeeId);
    assert.match(await tr.innerText(), new RegExp(row.name));
  }
  assert.ok(report.rows.some((r) => r.overCostThreshold), 'someone is over the cost line');

  const calendar = await get('/api/reports/calendar?department=ops-yunshang&days=21', tokens.head);
  assert.equal(calendar.from, '2026-11-01');
  for (const e of calendar.employees) {
    for (const d of e.days) {
      const cell = byId(page, `cal-${e.employeeId}-${d.date}`);
      assert.equal(await cell.getAttribute('data-low-run'), String(d.inLowRun), `${e.employeeId} ${d.date}`);
    }
  }
  const weak = calendar.employees.find((e) => e.employeeId === world.weak);
  assert.deepEqual(weak.days.filter((d) => d.inLowRun).map((d) => d.date), ['2026-11-19', '2026-11-20', '2026-11-21']);

  const cases = await get('/api/cases?status=open&department=ops-yunshang', tokens.head);
  assert.equal(cases.length, 2);
  for (const c of cases) await byId(page, `case-row-${c.caseId}`).waitFor();
  assert.equal(await byId(page, 'my-cases').locator('[data-testid^="case-row-"]').count(), cases.length);
  const notifications = await get('/api/notifications', tokens.head);
  assert.ok(notifications.length > 0);
  assert.match(await byId(page, 'notifications').innerText(), new RegExp(notifications[0].message.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await shoot(page, 'department-head');

  // The report exports to xlsx row for row.
  const [download] = await Promise.all([page.waitForEvent('download'), byId(page, 'report-box').locator('[data-testid="export-xlsx"]').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  assert.equal(sheet.actualRowCount, report.rows.length + 1);             // a header row, then one per employee
  const names = [];
  sheet.eachRow((row, n) => { if (n > 1) names.push(row.values.find((v) => typeof v === 'string' && report.rows.some((r) => r.name === v))); });
  assert.deepEqual(names.sort(), report.rows.map((r) => r.name).sort());
  await close(page);
});

test('a department head cannot open another department\'s case: the page says not found', async () => {
  assert.equal((await call('GET', `/api/cases/${world.otherBrand}-1`, undefined, tokens.head)).status, 404);
  const page = await openAs(browser, tokens.head, { hash: `#/cases/${world.otherBrand}-1` });
  await byId(page, 'not-found').waitFor();
  assert.equal(await byId(page, 'timeline').count(), 0);
  await close(page);
});

test('an employee on a phone sees their days against the target and acknowledges the standard', async () => {
  const me = tokens.employee(world.weak);
  const page = await openAs(browser, me, { device: phone });
  await page.waitForURL(/#\/me/);
  const performance = await get(`/api/employees/${world.weak}/performance`, me);
  const rows = byId(page, 'my-days').locator('tbody tr[data-date]');
  await rows.first().waitFor();
  assert.equal(await rows.count(), performance.days.length);
  const low = performance.days.find((d) => d.date === '2026-11-20');
  assert.match(await byId(page, 'my-days').locator('tr[data-date="2026-11-20"]').innerText(), new RegExp(`\\b${low.metrics.orders}\\b`));
  await shoot(page, 'employee-phone');
  // Phone-sized: nothing wider than the screen (wide tables scroll inside their own box).
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page fits the phone');

  await byId(page, 'ack-standard').click();
  await byId(page, 'standard-acknowledged').waitFor();
  const profile = await get(`/api/employees/${world.weak}`, me);
  assert.ok(profile.acknowledgements.some((a) => a.postId === 'ops' && a.standardVersion === 1));
  await close(page);
});

test('one case walked from warning to extension through the page', async () => {
  const caseId = `${world.weak}-1`;
  // The employee acknowledged the standard in the test before (through the page); run alone, through the API.
  const profile = await get(`/api/employees/${world.weak}`);
  if (!profile.acknowledgements.some((a) => a.postId === 'ops')) {
    await ok('POST', `/api/employees/${world.weak}/acknowledgements`, { brandId: 'yunshang', postId: 'ops', standardVersion: 1 }, tokens.employee(world.weak));
  }
  const hr = await openAs(browser, tokens.hr, { hash: `#/cases/${caseId}` });
  assert.equal(await byId(hr, 'case-status').getAttribute('data-status'), 'plan-pending');
  const before = await get(`/api/cases/${caseId}`);
  assert.equal(await byId(hr, 'timeline').locator('[data-testid="timeline-entry"]').count(), before.timeline.length);

  await byId(hr, 'note-text').fill('约谈：连续三天订单只有 2–3 单，了解原因');
  await byId(hr, 'note-response').fill('对新品卖点不熟悉');
  await byId(hr, 'note-submit').click();
  await byId(hr, 'action-done').waitFor();
  await eventually(() => get(`/api/cases/${caseId}`), (c) => c.timeline.some((e) => e.type === 'conversation_noted'), 'the note recorded');

  // A plan of three days is refused by the law's guard (G12): the page says why in plain words, with what is missing.
  await byId(hr, 'pip-target-orders').fill('10');      // the standard itself, not the drafted half of it
  await byId(hr, 'pip-from').fill('2026-11-23');
  await byId(hr, 'pip-until').fill('2026-11-25');
  await byId(hr, 'pip-submit').click();
  const problem = byId(hr, 'problem');
  await problem.waitFor();
  const refused = await call('POST', `/api/cases/${caseId}/pip`, { targets: { orders: 10 }, from: '2026-11-23', until: '2026-11-25', support: [] });
  assert.equal(refused.status, 422);
  assert.equal(await problem.getAttribute('data-status'), '422');
  assert.match(await problem.innerText(), new RegExp(refused.body.guard));
  assert.equal(await byId(hr, 'problem-missing').locator('li').count(), refused.body.missing.length);
  assert.ok(refused.body.missing.length > 0);
  await shoot(hr, 'case-refused');

  await byId(hr, 'pip-until').fill('2026-11-29');
  await byId(hr, 'pip-submit').click();
  await byId(hr, 'action-done').waitFor();
  await eventually(() => get(`/api/cases/${caseId}`), (c) => c.case.plan?.until === '2026-11-29', 'the plan set');

  // The employee acknowledges the plan on their phone; it is in force from then on.
  const employee = await openAs(browser, tokens.employee(world.weak), { device: phone });
  await byId(employee, 'ack-plan').click();
  await caseIn(caseId, 'plan-active');
  await close(employee);

  // The plan's week passes: the shop feed sends each day's tallies (6 orders a day, clearly better than 2).
  for (let d = 23; d <= 29; d++) {
    await clockAt(`2026-11-${d}T20:00:00+08:00`);
    await ok('POST', '/api/tallies', [{ sourceId: `shop:2026-11-${d}:${world.weak}`, employeeId: world.weak, date: `2026-11-${d}`,
      metrics: { orders: 6, visitors: 200, revenue: 900, clicks: 420 } }], tokens.feed);
  }
  await caseIn(caseId, 'awaiting-decision');
  await clockAt('2026-11-30T10:00:00+08:00');
  await close(hr);

  // The department head decides: clearly improving, extend by a week.
  const head = await openAs(browser, tokens.head, { hash: `#/cases/${caseId}` });
  await eventually(async () => byId(head, 'case-status').getAttribute('data-status'), (s) => s === 'awaiting-decision', 'the page shows the decision due');
  await byId(head, 'plan-progress').locator('tr[data-date="2026-11-29"]').waitFor();
  await byId(head, 'decision-kind').selectOption('extend');
  await byId(head, 'decision-reason').fill('订单 2 → 6，明显进步 clearly improving');
  await byId(head, 'decision-until').fill('2026-12-06');
  await byId(head, 'decision-submit').click();
  await byId(head, 'action-done').waitFor();
  await caseIn(caseId, 'plan-active');
  await eventually(async () => byId(head, 'case-status').getAttribute('data-status'), (st) => st === 'plan-active', 'the page shows the plan extended');
  const after = await get(`/api/cases/${caseId}`);
  assert.ok(after.timeline.some((e) => e.type === 'pip_extended' && e.by === 'M01'));
  await eventually(async () => byId(head, 'timeline').locator('[data-type="pip_extended"]').count(), (n) => n === 1, 'the extension on the timeline');
  await shoot(head, 'case-extended');
  await close(head);

  // HR downloads the evidence bundle from the case page.
  const hrAgain = await openAs(browser, tokens.hr, { hash: `#/cases/${caseId}` });
  const [download] = await Promise.all([hrAgain.waitForEvent('download'), byId(hrAgain, 'evidence-json').click()]);
  const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.ok(Array.isArray(bundle.checklist) && bundle.checklist.length > 0);
  // The printable page and the PDF, as the tribunal gets them.
  const [html] = await Promise.all([hrAgain.waitForEvent('download'), byId(hrAgain, 'evidence-html').click()]);
  assert.match(await readFile(await html.path(), 'utf8'), /<html[\s\S]*E1001/i);
  const [pdf] = await Promise.all([hrAgain.waitForEvent('download'), byId(hrAgain, 'evidence-pdf').click()]);
  assert.equal((await readFile(await pdf.path())).subarray(0, 5).toString(), '%PDF-');
  await close(hrAgain);
});

test('in Development the sign-in page mints a token for a chosen role and scope, and lands where it leads', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/app/`);
  await byId(page, 'dev-mint').waitFor();                 // offered because GET /api/dev/tokens answers (Development only)
  await byId(page, 'dev-role').selectOption('manager');
  await byId(page, 'dev-sub').fill('M01');
  await byId(page, 'dev-brands').fill('yunshang');
  await byId(page, 'dev-department').fill('ops-yunshang');
  await byId(page, 'dev-mint').click();
  await page.waitForURL(/#\/department/);
  await byId(page, `report-row-${world.weak}`).waitFor();
  // The page never offers it where the API has no such route: a token is then pasted or given in the address.
  await context.close();
});

test('every view fits a phone: wide tables scroll inside their own box, never the page', async () => {
  for (const [bearer, hash] of [[tokens.hr, '#/group'], [tokens.head, '#/department'], [tokens.hr, `#/cases/${world.weak}-1`]]) {
    const page = await openAs(browser, bearer, { device: phone, hash });
    await page.locator('[data-testid$="-box"]').first().waitFor();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `${hash}: the page is ${widths[0]} px wide on a ${widths[1]} px screen`);
    if (hash !== '#/group') await shoot(page, hash === '#/department' ? 'department-phone' : 'case-phone');
    if (hash === '#/department') {
      // By now the hourly runs have sent many notifications: ten are shown, the rest at a tap.
      const all = await get('/api/notifications?recipient=M01', tokens.head);
      const shown = byId(page, 'notifications').locator('[data-testid="notification"]');
      assert.equal(await shown.count(), Math.min(10, all.length));
      if (all.length > 10) {
        await byId(page, 'notifications-more').click();
        assert.equal(await shown.count(), all.length);
      }
    }
    await close(page);
  }
});

