import type { PageRoute } from '../../shared/routes';

/** The portal's voting pages (see apps/web/README.md for who owns which path). */
export const votingRoutes: PageRoute[] = [];
