import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '../http/http.js';
import { ReadModelsService } from '../http/read-models.service.js';
import { type PublicRoundView, turnoutFigures } from '../public-page/public-round.view.js';

export type RoundTurnout = {
  roundId: string;
  phase: string;
  liveCount: { planId: string; ballots: number; points: number }[];
  /** Voter sign-ins recorded in the round (by code or resident sign-in), and when the round key was destroyed. */
  signIns: number;
  keyDestroyedAt: string | null;
} & NonNullable<PublicRoundView['turnout']>;

/** Turnout, representativeness and the live count of one round (staff: interim counts included). */
export class GetRoundTurnout extends Query<RoundTurnout> {
  constructor(
    readonly tenant: string,
    readonly roundId: string,
  ) {
    super();
  }
}

@QueryHandler(GetRoundTurnout)
export class GetRoundTurnoutHandler implements IQueryHandler<GetRoundTurnout, RoundTurnout> {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute({ tenant, roundId }: GetRoundTurnout): Promise<RoundTurnout> {
    const db = await this.readModels.db();
    const body = await db.read(async (m) => {
      const s = db.schema;
      const [box] = await m.query<{ eligible: number; phase: string; sign_ins: number; key_destroyed_at: Date | string | null }[]>(
        `SELECT eligible, phase, sign_ins, key_destroyed_at FROM ${s}.ballot_box WHERE round_id = $1 AND tenant = $2`,
        [roundId, tenant],
      );
      if (!box) return null;
      const ballots = await m.query<{ area: string; channel: string; ballots: number }[]>(`SELECT area, channel, ballots FROM ${s}.turnout_ballots WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      const roll = await m.query<{ area: string; age_band: string; eligible: number }[]>(`SELECT area, age_band, eligible FROM ${s}.turnout_roll WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      const ages = await m.query<{ age_band: string; ballots: number }[]>(`SELECT age_band, ballots FROM ${s}.turnout_ballots_age WHERE round_id = $1 AND tenant = $2`, [roundId, tenant]);
      const population = await m.query<{ area_code: string; age_band: string; population: number; source: string }[]>(
        `SELECT area_code, age_band, population, source FROM ${s}.population_reference WHERE tenant = $1`,
        [tenant],
      );
      const live = await m.query<{ plan_id: string; ballots: number; points: number }[]>(`SELECT plan_id, ballots, points FROM ${s}.live_count WHERE round_id = $1 AND tenant = $2 ORDER BY ballots DESC, plan_id`, [
        roundId,
        tenant,
      ]);
      const keyDestroyedAt = box.key_destroyed_at === null ? null : new Date(box.key_destroyed_at).toISOString();
      return {
        roundId,
        phase: box.phase,
        ...turnoutFigures(ballots, roll, population, box.eligible, ages),
        liveCount: live.map((l) => ({ planId: l.plan_id, ballots: l.ballots, points: l.points })),
        signIns: Number(box.sign_ins),
        keyDestroyedAt,
      };
    });
    if (!body) notFound('ballot box', roundId);
    return body;
  }
}
