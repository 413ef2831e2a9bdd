import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1767225600000-read-models.js';

/** Standing ballots per round and age band (ballots record the participant's age band from the roll). */
export class TurnoutAgeBand1767225900000 implements MigrationInterface {
  name = 'TurnoutAgeBand1767225900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
CREATE TABLE ${s}.turnout_ballots_age (
  round_id text NOT NULL,
  age_band text NOT NULL,
  tenant   text NOT NULL,
  ballots  integer NOT NULL,
  PRIMARY KEY (round_id, age_band)
);
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.turnout_ballots_age`);
  }
}
