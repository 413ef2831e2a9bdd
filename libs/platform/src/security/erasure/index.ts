export * from './personal-data-keys.js';
export * from './submitter-erasure.events.js';
export * from './submitter-erasure.errors.js';
export * from './erase-contact-details.command.js';
export * from './erasure.module.js';
