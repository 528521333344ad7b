export * from './organization.ts';
export * from './members.ts';
export * from './dues.ts';
export * from './transfers.ts';
export * from './audit.ts';
export * from './outbox.ts';
export * from './jobs.ts';
export * from './calendar.ts';
