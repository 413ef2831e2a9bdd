import type { PageRoute } from '../../shared/routes';

/** The back office's grants pages (see apps/web/README.md for who owns which path). */
export const grantsRoutes: PageRoute[] = [];
