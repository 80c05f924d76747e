// The engine's floor: the vocabulary every other module of src/sim speaks — entities, commands,
// scripts, events and timers. Types only, and nothing here imports from outside this folder, so
// the mechanics above can depend on it without depending on each other.

export type * from './entities.ts';
export type * from './commands.ts';
export type * from './events.ts';
export type * from './timers.ts';
export type * from './world.ts';
export type * from './logs.ts';
export type * from './scheduleExpression.ts';
