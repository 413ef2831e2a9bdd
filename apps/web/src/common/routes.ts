import type { ReactNode } from 'react';

/** One page of a front end: its path under the front end's prefix, and whether it needs a signed-in user. */
export interface PageRoute {
  path: string;
  element: ReactNode;
  /** Back office: a staff token is required (the page sends others to sign in). */
  guarded?: boolean;
}
