// The engine's second public surface, for what comes from outside: the register-task-definition
// JSON in and out (taskDefinitionJson.ts), and the parsers of script files and recorded commands
// (scriptParse.ts). Apart from index.ts so that the first screen, which needs none of it, does not
// load it: the JSON editor, the task definition inspector, the CLI, the link codec and the
// headless runner import it from here.

export * from './taskDefinitionJson.ts';
export { parseScript, parseCommand, COMMAND_FIELDS, type ParseResult } from './scriptParse.ts';
