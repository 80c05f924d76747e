// The engine's second public surface: the register-task-definition JSON in and out
// (taskDefinitionJson.ts). Apart from index.ts so that the first screen, which needs none of it,
// does not load it: the JSON editor, the task definition inspector and the CLI import it from here.

export * from './taskDefinitionJson.ts';
