import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useT } from '../common/i18n';
import { Shell } from '../common/layout';
import { STAFF, tokens } from '../common/session';
import { backOfficeTexts } from './messages';
import { RoundsPage } from './pages/rounds';
import { SignInCallbackPage, SignInPage } from './pages/sign-in';
import { NotFoundPage } from './pages/not-found';
import { grantsRoutes } from './grants/routes';
import { setupRoutes } from './setup/routes';
import { StaffBar } from './setup/staff-bar';
import { votingRoutes } from './voting/routes';

/** The back office: every page under /beheer/; every page but sign-in needs a staff token. */
export function BackOfficeRoutes() {
  return (
    <Routes>
      <Route path="/aanmelden" element={<Frame><SignInPage /></Frame>} />
      <Route path="/aanmelden/terug" element={<Frame><SignInCallbackPage /></Frame>} />
      {[...setupRoutes, ...votingRoutes, ...grantsRoutes].map((route) => (
        <Route key={route.path} path={route.path} element={route.guarded === false ? <Frame>{route.element}</Frame> : <Guarded>{route.element}</Guarded>} />
      ))}
      {setupRoutes.some((route) => route.path === '/') ? null : <Route path="/" element={<Guarded><RoundsPage /></Guarded>} />}
      <Route path="*" element={<Frame><NotFoundPage /></Frame>} />
    </Routes>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const t = useT(backOfficeTexts);
  const signedIn = tokens.get(STAFF) !== null;
  return (
    <Shell appName={t('app')} nav={signedIn ? [{ to: '/', label: t('nav.rounds') }] : []}>
      {signedIn ? <StaffBar /> : null}
      {children}
    </Shell>
  );
}

/** A page for signed-in staff only: others go to the sign-in page, and come back here after it. */
export function Guarded({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (tokens.get(STAFF) === null) return <Navigate to={`/aanmelden?terug=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Frame>{children}</Frame>;
}
