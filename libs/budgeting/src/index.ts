export * from './budget/budget.events.js';
export * from './budget/budget.state.js';
export * from './budget/budget.errors.js';
export * from './budget/budget.decider.js';
export * from './budget/budget.read.js';
export * from './budget.module.js';
