import type { PageRoute } from '../../shared/routes';

/** The back office's voting pages (see apps/web/README.md for who owns which path). */
export const votingRoutes: PageRoute[] = [];
