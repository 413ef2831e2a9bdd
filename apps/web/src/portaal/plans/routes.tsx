import type { PageRoute } from '../../shared/routes';

/** The portal's plans pages (see apps/web/README.md for who owns which path). */
export const plansRoutes: PageRoute[] = [];
