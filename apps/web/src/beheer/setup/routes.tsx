import type { PageRoute } from '../../shared/routes';

/** The back office's setup pages (see apps/web/README.md for who owns which path). */
export const setupRoutes: PageRoute[] = [];
