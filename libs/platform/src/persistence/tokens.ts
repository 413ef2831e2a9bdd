/** DI token of the EventStore port. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** DI token of the clock: `{ now(): Date }`. */
export const CLOCK = Symbol('CLOCK');
/** DI token of the id generator: `{ newId(): string }`. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
