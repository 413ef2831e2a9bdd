import type { Workload, WorkloadApi } from './workload.js';

/** Ballots over HTTP: filled in once the voting endpoints land (libs/voting). */
export async function ballotWorkload(api: WorkloadApi): Promise<Workload> {
  throw new Error(`the ballot workload is not written yet (api at ${api.url})`);
}
