// One task's life: launch, start, run its simulated apps, stop (spec §3). Every change goes
// through `setStatus`/`putTask` and is announced as an event. Timers carry the phase they
// expect, so a timer that is no longer relevant (the task was stopped meanwhile) does nothing.

import { emit, type Step } from './events.ts';
import { clusterArn, newTaskIds } from './ids.ts';
import { canTransition } from './lifecycle.ts';
import { schedule } from './timers.ts';
import { SECOND } from './time.ts';
import { putTask } from './world.ts';
import { activeTargetsOf, isDraining } from './loadBalancer.ts';
import { resolveImage } from './images.ts';
import { cutOffRequests } from './traffic.ts';
import type { Container, ContainerDefinition, ContainerImage, HealthStatus, StopCode, Task, TaskDefinition, TaskStatus } from './model/index.ts';

export type LaunchOptions = {
  group: string;
  startedBy: string;
  availabilityZone: string;
  serviceName?: string;
  /** The digests a service deployment resolved; without, each image is resolved now (RunTask). */
  images?: readonly ContainerImage[];
};

export const STOPPED_REASONS = {
  essentialExited: 'Essential container in task exited', // spec §3.4
  failedToStart: 'Task failed to start', // a task that never reached RUNNING (research 12 §2.3, observed)
  userInitiated: 'Task stopped by user',
  unhealthyContainer: 'Task failed container health checks',
  scaling: (deploymentId: string) => `Scaling activity initiated by (deployment ${deploymentId})`,
  pullError: (image: string) =>
    `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${image}: ${image}: not found`,
} as const;

export const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage'; // spec §3.5

/**
 * Why a task whose zone went down stopped. The wording is AWS's for a Fargate task stopped because
 * of "an issue with the underlying host" (DGnow:task-maintenance: "The stoppedReason containing a
 * `ECS is performing maintenance on the underlying infrastructure hosting the task` message
 * indicates that the task was stopped due to a task maintenance issue"; the same string is matched
 * in public EventBridge rules and tests). No source reached shows what an Availability Zone outage
 * itself reports: pairing this reason with the InfrastructureHealth stop code (an undocumented
 * member of TaskStopCode, spec §3.4) for an outage is our assumption, and the UI says so.
 */
export const HOST_LOST = { stopCode: 'InfrastructureHealth', stoppedReason: 'ECS is performing maintenance on the underlying infrastructure hosting the task' } as const;

/** RunTask or a service launch: a new task in PROVISIONING (Fargate/awsvpc, spec §3.3). */
export function launchTask(step: Step, td: TaskDefinition, opts: LaunchOptions): Task {
  const { world } = step;
  const { taskId, taskArn } = newTaskIds(world);
  const containers: Container[] = td.containerDefinitions.map((c) => ({
    name: c.name,
    image: c.image,
    imageDigest: opts.images?.find((i) => i.containerName === c.name)?.imageDigest ?? resolveImage(world, c.image),
    essential: c.essential,
    lastStatus: 'PENDING',
    exitCode: null,
    healthStatus: 'UNKNOWN',
    healthFailures: 0,
    failingHealthChecks: false,
    hung: false,
  }));
  const task: Task = {
    taskArn,
    taskId,
    clusterArn: clusterArn(world),
    taskDefinitionArn: td.taskDefinitionArn,
    family: td.family,
    revision: td.revision,
    launchType: 'FARGATE',
    availabilityZone: opts.availabilityZone,
    cpu: td.cpu,
    memory: td.memory,
    group: opts.group,
    startedBy: opts.startedBy,
    ...(opts.serviceName !== undefined ? { serviceName: opts.serviceName } : {}),
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: world.now,
    containers,
    version: 1,
  };
  world.tasks.set(taskArn, task);
  announce(step, task);
  schedule(world, world.now + world.config.timings.provisioning, { kind: 'taskPhase', taskArn, expect: 'PROVISIONING' });
  return task;
}

function announce(step: Step, t: Task) {
  emit(step, {
    type: 'TaskStateChanged',
    taskArn: t.taskArn,
    taskId: t.taskId,
    group: t.group,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    availabilityZone: t.availabilityZone,
    ...(t.stopCode ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason !== undefined ? { stoppedReason: t.stoppedReason } : {}),
  });
}

function setStatus(step: Step, task: Task, to: TaskStatus, changes: Partial<Task> = {}): Task {
  if (!canTransition(task.lastStatus, to)) throw new Error(`Bug: task ${task.taskId} cannot go from ${task.lastStatus} to ${to}`);
  const next = putTask(step.world, task, { ...changes, lastStatus: to });
  announce(step, next);
  return next;
}

function announceContainer(step: Step, t: Task, c: Container) {
  emit(step, {
    type: 'ContainerStateChanged',
    taskArn: t.taskArn,
    taskId: t.taskId,
    containerName: c.name,
    lastStatus: c.lastStatus,
    exitCode: c.exitCode,
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
  });
}

export const definitionOf = (step: Step, task: Task): TaskDefinition => {
  const td = step.world.taskDefinitions.get(task.taskDefinitionArn);
  if (!td) throw new Error(`Bug: task ${task.taskId} has no task definition ${task.taskDefinitionArn}`);
  return td;
};

/** A lifecycle timer fired: take the task's next step if it is still where the timer expected. */
export function advancePhase(step: Step, taskArn: string, expect: string): void {
  const { world } = step;
  const task = world.tasks.get(taskArn);
  if (!task) return;
  const t = world.config.timings;
  switch (expect) {
    case 'PROVISIONING': // ENI attached (spec §3.8: 22 s)
      if (task.lastStatus !== 'PROVISIONING' || task.desiredStatus !== 'RUNNING') return;
      setStatus(step, task, 'PENDING', { connectivityAt: world.now, pullStartedAt: world.now });
      schedule(world, world.now + t.imagePull, { kind: 'taskPhase', taskArn, expect: 'PULLED' });
      return;
    case 'PULLED':
      if (task.lastStatus !== 'PENDING' || task.desiredStatus !== 'RUNNING') return;
      return finishPull(step, task);
    case 'START':
      if (task.lastStatus !== 'PENDING' || task.desiredStatus !== 'RUNNING') return;
      return resolveDependencies(step, taskArn); // the containers whose dependencies are met start (spec §2.5 dependsOn)
    case 'STOP_NOTICE':
      return beginStopping(step, task);
    case 'DEPROVISION':
      if (task.lastStatus !== 'STOPPING') return;
      setStatus(step, task, 'DEPROVISIONING');
      schedule(world, world.now + t.deprovisioning, { kind: 'taskPhase', taskArn, expect: 'STOPPED' });
      return;
    case 'STOPPED':
      if (task.lastStatus !== 'DEPROVISIONING') return;
      setStatus(step, task, 'STOPPED', { stoppedAt: world.now, healthStatus: 'UNKNOWN' });
      schedule(world, world.now + t.stoppedTaskRetention, { kind: 'forgetTask', taskArn });
      return;
    default:
      throw new Error(`Bug: unknown task phase ${expect}`);
  }
}

function finishPull(step: Step, task: Task) {
  const { world } = step;
  const td = definitionOf(step, task);
  const bad = td.containerDefinitions.find((c) => c.app.kind === 'pullError');
  if (!bad) {
    putTask(world, task, { pullStoppedAt: world.now });
    const startAt = task.createdAt + world.config.timings.provisioning + world.config.timings.pending;
    schedule(world, startAt, { kind: 'taskPhase', taskArn: task.taskArn, expect: 'START' });
    return;
  }
  // The task never reaches RUNNING: TaskFailedToStart (spec §3.3, §3.4). No container ran.
  const reason = STOPPED_REASONS.pullError(bad.image);
  const containers = task.containers.map((c) => (c.name === bad.name ? { ...c, lastStatus: 'STOPPED' as const, reason } : { ...c, lastStatus: 'STOPPED' as const }));
  const next = putTask(world, task, {
    pullStoppedAt: world.now,
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: reason,
    stoppingAt: world.now,
    executionStoppedAt: world.now,
    containers,
  });
  for (const c of next.containers) announceContainer(step, next, c);
  setStatus(step, next, 'DEPROVISIONING');
  schedule(world, world.now + world.config.timings.deprovisioning, { kind: 'taskPhase', taskArn: task.taskArn, expect: 'STOPPED' });
}

/**
 * START (the images are pulled), and again whenever it may change something: start each waiting container whose dependencies are met, and stop without starting each one
 * whose dependency never can be (the agent's CannotStartContainerError); until then it waits. The
 * task reports RUNNING once no container waits — the agent's "task status is the minimum of its
 * containers'", so an init container that ran and exited 0 leaves the task PENDING until the app
 * it gates has started. Called at START and whenever a container of the task starts, exits or
 * turns healthy, and when a dependency's startTimeout runs out.
 */
export function resolveDependencies(step: Step, taskArn: string): void {
  const { world } = step;
  let task = world.tasks.get(taskArn);
  if (!task || task.desiredStatus !== 'RUNNING' || (task.lastStatus !== 'PENDING' && task.lastStatus !== 'RUNNING')) return;
  const td = definitionOf(step, task);
  // Starting one container can satisfy another's START dependency at once: go round until nothing moves.
  for (let moved = true; moved && task.desiredStatus === 'RUNNING'; ) {
    moved = false;
    for (const def of td.containerDefinitions) {
      if (task.desiredStatus !== 'RUNNING') break;
      if (task.containers.find((c) => c.name === def.name)?.lastStatus !== 'PENDING') continue;
      const verdict = dependencyVerdict(task, td, def, world.now);
      if (verdict === 'wait') continue;
      task = verdict === 'start' ? startContainer(step, task, def) : failToStart(step, task, def, verdict.failed);
      moved = true;
    }
  }
  if (task.lastStatus === 'PENDING' && task.desiredStatus === 'RUNNING' && task.containers.every((c) => c.lastStatus !== 'PENDING')) {
    // A service's scheduler registers its RUNNING tasks with the load balancer on its next tick
    // (service.ts); a standalone task is never registered (spec §4, §6.1).
    setStatus(step, task, 'RUNNING', { startedAt: world.now });
  }
}

type Verdict = 'start' | 'wait' | { failed: string };

/** Whether a waiting container may start now, must wait, or never can (and why, as the agent says it). */
function dependencyVerdict(task: Task, td: TaskDefinition, def: ContainerDefinition, now: number): Verdict {
  let verdict: Verdict = 'start';
  for (const dep of def.dependsOn) {
    const d = task.containers.find((c) => c.name === dep.containerName);
    const dDef = td.containerDefinitions.find((c) => c.name === dep.containerName);
    if (!d || !dDef) return { failed: `dependency graph: container ordering dependency [<nil>] for target [${agentName(def)}] does not exist.` };
    const stopped = d.lastStatus === 'STOPPED';
    const neverStarted = stopped && d.startedAt === undefined;
    const failed = (why: string) => ({ failed: `dependency graph: failed to resolve container ordering dependency [${agentName(dDef, d)}] for target [${agentName(def)}] ${why}` });
    if (dep.condition === 'START') {
      if (neverStarted) return failed('because dependency will never start');
      if (d.lastStatus === 'PENDING') verdict = 'wait';
      continue; // START never times out
    }
    const met = dep.condition === 'HEALTHY' ? d.healthStatus === 'HEALTHY' && !stopped : stopped && d.exitCode !== null && (dep.condition === 'COMPLETE' || d.exitCode === 0);
    if (met) continue;
    if (neverStarted || (dep.condition === 'HEALTHY' && stopped)) return failed('because dependency will never start');
    if (dep.condition === 'SUCCESS' && stopped) return failed('as dependency did not exit successfully.');
    // The dependency's own startTimeout, counted from its start (the agent's hasDependencyTimedOut).
    if (dDef.startTimeout !== undefined && d.startedAt !== undefined && now >= d.startedAt + dDef.startTimeout * SECOND)
      return { failed: `dependency graph: container ordering dependency [${dep.containerName}] for target [${def.name}] has timed out.` };
    verdict = 'wait';
  }
  return verdict;
}

/** How the agent names a container in its messages: `name(image) (KNOWN->DESIRED) - Exit: N`. */
function agentName(def: ContainerDefinition, c?: Container): string {
  const known = !c || c.lastStatus === 'PENDING' ? 'MANIFEST_PULLED' : c.lastStatus;
  const exit = c && c.exitCode !== null ? ` - Exit: ${c.exitCode}` : '';
  return `${def.name}(${def.image}) (${known}->RUNNING)${exit}`;
}

function startContainer(step: Step, task: Task, def: ContainerDefinition): Task {
  const { world } = step;
  const next = setContainer(step, task, def.name, { lastStatus: 'RUNNING', startedAt: world.now });
  announceContainer(step, next, next.containers.find((c) => c.name === def.name)!);
  scheduleApp(step, task.taskArn, def);
  if (def.healthCheck) schedule(world, world.now + def.healthCheck.interval * SECOND, { kind: 'healthCheck', taskArn: task.taskArn, container: def.name });
  // Those waiting on this one for more than its start give up at its startTimeout.
  const td = definitionOf(step, next);
  const awaited = td.containerDefinitions.some((c) => c.dependsOn.some((d) => d.containerName === def.name && d.condition !== 'START'));
  if (def.startTimeout !== undefined && awaited) schedule(world, world.now + def.startTimeout * SECOND, { kind: 'dependencyTimeout', taskArn: task.taskArn });
  return next;
}

/** The app's planned moment (a job's exit, a crash, a check starting to fail), from now: its start. */
function scheduleApp(step: Step, taskArn: string, def: ContainerDefinition) {
  if ('afterSeconds' in def.app) schedule(step.world, step.world.now + afterOf(def.app), { kind: 'app', taskArn, container: def.name });
}
const afterOf = (app: { afterSeconds: number }) => Math.round(app.afterSeconds * SECOND);

/** A container whose dependency can never be met is stopped without starting (exit 143, as the
 *  agent reports it); an essential one takes the task with it: it never ran, so TaskFailedToStart. */
function failToStart(step: Step, task: Task, def: ContainerDefinition, message: string): Task {
  const next = setContainer(step, task, def.name, { lastStatus: 'STOPPED', exitCode: 143, reason: `CannotStartContainerError: ${message}`.slice(0, 1024) });
  announceContainer(step, next, next.containers.find((c) => c.name === def.name)!);
  if (!def.essential) return next;
  const stopped = putTask(step.world, next, { executionStoppedAt: step.world.now });
  return requestStop(step, stopped, 'TaskFailedToStart', STOPPED_REASONS.failedToStart);
}

/** The simulated app's planned moment came: a batch job finishes, a server crashes, a check starts failing. */
export function runApp(step: Step, taskArn: string, containerName: string, at: number): void {
  const task = step.world.tasks.get(taskArn);
  const container = task?.containers.find((c) => c.name === containerName);
  if (!task || !container || container.lastStatus !== 'RUNNING') return;
  const app = definitionOf(step, task).containerDefinitions.find((c) => c.name === containerName)?.app;
  // A moment planned for the app before it was restarted belongs to the run that ended.
  const after = app && 'afterSeconds' in app ? afterOf(app) : 0;
  if (container.lastRestartAt !== undefined && at - after < container.lastRestartAt) return;
  if (app?.kind === 'exit' || app?.kind === 'crash') containerExited(step, task, containerName, app.exitCode);
  else if (app?.kind === 'failHealthCheck') setContainer(step, task, containerName, { failingHealthChecks: true });
  else if (app?.kind === 'hang') hangContainer(step, task, containerName);
}

function setContainer(step: Step, task: Task, name: string, changes: Partial<Container>): Task {
  const containers = task.containers.map((c) => (c.name === name ? { ...c, ...changes } : c));
  return putTask(step.world, task, { containers });
}

/**
 * A container stopped: by itself, by a fault, or after SIGTERM/SIGKILL. If it was essential, the
 * whole task stops (spec §2.5); a non-essential container's exit leaves the task RUNNING.
 */
export function containerExited(step: Step, task: Task, name: string, exitCode: number, reason?: string): void {
  const container = task.containers.find((c) => c.name === name);
  if (!container || container.lastStatus !== 'RUNNING') return;
  if (restartInPlace(step, task, container, exitCode)) return;
  let next = setContainer(step, task, name, { lastStatus: 'STOPPED', exitCode, ...(reason !== undefined ? { reason } : {}) });
  announceContainer(step, next, next.containers.find((c) => c.name === name)!);
  if (container.essential) cutOffRequests(step.world, task.taskArn, container.hung); // requests in flight get a 502
  next = refreshHealth(step, next);
  if (container.essential && next.desiredStatus === 'RUNNING') {
    next = putTask(step.world, next, { executionStoppedAt: step.world.now });
    requestStop(step, next, 'EssentialContainerExited', STOPPED_REASONS.essentialExited);
  } else if (next.lastStatus === 'STOPPING') {
    // Its dependencies may stop now (reverse order); the last one out ends the task.
    if (next.containers.every((c) => c.lastStatus === 'STOPPED')) scheduleDeprovision(step, next);
    else signalReady(step, next);
  } else if (next.desiredStatus === 'RUNNING') {
    resolveDependencies(step, next.taskArn); // an init container finished: what waited on it may start
  }
}

/**
 * A container with a restartPolicy that exits on its own is started again in place, the task
 * untouched — the one kind of restart a standalone task gets. Not when the task is stopping, the
 * exit code is ignored, or less than restartAttemptPeriod has passed since its start or its last
 * restart (the agent's ShouldRestart, in that order). DescribeTasks never sees it stop: it stays
 * RUNNING; its app starts over (its health too), and requests in flight on it are cut off.
 */
function restartInPlace(step: Step, task: Task, container: Container, exitCode: number): boolean {
  const { world } = step;
  const def = definitionOf(step, task).containerDefinitions.find((d) => d.name === container.name);
  const policy = def?.restartPolicy;
  if (!def || !policy?.enabled || task.desiredStatus !== 'RUNNING') return false;
  if (policy.ignoredExitCodes.includes(exitCode)) return false;
  const since = container.lastRestartAt ?? container.startedAt ?? world.now;
  if (world.now - since < policy.restartAttemptPeriod * SECOND) return false;
  if (container.essential) cutOffRequests(world, task.taskArn, container.hung);
  const next = setContainer(step, task, container.name, {
    restartCount: (container.restartCount ?? 0) + 1,
    lastRestartAt: world.now,
    healthStatus: 'UNKNOWN',
    healthFailures: 0,
    failingHealthChecks: false,
    hung: false,
  });
  refreshHealth(step, next);
  scheduleApp(step, task.taskArn, def);
  return true;
}

/**
 * Decide that a task stops (StopTask, the scheduler, an essential exit). desiredStatus flips at
 * once; lastStatus follows when the agent acts on it (spec §3.2, §3.6). The stop code and reason
 * are set now, as StopTask's own response shows them.
 */
export function requestStop(step: Step, task: Task, stopCode: StopCode, stoppedReason: string): Task {
  const { world } = step;
  const next = putTask(world, task, { desiredStatus: 'STOPPED', stopCode, stoppedReason, stoppingAt: world.now });
  announce(step, next);
  // A stop the service scheduler decides reaches the task (and its load balancer) ~10 s later in
  // the real logs (spec §5.12 A, C); the agent acts on others within a second.
  const t = world.config.timings;
  const notice = stopCode === 'ServiceSchedulerInitiated' ? t.serviceStopNotice : t.stopNotice;
  schedule(world, world.now + notice, { kind: 'taskPhase', taskArn: task.taskArn, expect: 'STOP_NOTICE' });
  return next;
}

/**
 * The task's host went away with its zone (zones.ts): every container dies at once, with no
 * SIGTERM and no exit code — the agent that would report one went with the host (spec §3.5: null
 * when "killed before reporting"). Requests in flight are cut off (502). A task not already
 * stopping is stopped with HOST_LOST; one already stopping keeps its own stop code and simply
 * has nothing left to wait for. What follows is the usual stop: a target is deregistered (the
 * task waits out the drain in DEACTIVATING), the ENI is released, STOPPED.
 */
export function loseHost(step: Step, task: Task): void {
  const { world } = step;
  if (task.lastStatus === 'STOPPED' || task.lastStatus === 'DEPROVISIONING') return;
  const killed = task.containers.filter((c) => c.lastStatus !== 'STOPPED').map((c) => c.name);
  const containers = task.containers.map((c) => (c.lastStatus === 'STOPPED' ? c : { ...c, lastStatus: 'STOPPED' as const, exitCode: null }));
  const next = putTask(world, task, { containers, ...(task.executionStoppedAt === undefined ? { executionStoppedAt: world.now } : {}) });
  for (const c of next.containers) if (killed.includes(c.name)) announceContainer(step, next, c);
  cutOffRequests(world, task.taskArn, false);
  if (next.desiredStatus === 'RUNNING') {
    requestStop(step, next, HOST_LOST.stopCode, HOST_LOST.stoppedReason);
    return;
  }
  // Already stopping: a STOPPING task had containers left to wait for; now it has none.
  if (next.lastStatus === 'STOPPING' && killed.length > 0) scheduleDeprovision(step, next);
}

function beginStopping(step: Step, task: Task) {
  const { world } = step;
  if (task.desiredStatus !== 'STOPPED') return;
  const anyStarted = task.containers.some((c) => c.lastStatus === 'RUNNING');
  if (task.lastStatus === 'PROVISIONING' || (task.lastStatus === 'PENDING' && !anyStarted)) {
    // Stopped before it ran: no container to signal; release the ENI.
    const containers = task.containers.map((c) => ({ ...c, lastStatus: 'STOPPED' as const }));
    setStatus(step, task, 'DEPROVISIONING', { containers, executionStoppedAt: world.now });
    schedule(world, world.now + world.config.timings.deprovisioning, { kind: 'taskPhase', taskArn: task.taskArn, expect: 'STOPPED' });
    return;
  }
  if (task.lastStatus === 'PENDING') return signalContainers(step, task); // some containers started (an init, a sidecar)
  if (task.lastStatus !== 'RUNNING') return;
  // Behind a load balancer: deregister and drain first, SIGTERM after (spec §3.6, §6.4). The
  // service's scheduler deregisters the task on its next tick (service.ts), with any others.
  if (activeTargetsOf(world, task.taskArn).length > 0) {
    setStatus(step, task, 'DEACTIVATING');
    return;
  }
  signalContainers(step, task);
}

/** A target finished draining: once the task is drained everywhere, it stops (SIGTERM). */
export function continueAfterDrain(step: Step, taskArn: string): void {
  const task = step.world.tasks.get(taskArn);
  if (!task || task.lastStatus !== 'DEACTIVATING' || isDraining(step.world, taskArn)) return;
  signalContainers(step, task);
}

/** STOPPING: SIGTERM to each running container, in reverse dependency order; SIGKILL after its
 *  stopTimeout (spec §3.6). A container that never started is simply stopped. */
function signalContainers(step: Step, task: Task) {
  const containers = task.containers.map((c) => (c.lastStatus === 'PENDING' ? { ...c, lastStatus: 'STOPPED' as const } : c));
  const next = setStatus(step, task, 'STOPPING', { containers });
  for (const c of next.containers) if (task.containers.find((o) => o.name === c.name)?.lastStatus === 'PENDING') announceContainer(step, next, c);
  if (next.containers.every((c) => c.lastStatus === 'STOPPED')) scheduleDeprovision(step, next);
  else signalReady(step, next);
}

/**
 * SIGTERM to each running container not yet signalled whose dependents have all stopped: the
 * agent stops a container only after the containers that depend on it (directly) have stopped,
 * each with its own stopTimeout, so a chain takes up to the sum of them (research 12 §3).
 */
function signalReady(step: Step, task: Task) {
  const { world } = step;
  const td = definitionOf(step, task);
  const stopped = (name: string) => task.containers.find((c) => c.name === name)?.lastStatus === 'STOPPED';
  let next = task;
  for (const c of task.containers) {
    if (c.lastStatus !== 'RUNNING' || c.signalledAt !== undefined) continue;
    const blocked = td.containerDefinitions.some((d) => d.name !== c.name && d.dependsOn.some((dep) => dep.containerName === c.name) && !stopped(d.name));
    if (blocked) continue;
    const def = td.containerDefinitions.find((d) => d.name === c.name)!;
    const graceful = def.sigterm === 'exit' && world.config.timings.sigtermExit < def.stopTimeout * SECOND;
    const at = world.now + (graceful ? world.config.timings.sigtermExit : def.stopTimeout * SECOND);
    schedule(world, at, { kind: 'containerExit', taskArn: task.taskArn, container: c.name, exitCode: graceful ? 143 : 137 });
    next = setContainer(step, next, c.name, { signalledAt: world.now });
  }
}

function scheduleDeprovision(step: Step, task: Task) {
  const { world } = step;
  const at = Math.max(world.now, (task.stoppingAt ?? world.now) + world.config.timings.stopping);
  if (task.executionStoppedAt === undefined) putTask(world, task, { executionStoppedAt: world.now });
  schedule(world, at, { kind: 'taskPhase', taskArn: task.taskArn, expect: 'DEPROVISION' });
}

/** A stop-signal timer fired (graceful exit after SIGTERM, or SIGKILL after stopTimeout). */
export function signalExit(step: Step, taskArn: string, containerName: string, exitCode: number): void {
  const task = step.world.tasks.get(taskArn);
  if (task && task.lastStatus === 'STOPPING') containerExited(step, task, containerName, exitCode);
}

// ---- Container health checks (spec §2.6) ------------------------------------------------------

/** Task health from its essential containers: UNHEALTHY > UNKNOWN > HEALTHY (spec §2.6). */
export function taskHealth(containers: readonly Container[]): HealthStatus {
  const essential = containers.filter((c) => c.essential);
  if (essential.some((c) => c.healthStatus === 'UNHEALTHY')) return 'UNHEALTHY';
  if (essential.some((c) => c.healthStatus === 'UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
}

function refreshHealth(step: Step, task: Task): Task {
  const health = taskHealth(task.containers);
  if (health === task.healthStatus) return task;
  const next = putTask(step.world, task, { healthStatus: health, ...(health === 'UNHEALTHY' ? { unhealthyAt: step.world.now } : {}) });
  emit(step, { type: 'TaskHealthChanged', taskArn: next.taskArn, taskId: next.taskId, healthStatus: health });
  return next;
}

export function runHealthCheck(step: Step, taskArn: string, containerName: string): void {
  const { world } = step;
  const task = world.tasks.get(taskArn);
  const container = task?.containers.find((c) => c.name === containerName);
  if (!task || !container || container.lastStatus !== 'RUNNING') return;
  const hc = definitionOf(step, task).containerDefinitions.find((c) => c.name === containerName)?.healthCheck;
  if (!hc) return;
  let changes: Partial<Container>;
  if (!container.failingHealthChecks) changes = { healthStatus: 'HEALTHY', healthFailures: 0 };
  else if (world.now - (container.startedAt ?? task.startedAt ?? 0) <= hc.startPeriod * SECOND) changes = {}; // failures in the start period don't count
  else {
    const failures = container.healthFailures + 1;
    changes = { healthFailures: failures, ...(failures >= hc.retries ? { healthStatus: 'UNHEALTHY' as const } : {}) };
  }
  // A check that changes nothing leaves the task as it was: views compare references, and a
  // passing check every 30 s on 200 tasks would otherwise redraw them all for nothing.
  const same = (Object.keys(changes) as (keyof Container)[]).every((k) => container[k] === changes[k]);
  if (!same) {
    refreshHealth(step, setContainer(step, task, containerName, changes));
    if (changes.healthStatus === 'HEALTHY') resolveDependencies(step, taskArn); // a HEALTHY dependency came good
  }
  schedule(world, world.now + hc.interval * SECOND, { kind: 'healthCheck', taskArn, container: containerName });
}

/** A fault: the container's health check fails from now on (the app answers 500, curl is missing…). */
export function failHealthChecks(step: Step, task: Task, containerName: string): void {
  setContainer(step, task, containerName, { failingHealthChecks: true });
}

/** A fault: the app hangs. It keeps the port open and never answers: health checks time out
 *  (Target.Timeout, "Request timed out") and clients get 504 (spec §6.7). */
export function hangContainer(step: Step, task: Task, containerName: string): void {
  setContainer(step, task, containerName, { failingHealthChecks: true, hung: true });
}
