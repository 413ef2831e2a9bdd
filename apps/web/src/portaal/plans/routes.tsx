import type { PageRoute } from '../../common/routes';
import { MyPlanPage } from './my-plan';
import { MyPlansPage } from './my-plans';
import { NewPlanPage } from './new-plan';
import { PlanPage } from './plan';
import { RoundPlansPage } from './round-plans';

/** The portal's plans pages (see apps/web/README.md for who owns which path). */
export const plansRoutes: PageRoute[] = [
  { path: '/rondes/:roundId', element: <RoundPlansPage /> },
  { path: '/rondes/:roundId/plannen/:proposalId', element: <PlanPage /> },
  { path: '/rondes/:roundId/mijn-plannen', element: <MyPlansPage /> },
  { path: '/rondes/:roundId/mijn-plannen/nieuw', element: <NewPlanPage /> },
  { path: '/rondes/:roundId/mijn-plannen/:proposalId', element: <MyPlanPage /> },
];
