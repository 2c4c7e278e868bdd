import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, Redirect, Route, Router, Switch, useLocation, type BaseLocationHook } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { api, unwrap } from './api/client';
import { signOut, useToken } from './auth';
import { label, t, toggleLang, useLang } from './i18n';
import { roles } from './labels';
import { has, landingRoute, MeContext, toMe, useMe } from './session';
import { ProblemView } from './components/Problem';
import { decodeSegment, ErrorBoundary } from './components/ErrorBoundary';
import { SignIn } from './views/SignIn';
import { DepartmentView } from './views/DepartmentView';
import { CasePage } from './views/CasePage';
import { EmployeePage, MyPage } from './views/EmployeeView';

// The group view carries the charts (ECharts): loaded only when opened, so a phone's first load stays small.
const GroupView = lazy(() => import('./views/GroupView'));

// Hash routes with a query inside the hash (#/group?focus=…): the path routes, the rest is the search.
const useHashPath: BaseLocationHook = () => {
  const [location, navigate] = useHashLocation();
  return [location.split('?')[0], navigate];
};
const useHashSearch = () => {
  const [location] = useHashLocation();
  const i = location.indexOf('?');
  return i < 0 ? '' : location.slice(i + 1);
};

export function App() {
  useLang(); // every label re-renders in the language chosen
  const token = useToken();
  return (
    <Router hook={useHashPath} searchHook={useHashSearch} hrefs={(href) => `#${href}`}>
      {token ? <SignedIn /> : <SignIn />}
    </Router>
  );
}

function SignedIn() {
  // Asked again every few minutes: "today" comes from the API's clock and a tab may stay open past midnight.
  const me = useQuery({ queryKey: ['me'], queryFn: async () => toMe(await unwrap(api.GET('/api/me'))), refetchInterval: 5 * 60_000 });
  if (me.isPending) return <p className="muted page">{t('loading')}</p>;
  if (me.isError)
    return (
      <div className="page">
        <ProblemView error={me.error} />
        <button type="button" data-testid="sign-out" onClick={signOut}>
          {t('signOut')}
        </button>
      </div>
    );
  return (
    <MeContext.Provider value={me.data}>
      <Header />
      <main className="page">
        <RouteBoundary>
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            <Routes />
          </Suspense>
        </RouteBoundary>
      </main>
    </MeContext.Provider>
  );
}

function RouteBoundary({ children }: { children: ReactNode }) {
  const [path] = useHashPath();
  return <ErrorBoundary key={path}>{children}</ErrorBoundary>;
}

function Routes() {
  const me = useMe();
  return (
    <Switch>
      <Route path="/group" component={GroupView} />
      <Route path="/department" component={DepartmentView} />
      <Route path="/me" component={MyPage} />
      <Route path="/cases/:caseId">{(p) => <CasePage key={p.caseId} caseId={decodeSegment(p.caseId)} />}</Route>
      <Route path="/employees/:employeeId">
        {(p) => <EmployeePage key={p.employeeId} employeeId={decodeSegment(p.employeeId)} />}
      </Route>
      <Route>
        <Redirect to={landingRoute(me)} replace />
      </Route>
    </Switch>
  );
}

function Header() {
  const me = useMe();
  const [location] = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location]);
  const links: [string, string][] = [];
  if (has(me, 'hr', 'admin', 'auditor')) links.push(['/group', t('groupView')]);
  if (has(me, 'hr', 'admin', 'manager')) links.push(['/department', t('departmentView')]);
  if (me.employeeId) links.push(['/me', t('myView')]);
  return (
    <header className="top">
      <strong className="brand">{t('appName')}</strong>
      <nav>
        {links.map(([href, text]) => (
          <Link key={href} href={href} className={location === href ? 'active' : undefined} aria-current={location === href ? 'page' : undefined}>
            {text}
          </Link>
        ))}
      </nav>
      <span className="who" data-testid="user">
        <span data-testid="user-id">{me.userId}</span> · <span data-testid="user-roles">{me.roles.map((r) => label(roles, r)).join(', ')}</span>
      </span>
      <button type="button" className="secondary small" data-testid="lang-toggle" onClick={toggleLang}>
        {t('langButton')}
      </button>
      <button type="button" className="secondary small" data-testid="sign-out" onClick={signOut}>
        {t('signOut')}
      </button>
    </header>
  );
}
