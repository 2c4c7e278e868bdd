// Speaks to the API the browser tests run against (./ops/test starts it): tokens signed with this run's key, JSON calls,
// the settable clock. The figures the pages must show are read here from the API's own answers.
import { createHmac } from 'node:crypto';
import assert from 'node:assert/strict';

export const baseUrl = process.env.EVENTHR_WEB_URL ?? 'http://127.0.0.1:5190';
const key = process.env.EVENTHR_WEB_SIGNING_KEY;
if (!key) throw new Error('EVENTHR_WEB_SIGNING_KEY is not set: run the browser tests with ./ops/test');

const b64url = (s) => Buffer.from(s).toString('base64url');

/** A token like ./ops/token's: { sub, role: [..], brand?: [..], department?, employeeId? }. */
export function token({ sub, roles, brands = [], department, employeeId, hours = 2 }) {
  const now = Math.floor(Date.now() / 1000);
  const payload = { sub, role: roles.length === 1 ? roles[0] : roles, iss: 'eventhr-dev', aud: 'eventhr', iat: now, nbf: now, exp: now + hours * 3600 };
  if (brands.length) payload.brand = brands.length === 1 ? brands[0] : brands;
  if (department) payload.department = department;
  if (employeeId) payload.employeeId = employeeId;
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + b64url(JSON.stringify(payload));
  return head + '.' + createHmac('sha256', key).update(head).digest('base64url');
}

export const tokens = {
  hr: token({ sub: 'hr-li', roles: ['hr', 'integration'] }),
  feed: token({ sub: 'shop-feed', roles: ['integration'], brands: ['yunshang', 'lanting'] }),
  head: token({ sub: 'M01', roles: ['manager'], brands: ['yunshang'], department: 'ops-yunshang' }),
  otherHead: token({ sub: 'M02', roles: ['manager'], brands: ['lanting'], department: 'ops-lanting' }),
  employee: (id) => token({ sub: `u-${id}`, roles: ['employee'], employeeId: id }),
};

export async function call(method, path, body, bearer = tokens.hr) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The answer's body, failing the test on anything but a 2xx. */
export async function ok(method, path, body, bearer) {
  const r = await call(method, path, body, bearer);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const get = (path, bearer) => ok('GET', path, undefined, bearer);

/** The API's clock reads this instant from now on (Test environment only). */
export const clockAt = (instant) => ok('POST', '/api/dev/clock', { to: instant });

export async function eventually(read, done, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  do {
    value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  throw new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${JSON.stringify(value)}`);
}
