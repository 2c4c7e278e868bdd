// The browser tests' company, put in through the REST API as its users would: two brands, three departments, eight staff,
// three weeks of daily feeds (2026-11-01 … 11-21), a resignation, and three cases — two warnings just raised, one plan
// under way. The story ends on 2026-11-22 at 09:30 Beijing time, when the department head reads yesterday's report.
import { ok, call, clockAt, tokens, get, eventually } from './api.mjs';

export const world = {
  today: '2026-11-22',
  month: '2026-11',
  weak: 'E1001',          // 王小明, ops at yunshang: three low days 11-19 … 11-21, a warning raised the evening of the 21st
  planned: 'E1004',       // 赵敏: warned on 11-07, plan 11-09 … 11-28 under way
  otherBrand: 'E1007',    // 杨帆, ops at lanting: warned on 11-12
};

const staff = [
  { id: 'E1001', name: '王小明', brand: 'yunshang', dept: 'ops-yunshang', post: 'ops', salary: 10000, orders: (d) => (d >= 19 ? [2, 3, 2][d - 19] : 9 + (d % 3)) },
  { id: 'E1002', name: '李娜', brand: 'yunshang', dept: 'ops-yunshang', post: 'ops', salary: 9000, orders: (d) => 11 + (d % 3) },
  { id: 'E1003', name: '张伟', brand: 'yunshang', dept: 'ops-yunshang', post: 'ops', salary: 8500, orders: (d) => 9 + (d % 4) },
  { id: 'E1004', name: '赵敏', brand: 'yunshang', dept: 'ops-yunshang', post: 'ops', salary: 9500, orders: (d) => (d >= 5 && d <= 7 ? 2 : d > 8 ? 8 : 10) },
  { id: 'E1005', name: '刘洋', brand: 'yunshang', dept: 'cs-yunshang', post: 'cs', salary: 7000, orders: () => 6, csat: (d) => 91 + (d % 4) },
  { id: 'E1006', name: '陈静', brand: 'lanting', dept: 'ops-lanting', post: 'ops', salary: 9000, orders: (d) => 10 + (d % 2) },
  { id: 'E1007', name: '杨帆', brand: 'lanting', dept: 'ops-lanting', post: 'ops', salary: 9000, orders: (d) => (d >= 10 && d <= 12 ? 2 : d > 12 ? 6 : 10) },
  { id: 'E1008', name: '周杰', brand: 'lanting', dept: 'ops-lanting', post: 'ops', salary: 8000, orders: () => 10, leaves: 15 },
];

const date = (d) => `2026-11-${String(d).padStart(2, '0')}`;

export async function seed() {
  await clockAt('2026-11-01T09:00:00+08:00');
  await ok('PUT', '/api/posts/ops', { name: '运营 Operations', family: 'ops', payBand: { min: 7000, max: 15000 }, compatiblePosts: ['cs'] });
  await ok('PUT', '/api/posts/cs', { name: '客服 Customer service', family: 'cs', payBand: { min: 6000, max: 9000 }, compatiblePosts: [] });
  for (const [brand, name, tier] of [['yunshang', '云裳', 'premium'], ['lanting', '兰亭', 'mid']]) {
    await ok('PUT', `/api/brands/${brand}`, { name, tier });
    const standard = { effectiveFrom: '2026-11-01', publishedOn: '2026-10-25', publicationRef: '公示通知 2026-10 第1号' };
    await ok('PUT', `/api/standards/${brand}/ops`, { ...standard, metrics: { orders: { target: 10, direction: 'atLeast' } } });
    await ok('PUT', `/api/standards/${brand}/cs`, { ...standard, metrics: { csat: { target: 90, direction: 'atLeast' } } });
  }
  for (const s of staff) {
    await ok('POST', '/api/employees', {
      employeeId: s.id, name: s.name, brandId: s.brand, region: s.brand === 'yunshang' ? 'east' : 'south', department: s.dept,
      postId: s.post, managerId: s.brand === 'yunshang' ? 'M01' : 'M02', hrId: 'hr-li', hiredOn: '2026-11-01', monthlySalary: s.salary,
      contract: { payAdjustableWithPost: true, monthlySalaryFloor: 6000 },
    });
  }
  // 赵敏 confirmed the ops standard when she was hired; the others have not yet (王小明 does it in the page).
  await ok('POST', `/api/employees/${world.planned}/acknowledgements`, { brandId: 'yunshang', postId: 'ops', standardVersion: 1 }, tokens.employee(world.planned));

  for (let d = 1; d <= 21; d++) {
    await clockAt(`${date(d)}T20:00:00+08:00`);   // each day's feed arrives that evening
    const rows = staff.filter((s) => !s.leaves || d <= s.leaves).map((s) => ({
      sourceId: `shop:${date(d)}:${s.id}`, employeeId: s.id, date: date(d),
      metrics: { orders: s.orders(d), visitors: 200, revenue: s.orders(d) * 150, clicks: 420, ...(s.csat ? { csat: s.csat(d) } : {}) },
    }));
    await ok('POST', '/api/tallies', rows, tokens.feed);
    if (d === 7) await planFor(world.planned);
    if (d === 15) await ok('POST', '/api/employees/E1008/separations', { kind: 'resignation', date: date(15), reason: '个人原因 personal reasons' });
  }
  for (const id of [world.weak, world.otherBrand]) await caseIn(`${id}-1`, 'plan-pending');
  await clockAt('2026-11-22T09:30:00+08:00');
}

async function planFor(employee) {
  const caseId = `${employee}-1`;
  await caseIn(caseId, 'plan-pending');
  await ok('POST', `/api/cases/${caseId}/notes`, { text: '约谈：连续三天订单偏低', employeeResponse: '家里有事，下周恢复' }, tokens.head);
  await ok('POST', `/api/cases/${caseId}/pip`, { targets: { orders: 10 }, from: '2026-11-09', until: '2026-11-28', support: ['推广技巧 Promotion technique'] });
  await ok('POST', `/api/cases/${caseId}/pip/acknowledgement`, {}, tokens.employee(employee));
  await caseIn(caseId, 'plan-active');
}

export const caseIn = (caseId, status) =>
  eventually(async () => (await call('GET', `/api/cases/${caseId}`)).body?.status, (s) => s === status, `case ${caseId} ${status}`);

export { get };
