import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1767225600000-read-models.js';

/** What each committed batch touched (projection, municipality, round/budget/plan ids), for the live feed; kept an hour. */
export class ProjectionChange1767225800000 implements MigrationInterface {
  name = 'ProjectionChange1767225800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
CREATE TABLE ${s}.projection_change (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  projection     text NOT NULL,
  tenant         text NOT NULL,
  round_ids      jsonb NOT NULL,
  budget_ids     jsonb NOT NULL,
  plan_ids       jsonb NOT NULL,
  more           boolean NOT NULL,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projection_change_position_idx ON ${s}.projection_change (transaction_id, seq);
CREATE INDEX projection_change_at_idx ON ${s}.projection_change (at);
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.projection_change`);
  }
}
