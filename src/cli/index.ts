// The aws CLI's public surface: the terminal panel, "Show me the API" and the headless entry point
// import from here and nowhere deeper. Pure like src/session: it reaches the engine through
// src/sim/index.ts and src/sim/json.ts only, and draws nothing from the world's RNG but what the
// engine's own commands draw.

export { runCli } from './run.ts';
export type { CliResult } from './format.ts';
export type { CliHost } from './context.ts';
export { complete, type Completion } from './complete.ts';
export { cliOf, shellWord, type CliEquivalent } from './cliOf.ts';
export { shellScript, type ShellScriptInput, type ScriptLogEntry } from './script.ts';
export { SUPPORTED_COMMANDS } from './ops.ts';
export { playgroundSubnets } from './shapes.ts';
