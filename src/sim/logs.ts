// Container logs (issue 12; spec §2.5 logConfiguration, §3.5–3.6): what each container with the
// awslogs driver writes to CloudWatch Logs, in a stream named as awslogs names it on Fargate,
// `<awslogs-stream-prefix>/<container name>/<task ID>`, in the group `awslogs-group`.
//
// The lines are derived from what the engine already does — a container starting, a restart in
// place, SIGTERM, an exit and its code, a health check, the requests a task served — and written
// after each command and timer (`writeLogs`, the engine's one hook). Nothing here draws from the
// world's RNG (that would shift every existing scene's events and break saved links): what varies
// (a client's address, a browser) comes from a hash of ids and counts, as image digests do.
//
// What the log does NOT say is part of the lesson: an OOM kill and a SIGKILL leave the log simply
// stopping — the kernel killed the process, which wrote nothing — and ECS's own reason
// (exitCode 137, "OutOfMemoryError: …") is in DescribeTasks, not in the log. A stopped task's
// stoppedReason is ECS's too. And an app that ignores SIGTERM says nothing about it.
//
// Restart in place (restartPolicy): the log continues in the SAME stream. The agent restarts the
// same container (amazon-ecs-agent, agent/engine/task_manager.go handleContainerChange: on a
// restartable exit it calls startContainer on that container and returns before the stop
// workflow), and the stream's name depends only on the prefix, the container's name and the task
// ID, none of which change.
//
// Requests are not events (200 a second would be millions a day), so access lines are sampled:
// when a task's load balancer health-checks it, and when its container signals or stops, the
// requests it served since the last sample are written as at most one line per 5 s. Cheap: a
// counter compared, a few lines written, every 30 s per task.
//
// Memory is bounded: the last MAX_LOG_LINES lines per stream (each stream counts what it
// dropped) and MAX_LOG_STREAMS streams (the oldest stopped tasks' streams go first).

import { isoTimestamp, SECOND } from './time.ts';
import type { Step } from './events.ts';
import type {
  Container,
  ContainerDefinition,
  LogConfiguration,
  LogCursor,
  LogEvent,
  LogStream,
  Millis,
  ScriptCommand,
  Task,
  TaskLogs,
  Timer,
  World,
} from './model/index.ts';

/** Lines kept per stream: the oldest go first, and the stream counts them. */
export const MAX_LOG_LINES = 1000;
/** Streams kept in all: the oldest stopped tasks' streams go first. */
export const MAX_LOG_STREAMS = 200;
/** At most one access line per this long per task: requests are sampled, not each written. */
export const ACCESS_SAMPLE_EVERY = 5 * SECOND;
/** Lines per chunk: appending copies one chunk of at most this many (and, when one fills, the
 *  list of ≤ 32 chunks), whatever the stream's length. */
const CHUNK = 32;

/** What a command or timer was, for the lines that depend on it (a health check, a restart's exit). */
export type LogCause = { timer: Timer } | { command: ScriptCommand };

// ---- Names and options -------------------------------------------------------------------------

/** A log option, read as untrusted: only the task definition's own option of that name. */
export const logOption = (lc: LogConfiguration, name: string): string | undefined =>
  Object.hasOwn(lc.options, name) && typeof lc.options[name] === 'string' ? lc.options[name] : undefined;

/** The stream awslogs writes a container's output to on Fargate (spec §2.5; AWS's prescriptive
 *  guidance: `<awslogs-stream-prefix>/<container_name>/<task_id>`). */
export const awslogsStreamName = (prefix: string | undefined, containerName: string, taskId: string) =>
  prefix ? `${prefix}/${containerName}/${taskId}` : `${containerName}/${taskId}`;

// ---- The engine's hook ---------------------------------------------------------------------------

/**
 * After a command or a timer: write what the containers it touched said. A task is touched when
 * an event since `from` names it, or the timer is about it; a command may restart or fault a
 * container without any event, so it touches every task still logging.
 */
export function writeLogs(step: Step, from: number, cause: LogCause): void {
  const { world } = step;
  const store = world.logs;
  if (store.byTask.size === 0 && from === step.events.length) return; // the common case in a world without awslogs
  let touched: Set<string> | undefined;
  const touch = (taskArn: string) => (touched ??= new Set()).add(taskArn);
  for (let i = from; i < step.events.length; i++) {
    const e = step.events[i]!;
    if (!('taskArn' in e)) continue;
    if (store.byTask.has(e.taskArn) || (e.type === 'ContainerStateChanged' && e.lastStatus === 'RUNNING')) touch(e.taskArn);
  }
  const command = 'command' in cause ? cause.command : cause.timer.kind === 'command' ? cause.timer.command : undefined;
  if (command) {
    for (const [taskArn, logs] of store.byTask) if (logs.stoppedAt === undefined) touch(taskArn);
  } else if ('timer' in cause && 'taskArn' in cause.timer && store.byTask.has(cause.timer.taskArn)) touch(cause.timer.taskArn);
  if (!touched) return;
  for (const taskArn of touched) syncTask(world, taskArn, cause);
  while (store.streams > MAX_LOG_STREAMS && evictOne(world)) {
    /* the oldest stopped task's streams are gone */
  }
}

/** Bring a task's streams up to date with its containers. */
function syncTask(world: World, taskArn: string, cause: LogCause): void {
  const task = world.tasks.get(taskArn);
  const logs = world.logs.byTask.get(taskArn);
  if (!task || logs?.stoppedAt !== undefined) return; // gone from ECS, or final: the logs stay as they are
  const td = world.taskDefinitions.get(task.taskDefinitionArn);
  if (!td) return;
  let streams = logs?.streams ?? [];
  let changed = false;
  for (const c of task.containers) {
    const def = td.containerDefinitions.find((d) => d.name === c.name);
    if (!def) continue;
    const i = streams.findIndex((s) => s.containerName === c.name);
    const stream = i >= 0 ? streams[i]! : openStream(world, task, c, def);
    if (!stream) continue;
    const next = follow(world, task, c, def, stream, cause);
    if (i >= 0 && next === stream) continue;
    streams = i >= 0 ? streams.map((s, j) => (j === i ? next : s)) : [...streams, next];
    if (i < 0) world.logs.streams++;
    changed = true;
  }
  const stopped = task.lastStatus === 'STOPPED';
  if (!changed && !(stopped && logs)) return;
  world.logs.byTask.set(taskArn, { taskArn, taskId: task.taskId, streams, ...(stopped ? { stoppedAt: task.stoppedAt ?? world.now } : {}) });
}

/** The awslogs driver creates a container's stream when the container starts; one that never
 *  started (its dependency failed, its image never pulled) has none. A stream is opened only in
 *  the step its container starts, so one let go to stay under MAX_LOG_STREAMS never comes back. */
function openStream(world: World, task: Task, c: Container, def: ContainerDefinition): LogStream | null {
  const lc = def.logConfiguration;
  if (!lc || c.startedAt !== world.now) return null;
  const group = logOption(lc, 'awslogs-group');
  if (group === undefined) return null;
  return {
    logGroupName: group,
    logStreamName: awslogsStreamName(logOption(lc, 'awslogs-stream-prefix'), c.name, task.taskId),
    region: logOption(lc, 'awslogs-region') ?? world.config.region,
    taskArn: task.taskArn,
    taskId: task.taskId,
    taskDefinitionArn: task.taskDefinitionArn,
    containerName: c.name,
    creationTime: world.now,
    firstEventTimestamp: null,
    lastEventTimestamp: null,
    written: 0,
    dropped: 0,
    chunks: [],
    tail: [],
    skip: 0,
    cursor: { runs: 0, runStartedAt: world.now, signalled: false, failing: false, served: 0, sampledAt: world.now },
  };
}

/** What the container said since the stream was last written: each change in it, once. */
function follow(world: World, task: Task, c: Container, def: ContainerDefinition, stream: LogStream, cause: LogCause): LogStream {
  if (stream.exit) return stream;
  const now = world.now;
  const app = appOf(world, def);
  const out: LogEvent[] = [];
  let last = stream.lastEventTimestamp ?? 0;
  const write = (at: Millis, messages: readonly string[]) => {
    const timestamp = Math.max(at, last);
    for (const message of messages) out.push({ timestamp, message });
    last = timestamp;
  };
  let cursor: LogCursor = stream.cursor;
  const sample = () => {
    const served = sampleRequests(world, task, c, app, cursor, last, write);
    if (served !== null && (served !== cursor.served || cursor.sampledAt !== now)) cursor = { ...cursor, served, sampledAt: now };
  };

  if (cursor.runs === 0) {
    write(c.startedAt ?? now, app.flavour.start(app, c.startedAt ?? now));
    cursor = { ...cursor, runs: 1, runStartedAt: c.startedAt ?? now };
  }
  // Restarted in place (restartPolicy): the run that ended, then the app starting over — in the same stream.
  const runs = 1 + (c.restartCount ?? 0);
  if (runs > cursor.runs) {
    const at = c.lastRestartAt ?? now;
    sample();
    const ended = restartedExit(cause, task, c, def);
    if (ended && !ended.oom) write(at, ended.code === 0 ? app.flavour.done(app, at) : app.flavour.crash(app, at, ended.code));
    write(at, app.flavour.start(app, at));
    cursor = { ...cursor, runs, runStartedAt: at, failing: false, signalled: false };
  }
  // The app starts failing (its own fault or an injected one): it says why, once. A hung app says nothing.
  if (c.failingHealthChecks && !c.hung && !cursor.failing && c.lastStatus === 'RUNNING') {
    write(now, app.flavour.failing(app, now));
    cursor = { ...cursor, failing: true };
  }
  // SIGTERM (spec §3.6): an app that honours it says so; one that ignores it says nothing, and is SIGKILLed.
  if (c.signalledAt !== undefined && !cursor.signalled) {
    sample();
    if (def.sigterm === 'exit') write(c.signalledAt, app.flavour.sigterm(app, c.signalledAt));
    cursor = { ...cursor, signalled: true };
  }
  if (c.lastStatus === 'RUNNING' && 'timer' in cause) checkLines(world, task, c, def, app, cause.timer, sample, write);

  let exit: LogStream['exit'];
  if (c.lastStatus === 'STOPPED') {
    sample();
    for (const [at, messages] of exitLines(app, c, cursor, now)) write(at, messages);
    exit = { at: now, exitCode: c.exitCode, ...(c.reason !== undefined ? { reason: c.reason } : {}) };
  }
  if (out.length === 0 && cursor === stream.cursor && !exit) return stream;
  return { ...append(stream, out), cursor, ...(exit ? { exit } : {}) };
}

/** How a run that was restarted in place ended: the app's own planned exit, or the fault that
 *  was injected (an OOM kill writes nothing). Undefined when the cause does not say. */
function restartedExit(cause: LogCause, task: Task, c: Container, def: ContainerDefinition): { code: number; oom: boolean } | undefined {
  if ('timer' in cause && cause.timer.kind === 'app' && cause.timer.taskArn === task.taskArn && cause.timer.container === c.name) {
    return def.app.kind === 'exit' || def.app.kind === 'crash' ? { code: def.app.exitCode, oom: false } : undefined;
  }
  const command = 'command' in cause ? cause.command : cause.timer.kind === 'command' ? cause.timer.command : undefined;
  if (command?.type === 'crashContainer') return { code: command.exitCode ?? 1, oom: false };
  if (command?.type === 'oomKillContainer') return { code: 137, oom: true };
  return undefined;
}

type Dated = [at: Millis, messages: readonly string[]];

/** The lines a stopped container's last run ends with. A job's progress comes first, dated
 *  through its run (the writer keeps the stream in order: a line is never dated before the last). */
function exitLines(app: App, c: Container, cursor: LogCursor, now: Millis): Dated[] {
  const code = c.exitCode;
  if (code === null || c.reason?.startsWith('OutOfMemoryError')) return []; // killed by the kernel: the log just stops
  if (cursor.signalled) return code === 137 ? [] : [[now, app.flavour.stopped(app, now)]]; // 137: SIGKILL at stopTimeout
  if (code === 137) return [];
  const progress = app.flavour.progress;
  const from = cursor.runStartedAt;
  const lines: Dated[] = app.job && progress ? [1, 2, 3].map((part): Dated => [from + Math.floor(((now - from) * part) / 4), [progress(app, part * 25)]]) : [];
  return [...lines, [now, code === 0 ? app.flavour.done(app, now) : app.flavour.crash(app, now, code)]];
}

/** The lines a health check leaves in the log of a web server: its request (curl from inside the
 *  task, or the load balancer's health checker). A failing app answers 500; a hung one never answers. */
function checkLines(world: World, task: Task, c: Container, def: ContainerDefinition, app: App, timer: Timer, sample: () => void, write: (at: Millis, m: readonly string[]) => void) {
  if (!app.flavour.access || c.hung) return;
  const status = c.failingHealthChecks ? 500 : 200;
  if (timer.kind === 'healthCheck' && timer.taskArn === task.taskArn && timer.container === c.name) {
    sample();
    const url = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?(\/\S*)?/.exec(def.healthCheck?.command.join(' ') ?? '');
    if (url) write(world.now, [app.flavour.access(app, world.now, { from: '127.0.0.1', path: url[1] ?? '/', status, agent: 'curl/8.5.0' })]);
  } else if (timer.kind === 'targetHealthCheck' && timer.taskArn === task.taskArn && targetContainer(world, task) === c.name) {
    const tg = world.targetGroups.get(timer.targetGroupArn);
    const target = tg?.targets.get(task.taskArn);
    if (!tg || !target || target.state === 'draining') return;
    sample();
    const from = albNode(world, tg.loadBalancerArn, hash(`${task.taskId}:${world.now}`));
    write(world.now, [app.flavour.access(app, world.now, { from, path: tg.healthCheck.path, status, agent: 'ELB-HealthChecker/2.0' })]);
  }
}

/** The container a task's load balancer sends requests to (its service's loadBalancers). */
function targetContainer(world: World, task: Task): string | undefined {
  return task.serviceName === undefined ? undefined : world.services.get(task.serviceName)?.loadBalancers[0]?.containerName;
}

/** The requests the task served since the last sample, as at most one access line per
 *  ACCESS_SAMPLE_EVERY, dated evenly since then. Sampled at each health check of the task (the
 *  container's and the load balancer's) and before it signals or stops. Returns the count now
 *  written for, or null for a container that serves no load balancer. */
function sampleRequests(world: World, task: Task, c: Container, app: App, cursor: LogCursor, last: Millis, write: (at: Millis, m: readonly string[]) => void): number | null {
  if (!app.flavour.access || targetContainer(world, task) !== c.name) return null; // not what the load balancer talks to
  const seen = cursor.served;
  const served = world.traffic.perTask.get(task.taskArn)?.served ?? 0;
  if (served <= seen) return seen;
  const lbArn = world.traffic.loadBalancerArn;
  const since = Math.max(cursor.sampledAt, last);
  const span = Math.max(0, world.now - since);
  const n = Math.min(served - seen, Math.max(1, Math.floor(span / ACCESS_SAMPLE_EVERY)));
  for (let k = 1; k <= n; k++) {
    const at = since + Math.floor((span * k) / (n + 1));
    const h = hash(`${task.taskId}:${seen + k}`);
    const from = lbArn ? albNode(world, lbArn, h) : '10.0.0.2';
    const client = `${['203.0.113', '198.51.100', '192.0.2'][h % 3]}.${1 + ((h >>> 2) % 254)}`;
    const agent = USER_AGENTS[(h >>> 10) % USER_AGENTS.length]!;
    write(at, [app.flavour.access(app, at, { from, path: '/', status: c.failingHealthChecks ? 500 : 200, agent, client })]);
  }
  return served;
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'python-requests/2.32.3',
];

/** A load balancer node's private address in one of the cluster's AZs (requests reach a task
 *  from the load balancer, not from the client, whose address is in X-Forwarded-For). */
function albNode(world: World, lbArn: string, h: number): string {
  const az = h % world.config.availabilityZones.length;
  const node = hash(`${lbArn}#${az}`);
  return `10.0.${(az + 1) * 16 + (node % 16)}.${1 + ((node >>> 4) % 254)}`;
}

/** 32 bits from a string (FNV-1a with a final mix): stable, not from the world's RNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

// ---- Storage: append-only, in chunks that are never edited ---------------------------------------

function append(stream: LogStream, lines: readonly LogEvent[]): LogStream {
  if (lines.length === 0) return stream;
  let { chunks, tail, skip, dropped } = stream;
  for (const line of lines) {
    tail = [...tail, line];
    if (tail.length === CHUNK) {
      chunks = [...chunks, tail];
      tail = [];
    }
  }
  let kept = chunks.length * CHUNK + tail.length - skip;
  while (kept > MAX_LOG_LINES) {
    // Drop the oldest lines; a chunk all of whose lines are dropped goes.
    const first = chunks[0]!;
    const excess = Math.min(kept - MAX_LOG_LINES, first.length - skip);
    skip += excess;
    dropped += excess;
    kept -= excess;
    if (skip === first.length) {
      chunks = chunks.slice(1);
      skip = 0;
    }
  }
  return {
    ...stream,
    chunks,
    tail,
    skip,
    dropped,
    written: stream.written + lines.length,
    firstEventTimestamp: stream.firstEventTimestamp ?? lines[0]!.timestamp,
    lastEventTimestamp: lines[lines.length - 1]!.timestamp,
  };
}

/** Let go of one task's streams: the task that stopped longest ago, or failing that (every task
 *  still running) the one whose streams are oldest. Never a stream's lines one by one. */
function evictOne(world: World): boolean {
  const store = world.logs;
  let victim: TaskLogs | undefined;
  for (const logs of store.byTask.values()) {
    if (logs.stoppedAt !== undefined && (victim?.stoppedAt === undefined || logs.stoppedAt < victim.stoppedAt)) victim = logs;
  }
  victim ??= store.byTask.values().next().value;
  if (!victim) return false;
  store.byTask.delete(victim.taskArn);
  store.streams -= victim.streams.length;
  store.deletedStreams += victim.streams.length;
  return true;
}

// ---- Reading (for views) -------------------------------------------------------------------------

/** A stream's kept lines, oldest first. */
export function logEvents(stream: LogStream): LogEvent[] {
  const lines: LogEvent[] = [];
  stream.chunks.forEach((chunk, i) => {
    for (let j = i === 0 ? stream.skip : 0; j < chunk.length; j++) lines.push(chunk[j]!);
  });
  const from = stream.chunks.length === 0 ? stream.skip : 0;
  for (let j = from; j < stream.tail.length; j++) lines.push(stream.tail[j]!);
  return lines;
}

export type LogGroup = { logGroupName: string; streams: LogStream[] };

/** Every log group with its streams, by name; in a group, the stream with the newest line first
 *  (as the console lists them). A Map: a group is a user's string ("__proto__" is just a name). */
export function logGroups(world: World): LogGroup[] {
  const groups = new Map<string, LogStream[]>();
  for (const logs of world.logs.byTask.values())
    for (const s of logs.streams) {
      const list = groups.get(s.logGroupName);
      if (list) list.push(s);
      else groups.set(s.logGroupName, [s]);
    }
  const newest = (s: LogStream) => s.lastEventTimestamp ?? s.creationTime;
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([logGroupName, streams]) => ({ logGroupName, streams: streams.sort((a, b) => newest(b) - newest(a) || (a.logStreamName < b.logStreamName ? -1 : 1)) }));
}

/** Where each container of a task logs, or why it has nothing to read. */
export type ContainerLogs =
  | { containerName: string; kind: 'stream'; stream: LogStream }
  | { containerName: string; kind: 'notStarted'; logGroupName: string; logStreamName: string }
  | { containerName: string; kind: 'none' };

export function containerLogs(world: World, task: Task): ContainerLogs[] {
  const td = world.taskDefinitions.get(task.taskDefinitionArn);
  const streams = world.logs.byTask.get(task.taskArn)?.streams ?? [];
  return task.containers.map((c): ContainerLogs => {
    const stream = streams.find((s) => s.containerName === c.name);
    if (stream) return { containerName: c.name, kind: 'stream', stream };
    const lc = td?.containerDefinitions.find((d) => d.name === c.name)?.logConfiguration;
    const group = lc && logOption(lc, 'awslogs-group');
    if (!lc || group === undefined) return { containerName: c.name, kind: 'none' };
    return { containerName: c.name, kind: 'notStarted', logGroupName: group, logStreamName: awslogsStreamName(logOption(lc, 'awslogs-stream-prefix'), c.name, task.taskId) };
  });
}

// ---- What each kind of program writes ------------------------------------------------------------

/** A container's program as its log shows it: what kind of image, and the facts its lines use. */
type App = {
  flavour: Flavour;
  name: string;
  image: string;
  version: string;
  port: number | undefined;
  /** A batch job (it finishes) rather than a server. */
  job: boolean;
  region: string;
  epochMs: number;
  environment: readonly { name: string; value: string }[];
};

type Access = { from: string; path: string; status: number; agent: string; client?: string };

type Flavour = {
  start(app: App, at: Millis): string[];
  failing(app: App, at: Millis): string[];
  sigterm(app: App, at: Millis): string[];
  /** After SIGTERM, exiting on its own. */
  stopped(app: App, at: Millis): string[];
  done(app: App, at: Millis): string[];
  crash(app: App, at: Millis, exitCode: number): string[];
  progress?(app: App, percent: number): string;
  /** An HTTP server's access line; absent for programs that do not serve HTTP. */
  access?(app: App, at: Millis, request: Access): string;
};

// What a definition's program is never changes (definitions are replaced, never edited): worked
// out once per definition, not at every health check.
const apps = new WeakMap<ContainerDefinition, App>();

function appOf(world: World, def: ContainerDefinition): App {
  const known = apps.get(def);
  if (known && known.epochMs === world.config.epochMs && known.region === world.config.region) return known;
  const app = describeApp(world, def);
  apps.set(def, app);
  return app;
}

function describeApp(world: World, def: ContainerDefinition): App {
  const repo = def.image.split('@')[0]!.split('/').pop()!.toLowerCase();
  const [name = '', tag = 'latest'] = repo.split(':');
  const port = def.portMappings[0]?.containerPort;
  const job = def.app.kind === 'exit' || (def.app.kind === 'crash' && port === undefined);
  const flavour =
    name.includes('nginx') ? NGINX
    : name.includes('xray') ? XRAY
    : name.includes('fluent') ? FLUENT_BIT
    : name.includes('envoy') ? ENVOY
    : name === 'aws-cli' ? AWS_CLI
    : name.startsWith('python') ? PYTHON
    : name.startsWith('node') ? NODE
    : GENERIC;
  return { flavour, name: def.name, image: def.image, version: tag.split('-')[0]!, port, job, region: world.config.region, epochMs: world.config.epochMs, environment: def.environment };
}

// Timestamps as each program prints them, from the sim clock (no Date: time.ts's arithmetic).
const iso = (app: App, at: Millis) => isoTimestamp(app.epochMs, at);
const seconds = (app: App, at: Millis) => iso(app, at).slice(0, 19); // 2026-01-05T09:00:27
const nginxTime = (app: App, at: Millis) => seconds(app, at).replace(/-/g, '/').replace('T', ' '); // 2026/01/05 09:00:27
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const clfTime = (app: App, at: Millis) => {
  const s = seconds(app, at); // the access log's [05/Jan/2026:09:00:27 +0000]
  return `${s.slice(8, 10)}/${MONTHS[Number(s.slice(5, 7)) - 1]}/${s.slice(0, 4)}:${s.slice(11)} +0000`;
};
const firstEnv = (app: App) => (app.environment[0] ? ` (${app.environment[0].name}=${app.environment[0].value})` : '');
const listens = (app: App) => (app.port === undefined ? [] : [`Listening on 0.0.0.0:${app.port}`]);

/** What any program says; sidecars and the AWS CLI build on it. */
const BASE: Flavour = {
  start: (app) => (app.job ? [`Starting ${app.name}${firstEnv(app)}`] : [`Starting ${app.name} (${app.image})`, ...listens(app)]),
  failing: () => ['ERROR request failed: database connection refused; answering 500'],
  sigterm: () => ['Received SIGTERM, shutting down gracefully'],
  stopped: () => ['Shutdown complete'],
  done: (app) => [`${app.name} finished successfully`],
  crash: (_app, _at, code) => [`FATAL unexpected error; exiting with code ${code}`],
};

/** An application of our own: a job reports its progress, a server its requests. */
const GENERIC: Flavour = {
  ...BASE,
  progress: (_app, percent) => `Working… ${percent}% done`,
  access: (_app, _at, r) => `${r.from} "GET ${r.path} HTTP/1.1" ${r.status} "${r.agent}"`,
};

const PYTHON: Flavour = {
  ...GENERIC,
  start: (app) => (app.job ? [`INFO Starting ${app.name}${firstEnv(app)}`] : [`INFO Starting ${app.name}`, ...listens(app).map((l) => `INFO ${l}`)]),
  failing: () => ['ERROR Database connection refused: answering 500'],
  sigterm: () => ['INFO Received SIGTERM, shutting down gracefully'],
  stopped: () => ['INFO Shutdown complete'],
  done: (app) => [`INFO ${app.name} finished: all records written`],
  progress: (_app, percent) => `INFO Processed ${percent}% of the records`,
  crash: (_app, _at, code) => ['Traceback (most recent call last):', '  File "/app/main.py", line 42, in <module>', '    main()', `RuntimeError: unexpected error (the process exits with code ${code})`],
  access: (_app, _at, r) => `INFO ${r.from} - "GET ${r.path} HTTP/1.1" ${r.status}`,
};

const NODE: Flavour = {
  ...GENERIC,
  start: (app) => (app.job ? [`Starting ${app.name}${firstEnv(app)}`] : [`${app.name} starting (Node.js)`, ...(app.port === undefined ? [] : [`Server listening on http://0.0.0.0:${app.port}`])]),
  crash: (_app, _at, code) => ['Error: unexpected state', '    at Server.<anonymous> (/app/server.js:42:11)', `Process exiting with code ${code}`],
};

const NGINX: Flavour = {
  start: (app, at) => [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    // What the official image prints (nginx names no port: its config, listen 80, says it).
    `${nginxTime(app, at)} [notice] 1#1: using the "epoll" event method`,
    `${nginxTime(app, at)} [notice] 1#1: nginx/${app.version}`,
    `${nginxTime(app, at)} [notice] 1#1: start worker processes`,
    `${nginxTime(app, at)} [notice] 1#1: start worker process 29`,
  ],
  failing: (app, at) => [`${nginxTime(app, at)} [error] 29#29: *1 rewrite or internal redirection cycle while internally redirecting to "/index.html", client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1"`],
  sigterm: (app, at) => [`${nginxTime(app, at)} [notice] 1#1: signal 15 (SIGTERM) received, exiting`, `${nginxTime(app, at)} [notice] 29#29: exiting`],
  stopped: (app, at) => [`${nginxTime(app, at)} [notice] 1#1: exit`],
  done: (app, at) => [`${nginxTime(app, at)} [notice] 1#1: exit`],
  crash: (app, at, code) => [`${nginxTime(app, at)} [alert] 1#1: worker process 29 exited on signal 11 (core dumped)`, `${nginxTime(app, at)} [emerg] 1#1: master process exiting (exit code ${code})`],
  access: (app, at, r) => `${r.from} - - [${clfTime(app, at)}] "GET ${r.path} HTTP/1.1" ${r.status} ${r.status === 200 ? 615 : 177} "-" "${r.agent}" "${r.client ?? '-'}"`,
};

/** The AWS X-Ray daemon, a sidecar: the app sends it trace segments on UDP 2000. */
const XRAY: Flavour = {
  ...BASE,
  start: (app, at) => {
    const t = `${seconds(app, at)}Z`;
    return [`${t} [Info] Initializing AWS X-Ray daemon ${app.version}`, `${t} [Info] Using buffer memory limit of 10 MB`, `${t} [Info] Using region: ${app.region}`, `${t} [Info] Starting proxy http server on 127.0.0.1:2000`];
  },
  sigterm: (app, at) => [`${seconds(app, at)}Z [Info] Shutdown initiated: SIGTERM received, sending the segments it holds`],
  stopped: (app, at) => [`${seconds(app, at)}Z [Info] Shutdown finished`],
  crash: (app, at, code) => [`${seconds(app, at)}Z [Error] daemon stopped unexpectedly (exit code ${code})`],
};

/** A log router sidecar (Fluent Bit, as AWS ships it for FireLens). */
const FLUENT_BIT: Flavour = {
  ...BASE,
  start: (app, at) => {
    const t = `[${nginxTime(app, at)}]`;
    return [`${t} [ info] [fluent bit] version=${app.version}, pid=1`, `${t} [ info] [output:cloudwatch_logs:cloudwatch_logs.0] worker #0 started`, `${t} [ info] [sp] stream processor started`];
  },
  sigterm: (app, at) => [`[${nginxTime(app, at)}] [engine] caught signal (SIGTERM)`, `[${nginxTime(app, at)}] [ info] [engine] flushing the records it holds`],
  stopped: (app, at) => [`[${nginxTime(app, at)}] [ info] [engine] service has stopped (0 pending tasks)`],
};

/** A proxy sidecar (Envoy, as in a service mesh). */
const ENVOY: Flavour = {
  ...BASE,
  start: (app, at) => {
    const t = `[${iso(app, at).slice(0, 23).replace('T', ' ')}][1]`;
    return [`${t}[info][main] initializing epoch 0 (envoy ${app.version})`, `${t}[info][upstream] all clusters initialized`, `${t}[info][main] starting main dispatch loop${app.port === undefined ? '' : `; proxying on 0.0.0.0:${app.port}`}`];
  },
  sigterm: (app, at) => [`[${iso(app, at).slice(0, 23).replace('T', ' ')}][1][warning][main] caught SIGTERM`, `[${iso(app, at).slice(0, 23).replace('T', ' ')}][1][info][main] shutting down server instance`],
  stopped: (app, at) => [`[${iso(app, at).slice(0, 23).replace('T', ' ')}][1][info][main] exiting`],
};

/** The AWS CLI as an init container: it copies a file from S3 (the URI in its environment) and
 *  exits — quiet until then, as `aws s3 cp` is. Its failure says exactly what was missing. */
const AWS_CLI: Flavour = {
  ...BASE,
  start: () => [],
  done: (app) => {
    const uri = s3Uri(app);
    return uri ? [`download: ${uri} to config/${uri.slice(uri.lastIndexOf('/') + 1)}`] : ['Completed'];
  },
  crash: (app) => {
    const uri = s3Uri(app);
    const key = uri?.replace(/^s3:\/\/[^/]+\//, '');
    return [key ? `fatal error: An error occurred (404) when calling the HeadObject operation: Key "${key}" does not exist` : 'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied'];
  },
};
const s3Uri = (app: App) => app.environment.find((e) => e.value.startsWith('s3://'))?.value;
