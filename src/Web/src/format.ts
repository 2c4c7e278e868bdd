import { ratioMetrics } from './labels';

export const DASH = '—';

export function pct(v: number | null | undefined, digits = 1): string {
  return v == null || !Number.isFinite(v) ? DASH : `${(v * 100).toFixed(digits)}%`;
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function num(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? DASH : plain.format(v);
}

export function yuan(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? DASH : money.format(v);
}

/** A metric's value in its own unit: ratios as percentages, the rest as numbers. */
export function metricValue(metric: string, v: number | null | undefined): string {
  return ratioMetrics.has(metric) ? pct(v) : num(v);
}

/** An instant in the browser's local time (the date of business facts always comes from the server). */
export function localTime(instant: string | null | undefined): string {
  if (!instant) return DASH;
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// Business dates are plain yyyy-MM-dd strings; arithmetic on them is done in UTC so no zone can shift a day.
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}
