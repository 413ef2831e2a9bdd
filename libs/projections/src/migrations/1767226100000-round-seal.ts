import type { Migration } from '@lib/event-store';

/** Every seal of a round (`RoundSealed`), for the public page: digest, position, time, phase change and the store-wide chain's head. */
export const roundSeal: Migration = {
  version: 1767226100000,
  name: 'round seal',
  sql: `
CREATE TABLE {{schema}}.round_seal (
  round_id          text NOT NULL,
  revision          bigint NOT NULL,
  tenant            text NOT NULL,
  digest            text NOT NULL,
  up_to             text NOT NULL,
  streams           integer NOT NULL,
  events            integer NOT NULL,
  sealed_at         timestamptz NOT NULL,
  phase             text,
  chain_link        integer,
  chain_up_to       text,
  chain_digest      text,
  PRIMARY KEY (round_id, revision)
);
`,
};
