import type { PageRoute } from '../../common/routes';
import { BallotBoxPage } from './ballot-box';
import { CountPage } from './count';
import { PaperPage } from './paper';
import { RecordPage } from './record';
import { TimelinePage } from './timeline';
import { TurnoutPage } from './turnout';
import './voting.css';

/** The back office's voting pages (see apps/web/README.md for who owns which path). */
export const votingRoutes: PageRoute[] = [
  { path: '/rondes/:roundId/stembus', element: <BallotBoxPage />, guarded: true },
  { path: '/rondes/:roundId/papier', element: <PaperPage />, guarded: true },
  { path: '/rondes/:roundId/telling', element: <CountPage />, guarded: true },
  { path: '/rondes/:roundId/opkomst', element: <TurnoutPage />, guarded: true },
  { path: '/rondes/:roundId/proces-verbaal', element: <RecordPage />, guarded: true },
  { path: '/rondes/:roundId/tijdlijn', element: <TimelinePage />, guarded: true },
];
