import { Route, Routes, useParams } from 'react-router';
import { Shell } from '../common/layout';
import { useT } from '../common/i18n';
import { portalTexts } from './messages';
import { HomePage } from './pages/home';
import { RoundPage } from './pages/round';
import { NotFoundPage } from './pages/not-found';
import { plansRoutes } from './plans/routes';
import { votingRoutes } from './voting/routes';

/** The residents' portal: every page lives under /portaal/ (one route list; each page in pages/). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Frame><HomePage /></Frame>} />
      {[...plansRoutes, ...votingRoutes].map((route) => (
        <Route key={route.path} path={route.path} element={<Frame>{route.element}</Frame>} />
      ))}
      {plansRoutes.some((route) => route.path === '/rondes/:roundId') ? null : <Route path="/rondes/:roundId" element={<Frame><RoundPage /></Frame>} />}
      <Route path="*" element={<Frame><NotFoundPage /></Frame>} />
    </Routes>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  const t = useT(portalTexts);
  const { roundId } = useParams();
  const nav = roundId ? [{ to: `/rondes/${roundId}`, label: t('nav.round') }] : [{ to: '/', label: t('nav.home') }];
  return (
    <Shell appName={t('app')} nav={nav}>
      {children}
    </Shell>
  );
}
