import type { PageRoute } from '../../common/routes';
import { AdmissionPage } from './admission';
import { ModerationPage } from './moderation';
import { NewBudgetPage } from './new-budget';
import { NewRoundPage } from './new-round';
import { PlanReviewPage, ReviewQueuePage } from './review';
import { RoundPage } from './round';
import { RoundsOverviewPage } from './rounds';

/** The back office's setup pages (see apps/web/README.md for who owns which path). */
export const setupRoutes: PageRoute[] = [
  { path: '/', element: <RoundsOverviewPage /> },
  { path: '/budgetten/nieuw', element: <NewBudgetPage /> },
  { path: '/rondes/nieuw', element: <NewRoundPage /> },
  { path: '/rondes/:roundId', element: <RoundPage /> },
  { path: '/rondes/:roundId/moderatie', element: <ModerationPage /> },
  { path: '/rondes/:roundId/beoordeling', element: <ReviewQueuePage /> },
  { path: '/plannen/:proposalId/beoordeling', element: <PlanReviewPage /> },
  { path: '/rondes/:roundId/toelating', element: <AdmissionPage /> },
];
