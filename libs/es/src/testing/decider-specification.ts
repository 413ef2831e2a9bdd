import { expect } from '@jest/globals';
import type { Decider } from '../decider.js';
import { DomainError } from '../domain-error.js';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * Given events / When command / Then events or error, for a decider.
 * `DeciderSpecification.for(decider)({ given, when, then })`.
 */
export const DeciderSpecification = {
  for<Command, State, Event>(decider: Decider<Command, State, Event>) {
    return (given: Event[]) => ({
      when: (command: Command) => {
        const run = () => {
          let state = decider.initialState();
          for (const event of given) state = decider.evolve(state, event);
          return decider.decide(command, state);
        };
        return {
          then: (expected: Event[]) => {
            expect(run()).toEqual(expected);
          },
          thenThrows: (errorClass: ErrorClass, code?: string) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            if (code !== undefined) expect((thrown as DomainError).code).toBe(code);
            return thrown as DomainError;
          },
        };
      },
    });
  },
};
