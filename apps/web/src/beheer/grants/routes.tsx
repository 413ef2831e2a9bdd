import type { PageRoute } from '../../common/routes';
import { ApplicationsPage } from './applications';
import { DecisionPage } from './decision';
import { PlanImplementationPage, RoundImplementationPage } from './implementation';

/** The back office's grants pages (see apps/web/README.md for who owns which path). */
export const grantsRoutes: PageRoute[] = [
  { path: '/rondes/:roundId/aanvragen', element: <ApplicationsPage /> },
  { path: '/plannen/:proposalId/beschikking', element: <DecisionPage /> },
  { path: '/rondes/:roundId/uitvoering', element: <RoundImplementationPage /> },
  { path: '/plannen/:proposalId/uitvoering', element: <PlanImplementationPage /> },
];
