// Scripts: timed commands for scenarios, lessons and the headless runner. Task IDs are random,
// so a script names a task by what it is — "a running task of service web", "the standalone
// task of family report" — and the selector is resolved when the step runs.
//
// Script files are untrusted input (a file, a share link): scriptParse.ts checks every field of one
// and says exactly what is wrong, and nothing runs until the whole script is valid.

import { nextInt } from './rng.ts';
import { byCreation } from './world.ts';
import type { Command, ScriptCommand, Task, TaskSelector, World } from './model/index.ts';

export function describeSelector(s: TaskSelector): string {
  const what = s.standalone ? 'standalone task' : 'task';
  const of = [s.service && `of service ${s.service}`, s.family && `of family ${s.family}`].filter(Boolean).join(' ');
  return `a ${(s.lastStatus ?? 'RUNNING')} ${what}${of ? ` ${of}` : ''}`;
}

export function selectTasks(world: World, s: TaskSelector): Task[] {
  const status = s.lastStatus ?? 'RUNNING';
  return [...world.tasks.values()]
    .filter(
      (t) =>
        t.lastStatus === status &&
        (status === 'STOPPED' || t.desiredStatus === 'RUNNING') &&
        (s.service === undefined || t.serviceName === s.service) &&
        (s.family === undefined || t.family === s.family) &&
        (s.standalone === undefined || (t.serviceName === undefined) === s.standalone),
    )
    .sort(byCreation);
}

export function resolveScriptCommand(world: World, command: ScriptCommand): { command: Command } | { error: { code: 'InvalidParameterException'; message: string } } {
  if (!('task' in command) || typeof command.task === 'string') return { command: command as Command };
  const selector = command.task;
  const matches = selectTasks(world, selector);
  if (matches.length === 0) return { error: { code: 'InvalidParameterException', message: `No task matches the script's selector: ${describeSelector(selector)}.` } };
  const pick = selector.pick ?? 'oldest';
  const task = pick === 'oldest' ? matches[0]! : pick === 'newest' ? matches[matches.length - 1]! : matches[nextInt(world.rng, matches.length)]!;
  return { command: { ...command, task: task.taskArn } as Command };
}

// ---- Parsing untrusted scripts ------------------------------------------------------------------
