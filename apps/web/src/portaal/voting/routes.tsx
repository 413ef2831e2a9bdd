import './voting.css';
import type { PageRoute } from '../../common/routes';
import { BallotPage } from './ballot';
import { ConfirmationPage, ReceiptCheckPage } from './receipt';
import { ResultPage } from './result';
import { ProviderReturnPage, VoterSignInPage } from './sign-in';

/** The portal's voting pages (see apps/web/README.md for who owns which path). */
export const votingRoutes: PageRoute[] = [
  { path: '/rondes/:roundId/aanmelden', element: <VoterSignInPage /> },
  { path: '/aanmelden/terug', element: <ProviderReturnPage /> },
  { path: '/rondes/:roundId/stemmen', element: <BallotPage /> },
  { path: '/rondes/:roundId/bevestiging', element: <ConfirmationPage /> },
  { path: '/rondes/:roundId/ontvangstbewijs', element: <ReceiptCheckPage /> },
  { path: '/rondes/:roundId/uitslag', element: <ResultPage /> },
];
