import { createContext, useContext } from 'react';
import type { Schemas } from './api/client';

/** Who is signed in (GET /api/me), with its lists and names made definite once. */
export interface Me {
  userId: string;
  roles: string[];
  brands: string[];
  department: string | null;
  employeeId: string | null;
  view: string;
  /** the server's business date (yyyy-MM-dd): never the browser's, the API's clock is settable */
  today: string;
  now: string;
}

export function toMe(m: Schemas['Api.Dashboard.Me']): Me {
  return {
    userId: m.userId ?? '',
    roles: m.roles ?? [],
    brands: m.brands ?? [],
    department: m.department ?? null,
    employeeId: m.employeeId ?? null,
    view: m.view ?? 'employee',
    today: m.today ?? '',
    now: m.now ?? '',
  };
}

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

export const has = (me: Me, ...roles: string[]) => roles.some((r) => me.roles.includes(r));

export const landingRoute = (me: Me) =>
  me.view === 'department' ? '/department' : me.view === 'employee' ? '/me' : '/group';
