export { AdvisoryLock, InProcessLock, type RunnerLock as ProjectionLock } from '@lib/platform';
