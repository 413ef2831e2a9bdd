/** DI token: extra readiness checks (projection lag, …) contributed by other modules. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessCheck {
  name: string;
  check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}
