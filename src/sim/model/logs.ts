// Container logs (issue 12, spec §2.5 logConfiguration): what the awslogs driver ships to
// CloudWatch Logs — log events in log streams, one stream per container of a task, grouped in
// the log group the container's options name. Field names are CloudWatch Logs' own
// (OutputLogEvent, LogStream in DescribeLogStreams).
//
// Like every entity, a stream is replaced, never edited: a checkpoint shares them, and a seek back
// shows each stream as it was at that moment. Its lines sit in chunks that are never edited
// either, so appending a line copies one small chunk, not the whole stream.

import type { Millis } from './entities.ts';

/** One line a container wrote (OutputLogEvent): when, in sim ms, and the text. */
export type LogEvent = { readonly timestamp: Millis; readonly message: string };

/** What the log writer has already written for a stream's container, so that each change in it
 *  is written once: its runs (1 + restarts in place), the signals and faults it has met, and the
 *  requests it had served (and when) when access lines were last sampled. Sim bookkeeping. */
export type LogCursor = {
  readonly runs: number;
  /** When the current run started (its start, or its last restart in place). */
  readonly runStartedAt: Millis;
  readonly signalled: boolean;
  readonly failing: boolean;
  readonly served: number;
  /** When access lines were last sampled. */
  readonly sampledAt: Millis;
};

/** How the container's last run ended, as ECS reports it (exitCode, reason) — which is not in the
 *  log: an OOM kill or a SIGKILL leaves the log simply stopping. Kept with the stream, so it is
 *  still there once ECS has forgotten the task. */
export type LogStreamExit = { readonly at: Millis; readonly exitCode: number | null; readonly reason?: string };

export type LogStream = {
  readonly logGroupName: string;
  /** awslogs on Fargate: `<awslogs-stream-prefix>/<container name>/<task ID>`. */
  readonly logStreamName: string;
  /** The awslogs-region option: where the group lives. */
  readonly region: string;
  readonly taskArn: string;
  readonly taskId: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  /** When the container first started: the awslogs driver creates the stream then. */
  readonly creationTime: Millis;
  readonly firstEventTimestamp: Millis | null;
  readonly lastEventTimestamp: Millis | null;
  /** Lines written since the stream was created. */
  readonly written: number;
  /** Of those, the oldest ones the playground no longer keeps (it keeps the last MAX_LOG_LINES). */
  readonly dropped: number;
  /** The kept lines, oldest first: full chunks, then the chunk being filled; the first `skip`
   *  lines of the first chunk are dropped ones. Shared between checkpoints; never edited. */
  readonly chunks: readonly (readonly LogEvent[])[];
  readonly tail: readonly LogEvent[];
  readonly skip: number;
  readonly cursor: LogCursor;
  /** Set once the container has stopped for good. */
  readonly exit?: LogStreamExit;
};

/** The streams of one task, one per container with awslogs that has started, in the order they
 *  started. `stoppedAt`: when the task reached STOPPED (its streams are final; the oldest stopped
 *  tasks' streams are the first to go when there are too many). */
export type TaskLogs = { readonly taskArn: string; readonly taskId: string; readonly streams: readonly LogStream[]; readonly stoppedAt?: Millis };

/** Every stream kept, by task ARN. Outlives the tasks: ECS forgets a task an hour after it
 *  stopped, CloudWatch keeps its logs. The Map and the counts change as the engine runs (a
 *  checkpoint copies them); the TaskLogs in it are replaced. */
export type LogStore = {
  byTask: Map<string, TaskLogs>;
  /** Streams kept in all (at most MAX_LOG_STREAMS). */
  streams: number;
  /** Streams let go to stay under that bound, oldest stopped tasks' first. */
  deletedStreams: number;
};
