// Scenario tests: a whole simulated world, driven the way a person or a lesson drives it.

import { describe, expect, it } from 'vitest';
import { serviceMessages } from './serviceEvents.ts';
import { liveTasksOf, run, serviceMessagesOf, tasksWhere } from './testing/run.ts';
import type { SimEvent } from './model/index.ts';

const stateChangesOf = (log: readonly SimEvent[], taskId: string) =>
  log.flatMap((e) => (e.type === 'TaskStateChanged' && e.taskId === taskId ? [`${e.lastStatus}/${e.desiredStatus}`] : []));

describe('the default scenario', () => {
  it('runs service web at 3 tasks spread over three AZs, then reports steady state', () => {
    const { sim, log, advance } = run();
    advance(120);
    const web = liveTasksOf(sim, 'web');
    expect(web.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(new Set(web.map((t) => t.availabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
    expect(web.every((t) => t.group === 'service:web' && t.startedBy.startsWith('ecs-svc/'))).toBe(true);
    const service = sim.world.services.get('web')!;
    expect(service).toMatchObject({ desiredCount: 3, runningCount: 3, pendingCount: 0 });
    const messages = serviceMessagesOf(log, 'web');
    expect(messages[0]).toBe(serviceMessages.started('web', web.map((t) => t.taskId)));
    expect(messages.slice(-2)).toEqual([
      serviceMessages.deploymentCompleted('web', service.deployments[0]!.id),
      serviceMessages.steadyState('web'),
    ]);
    expect(service.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED' });
  });

  it('walks a task through PROVISIONING → PENDING → RUNNING with real Fargate timings (spec §3.8)', () => {
    const { sim, log, advance } = run();
    advance(60);
    const task = liveTasksOf(sim, 'web')[0]!;
    expect(stateChangesOf(log, task.taskId)).toEqual(['PROVISIONING/RUNNING', 'PENDING/RUNNING', 'RUNNING/RUNNING']);
    expect(task.connectivityAt! - task.createdAt).toBe(22_000);
    expect(task.startedAt! - task.createdAt).toBe(27_000);
    expect(task.pullStartedAt).toBeLessThan(task.pullStoppedAt!);
  });

  it('lets the batch job finish: exit 0, EssentialContainerExited, STOPPED, never replaced', () => {
    const { sim, log, advance } = run();
    advance(600);
    const [report] = tasksWhere(sim, (t) => t.family === 'report');
    expect(report).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      group: 'family:report',
      containers: [{ name: 'report', lastStatus: 'STOPPED', exitCode: 0 }],
    });
    expect(report!.stoppedAt).toBeGreaterThan(report!.stoppingAt!);
    expect(tasksWhere(sim, (t) => t.family === 'report')).toHaveLength(1);
    expect(stateChangesOf(log, report!.taskId)).toEqual([
      'PROVISIONING/RUNNING', 'PENDING/RUNNING', 'RUNNING/RUNNING',
      'RUNNING/STOPPED', 'STOPPING/STOPPED', 'DEPROVISIONING/STOPPED', 'STOPPED/STOPPED',
    ]);
  });
});

describe('stopping tasks: the service heals, the standalone task stays dead', () => {
  it('replaces a stopped service task and returns to steady state, events in ECS order', () => {
    const { sim, log, advance } = run({ scenario: 'basic' });
    advance(120);
    const victim = liveTasksOf(sim, 'web')[1]!;
    const mark = log.length;
    const { outcome } = sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    expect(outcome.ok).toBe(true);
    expect(sim.world.tasks.get(victim.taskArn)).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    advance(180);
    const after = log.slice(mark);
    const replacement = liveTasksOf(sim, 'web').find((t) => t.createdAt > victim.createdAt)!;
    expect(replacement).toMatchObject({ lastStatus: 'RUNNING', availabilityZone: victim.availabilityZone });
    expect(serviceMessagesOf(after, 'web')).toEqual([
      serviceMessages.started('web', [replacement.taskId]),
      serviceMessages.steadyState('web'),
    ]);
    expect(replacement.createdAt - (sim.world.tasks.get(victim.taskArn)!.stoppingAt ?? 0)).toBeLessThanOrEqual(1000);
    expect(sim.world.tasks.get(victim.taskArn)!.lastStatus).toBe('STOPPED');
    expect(sim.world.services.get('web')).toMatchObject({ runningCount: 3, desiredCount: 3 });
  });

  it('does not replace a stopped standalone task (twin worlds)', () => {
    const { sim, log, advance } = run({ scenario: 'twins' });
    advance(600);
    const standalone = tasksWhere(sim, (t) => t.serviceName === undefined);
    expect(standalone).toHaveLength(1);
    expect(standalone[0]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', group: 'family:web' });
    const serviceTasks = tasksWhere(sim, (t) => t.serviceName === 'web');
    expect(serviceTasks.map((t) => t.lastStatus).sort()).toEqual(['RUNNING', 'STOPPED']);
    expect(log.some((e) => e.type === 'CommandRejected')).toBe(false);
  });

  it('replaces a service task whose essential container exits 1', () => {
    const { sim, log, advance } = run({ scenario: 'basic' });
    advance(120);
    const victim = liveTasksOf(sim, 'web')[0]!;
    expect(sim.dispatch({ type: 'crashContainer', task: victim.taskId }).outcome.ok).toBe(true);
    advance(180);
    expect(sim.world.tasks.get(victim.taskArn)).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      containers: [{ exitCode: 1, lastStatus: 'STOPPED' }],
    });
    expect(liveTasksOf(sim, 'web').filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(3);
    expect(serviceMessagesOf(log, 'web').filter((m) => m.includes('has started 1 tasks'))).toHaveLength(1);
  });

  it('records an OOM kill as exit code 137 with OutOfMemoryError', () => {
    const { sim, advance } = run();
    advance(120);
    const victim = liveTasksOf(sim, 'web')[0]!;
    sim.dispatch({ type: 'oomKillContainer', task: victim.taskArn });
    advance(5);
    expect(sim.world.tasks.get(victim.taskArn)!.containers[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
  });

  it('SIGKILLs a container that ignores SIGTERM after its stopTimeout: exit 137', () => {
    const { sim, advance } = run({ scenario: 'empty' });
    sim.dispatch({
      type: 'registerTaskDefinition',
      taskDefinition: { family: 'stubborn', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'node:22', sigterm: 'ignore', stopTimeout: 30 }] },
    });
    const { outcome } = sim.dispatch({ type: 'runTask', taskDefinition: 'stubborn' });
    advance(60);
    const arn = (outcome as { taskArns: string[] }).taskArns[0]!;
    sim.dispatch({ type: 'stopTask', task: arn });
    advance(29);
    expect(sim.world.tasks.get(arn)!.containers[0]!.lastStatus).toBe('RUNNING');
    advance(3);
    expect(sim.world.tasks.get(arn)!.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 137 });
  });
});

describe('containers', () => {
  it('keeps a task RUNNING when a non-essential container exits', () => {
    const { sim, advance } = run({ scenario: 'empty' });
    sim.dispatch({
      type: 'registerTaskDefinition',
      taskDefinition: {
        family: 'sidecar', cpu: '256', memory: '512',
        containerDefinitions: [
          { name: 'app', image: 'nginx:1.27' },
          { name: 'init', image: 'busybox:1.36', essential: false, app: { kind: 'exit', afterSeconds: 5, exitCode: 0 } },
        ],
      },
    });
    const { outcome } = sim.dispatch({ type: 'runTask', taskDefinition: 'sidecar:1' });
    advance(120);
    const task = sim.world.tasks.get((outcome as { taskArns: string[] }).taskArns[0]!)!;
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.desiredStatus).toBe('RUNNING');
    expect(task.containers).toMatchObject([{ name: 'app', lastStatus: 'RUNNING' }, { name: 'init', lastStatus: 'STOPPED', exitCode: 0 }]);
  });
});

describe('health checks (spec §2.6, §5.3)', () => {
  it('replaces an UNHEALTHY service task first, then stops it; a standalone one keeps running', () => {
    const { sim, log, advance } = run({ scenario: 'unhealthy' });
    advance(180 + 28 + 30 * 3 + 5); // fails from 3 min after start; UNHEALTHY after 3 failed checks
    const standalone = tasksWhere(sim, (t) => t.serviceName === undefined)[0]!;
    expect(standalone).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', healthStatus: 'UNHEALTHY' });
    const sick = tasksWhere(sim, (t) => t.serviceName === 'web' && t.healthStatus === 'UNHEALTHY');
    expect(sick.length).toBeGreaterThan(0);
    expect(sick.every((t) => t.desiredStatus === 'RUNNING')).toBe(true); // replacements first
    expect(liveTasksOf(sim, 'web').length).toBeGreaterThan(2);
    advance(120);
    const stopped = tasksWhere(sim, (t) => t.serviceName === 'web' && t.stoppedReason === 'Task failed container health checks');
    expect(stopped.length).toBe(2);
    expect(stopped.every((t) => t.stopCode === 'ServiceSchedulerInitiated')).toBe(true);
    const messages = serviceMessagesOf(log, 'web');
    const e9 = messages.findIndex((m) => m === serviceMessages.failedContainerHealthChecks('web', stopped[0]!.taskId));
    expect(e9).toBeGreaterThan(-1);
    expect(messages.slice(e9).some((m) => m.includes('has stopped') && m.includes(stopped[0]!.taskId))).toBe(true);
    expect(tasksWhere(sim, (t) => t.serviceName === undefined)[0]!.desiredStatus).toBe('RUNNING');
  });

  it('refuses to fail the health check of a container that has none', () => {
    const { sim, advance } = run({ scenario: 'crash-loop' });
    advance(40);
    const [task] = liveTasksOf(sim, 'worker');
    const { outcome } = sim.dispatch({ type: 'failHealthChecks', task: task!.taskId });
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(/has no health check/) } });
  });
});

describe('tasks that fail to start (spec §5.7)', () => {
  it('stops with TaskFailedToStart and CannotPullContainerError, and the throttle engages', () => {
    const { sim, log, advance } = run({ scenario: 'bad-image' });
    advance(1800);
    const tasks = tasksWhere(sim, (t) => t.serviceName === 'api');
    expect(tasks.every((t) => t.startedAt === undefined)).toBe(true);
    const failed = tasks.filter((t) => t.lastStatus === 'STOPPED');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed[0]).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: expect.stringMatching(/^CannotPullContainerError: /) });
    const messages = serviceMessagesOf(log, 'api');
    expect(messages.filter((m) => m === serviceMessages.unableToStart('api'))).toHaveLength(1); // suppressed repeats
    // Retries spread out: each gap between launches at least as long as the one before.
    const launches = tasks.map((t) => t.createdAt).sort((a, b) => a - b);
    const gaps = launches.slice(1).map((t, i) => t - launches[i]!);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0]! * 4);
  });
});

describe('scaling (spec §5.8)', () => {
  it('adds tasks across AZs and removes them from the fullest AZ', () => {
    const { sim, log, advance } = run();
    advance(120);
    sim.dispatch({ type: 'updateService', service: 'web', desiredCount: 6 });
    advance(120);
    const azs = (ts: { availabilityZone: string }[]) => ts.map((t) => t.availabilityZone).sort();
    expect(azs(liveTasksOf(sim, 'web'))).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b', 'us-east-1c', 'us-east-1c']);
    sim.dispatch({ type: 'updateService', service: 'web', desiredCount: 2 });
    advance(120);
    expect(azs(liveTasksOf(sim, 'web'))).toHaveLength(2);
    expect(new Set(azs(liveTasksOf(sim, 'web'))).size).toBe(2);
    const stoppedMsg = serviceMessagesOf(log, 'web').find((m) => m.includes('has stopped 4 running tasks'));
    expect(stoppedMsg).toBeDefined();
    const scaledIn = tasksWhere(sim, (t) => t.stopCode === 'ServiceSchedulerInitiated');
    expect(scaledIn).toHaveLength(4);
    expect(scaledIn[0]!.stoppedReason).toBe(`Scaling activity initiated by (deployment ${sim.world.services.get('web')!.deployments[0]!.id})`);
  });

  it('deletes a service only at desiredCount 0 or with force, then drains to INACTIVE', () => {
    const { sim, advance } = run({ scenario: 'basic' });
    advance(60);
    expect(sim.dispatch({ type: 'deleteService', service: 'web' }).outcome).toMatchObject({
      ok: false, error: { message: expect.stringMatching(/cannot be stopped while it is scaled above 0/) },
    });
    expect(sim.dispatch({ type: 'deleteService', service: 'web', force: true }).outcome.ok).toBe(true);
    expect(sim.world.services.get('web')!.status).toBe('DRAINING');
    advance(180);
    expect(sim.world.services.get('web')!.status).toBe('INACTIVE');
    expect(tasksWhere(sim, (t) => t.serviceName === 'web').every((t) => t.lastStatus === 'STOPPED')).toBe(true);
  });
});

describe('impossible commands are rejected as values, changing nothing', () => {
  it.each([
    ['stop a stopped task', (id: string) => ({ type: 'stopTask' as const, task: id }), /already STOPPED/],
    ['a service on an unknown task definition', () => ({ type: 'createService' as const, serviceName: 'api', taskDefinition: 'nope:1', desiredCount: 1 }), /Unable to find task definition 'nope:1'/],
    ['a negative desiredCount', () => ({ type: 'updateService' as const, service: 'web', desiredCount: -1 }), /from 0 to 1000/],
    ['a desiredCount above the cap', () => ({ type: 'updateService' as const, service: 'web', desiredCount: 5000 }), /from 0 to 1000/],
    ['an unknown service', () => ({ type: 'updateService' as const, service: 'nope', desiredCount: 1 }), /Service not found: nope/],
    ['a duplicate service', () => ({ type: 'createService' as const, serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 }), /already exists/],
    ['RunTask with 11 tasks', () => ({ type: 'runTask' as const, taskDefinition: 'web:1', count: 11 }), /at most 10/],
    ['a crash on a stopped task', (id: string) => ({ type: 'crashContainer' as const, task: id }), /faults hit RUNNING tasks only/],
  ])('%s', (_name, make, message) => {
    const { sim, advance } = run();
    advance(400);
    const stopped = tasksWhere(sim, (t) => t.lastStatus === 'STOPPED')[0]!;
    const before = sim.snapshot();
    const { outcome, events } = sim.dispatch(make(stopped.taskId));
    expect(outcome).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(events).toEqual([]);
    expect(sim.world).toEqual(before);
  });
});

describe('the busy scenario', () => {
  it('runs 200 tasks over four services, and keeps healing the one killed every 15 s', () => {
    const { sim, log, advance } = run({ scenario: 'busy' });
    advance(110);
    const running = () => tasksWhere(sim, (t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING').length;
    expect(running()).toBe(200);
    for (const s of sim.world.services.values()) expect(new Set(liveTasksOf(sim, s.serviceName).map((t) => t.availabilityZone)).size).toBe(3);
    advance(600);
    const stopped = log.filter((e) => e.type === 'TaskStateChanged' && e.lastStatus === 'STOPPED' && e.stopCode === 'UserInitiated');
    expect(stopped.length).toBeGreaterThanOrEqual(35);
    // Replacements keep every service at (or within one kill of) its desired count.
    expect(running()).toBeGreaterThanOrEqual(196);
  });
});

describe('quiet health checks', () => {
  it('leave a healthy task the very same object, so views redraw nothing', () => {
    const { sim, advance } = run();
    advance(120);
    const before = liveTasksOf(sim, 'web');
    expect(before.every((t) => t.healthStatus === 'HEALTHY')).toBe(true);
    advance(95); // three more passing checks each
    expect(liveTasksOf(sim, 'web')).toEqual(before);
    liveTasksOf(sim, 'web').forEach((t, i) => expect(t).toBe(before[i]));
  });
});
