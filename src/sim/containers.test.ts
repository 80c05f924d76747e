// Several containers in one task (spec §2.5, research 12 §1–§3): dependsOn with START, COMPLETE,
// SUCCESS and HEALTHY, a dependency's startTimeout, what the agent reports when a dependency can
// never be met, and shutdown in reverse dependency order.

import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { validateTaskDefinition } from './taskDefinition.ts';
import type { ContainerDefinitionInput, SimEvent, Task, TaskDefinitionInput } from './model/index.ts';

const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
/** START is 27 s after RunTask: 22 s provisioning, 5 s pending (spec §3.8). */
const START = 27;

function definition(containers: ContainerDefinitionInput[]): TaskDefinitionInput {
  return { family: 'job', cpu: '256', memory: '512', executionRoleArn: ROLE, containerDefinitions: containers };
}

/** A simulation with one task of `containers`, run `seconds` past RunTask; its log and the task. */
function runOne(containers: ContainerDefinitionInput[]) {
  const sim = Simulation.create({ seed: 7, scenario: { name: 'test', title: '', description: '', setup: [], script: [] } });
  const log: SimEvent[] = [];
  const registered = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: definition(containers) });
  if (!registered.outcome.ok) throw new Error(JSON.stringify(registered.outcome));
  const ran = sim.dispatch({ type: 'runTask', taskDefinition: 'job' });
  if (!ran.outcome.ok || !('taskArns' in ran.outcome)) throw new Error(JSON.stringify(ran.outcome));
  const arn = ran.outcome.taskArns[0]!;
  log.push(...ran.events);
  const start = sim.now;
  return {
    sim,
    log,
    task: (): Task => sim.world.tasks.get(arn)!,
    container: (name: string) => sim.world.tasks.get(arn)!.containers.find((c) => c.name === name)!,
    /** Run to `seconds` after RunTask. */
    at(seconds: number) {
      log.push(...sim.advanceTo(start + seconds * 1000));
    },
    /** When each container's status changed, in seconds after RunTask. */
    containerTimes: (name: string) => log.filter((e) => e.type === 'ContainerStateChanged' && e.containerName === name).map((e) => [(e.at - start) / 1000, (e as { lastStatus: string }).lastStatus]),
  };
}

const app = (extra: Partial<ContainerDefinitionInput> = {}): ContainerDefinitionInput => ({ name: 'app', image: 'nginx', ...extra });
const init = (exitCode: number, afterSeconds = 5, extra: Partial<ContainerDefinitionInput> = {}): ContainerDefinitionInput => ({
  name: 'init', image: 'busybox', essential: false, app: { kind: 'exit', afterSeconds, exitCode }, ...extra,
});
const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10 };

describe('dependsOn', () => {
  it('an init container that must succeed first: the app waits PENDING, starts when init exits 0, and only then is the task RUNNING', () => {
    const r = runOne([init(0), app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]);
    r.at(START);
    expect(r.container('init').lastStatus).toBe('RUNNING');
    expect(r.container('app').lastStatus).toBe('PENDING');
    expect(r.task().lastStatus).toBe('PENDING'); // the task is the least of its containers
    r.at(START + 5);
    expect(r.container('init')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(r.container('app').lastStatus).toBe('RUNNING');
    expect(r.task()).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', startedAt: r.task().createdAt + (START + 5) * 1000 });
    // A non-essential container that finished is no reason to stop the task.
    r.at(START + 120);
    expect(r.task().lastStatus).toBe('RUNNING');
    expect(r.task().stopCode).toBeUndefined();
  });

  it('an init container that fails: the app never starts (exit 143, the agent\'s reason) and the task fails to start', () => {
    const r = runOne([init(1), app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]);
    r.at(START + 5);
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143 });
    expect(r.container('app').reason).toBe(
      'CannotStartContainerError: dependency graph: failed to resolve container ordering dependency [init(busybox) (STOPPED->RUNNING) - Exit: 1] for target [app(nginx) (MANIFEST_PULLED->RUNNING)] as dependency did not exit successfully.',
    );
    expect(r.task()).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start' });
    r.at(START + 120);
    expect(r.task().lastStatus).toBe('STOPPED');
    expect(r.log.some((e) => e.type === 'TaskStateChanged' && e.lastStatus === 'RUNNING')).toBe(false);
  });

  it('COMPLETE starts the app whatever the exit code', () => {
    const r = runOne([init(3), app({ dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] })]);
    r.at(START + 5);
    expect(r.container('init').exitCode).toBe(3);
    expect(r.container('app').lastStatus).toBe('RUNNING');
    expect(r.task().lastStatus).toBe('RUNNING');
  });

  it('START: the dependent starts as soon as its dependency has', () => {
    const r = runOne([{ name: 'proxy', image: 'envoy', dependsOn: [{ containerName: 'app', condition: 'START' }] }, app()]);
    r.at(START);
    expect(r.containerTimes('app')).toEqual([[START, 'RUNNING']]);
    expect(r.containerTimes('proxy')).toEqual([[START, 'RUNNING']]);
    expect(r.task().lastStatus).toBe('RUNNING');
  });

  it('HEALTHY: a sidecar waits for the app to pass its health check, and the task with it', () => {
    const r = runOne([app({ healthCheck }), { name: 'logger', image: 'fluent-bit', essential: false, dependsOn: [{ containerName: 'app', condition: 'HEALTHY' }] }]);
    r.at(START + 9);
    expect(r.container('app').lastStatus).toBe('RUNNING');
    expect(r.container('logger').lastStatus).toBe('PENDING');
    expect(r.task().lastStatus).toBe('PENDING');
    r.at(START + 10); // the first check, one interval after the app started
    expect(r.container('app').healthStatus).toBe('HEALTHY');
    expect(r.container('logger').lastStatus).toBe('RUNNING');
    expect(r.task().lastStatus).toBe('RUNNING');
  });

  it("a dependency's startTimeout: past it, the waiting container gives up and the task stops", () => {
    const r = runOne([init(0, 60, { startTimeout: 10 }), app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]);
    r.at(START + 9);
    expect(r.container('app').lastStatus).toBe('PENDING');
    r.at(START + 10);
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143, reason: 'CannotStartContainerError: dependency graph: container ordering dependency [init] for target [app] has timed out.' });
    expect(r.task()).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    // init was still running: it is stopped like any container (SIGTERM, exit 143 two seconds later).
    r.at(START + 20);
    expect(r.container('init')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143 });
    expect(r.task().lastStatus).not.toBe('RUNNING');
  });

  it('without a startTimeout, a dependency that never completes keeps the task PENDING', () => {
    const r = runOne([{ name: 'init', image: 'busybox', essential: false }, app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]);
    r.at(START + 3600);
    expect(r.task().lastStatus).toBe('PENDING');
    expect(r.container('app').lastStatus).toBe('PENDING');
  });

  it('stopped while PENDING with its init running: STOPPING, the init gets SIGTERM, the waiting app is stopped without an exit code', () => {
    const r = runOne([init(0, 60), app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]);
    r.at(START + 1);
    const stopped = r.sim.dispatch({ type: 'stopTask', task: r.task().taskArn });
    r.log.push(...stopped.events);
    r.at(START + 2);
    expect(r.task().lastStatus).toBe('STOPPING');
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: null });
    r.at(START + 4);
    expect(r.container('init')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143 });
    r.at(START + 120);
    expect(r.task()).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated' });
  });
});

describe('shutdown in reverse dependency order', () => {
  it('a container is signalled only after the ones that depend on it have stopped, each with its own stopTimeout', () => {
    const r = runOne([
      { name: 'db', image: 'postgres' },
      app({ sigterm: 'ignore', stopTimeout: 10, dependsOn: [{ containerName: 'db', condition: 'START' }] }),
      { name: 'proxy', image: 'envoy', dependsOn: [{ containerName: 'app', condition: 'START' }] },
    ]);
    r.at(START + 10);
    expect(r.task().lastStatus).toBe('RUNNING');
    const stopAt = START + 10;
    r.log.push(...r.sim.dispatch({ type: 'stopTask', task: r.task().taskArn }).events);
    r.at(START + 60);
    const stoppedAt = (name: string) => r.containerTimes(name).find(([, s]) => s === 'STOPPED')![0] as number;
    // SIGTERM at the notice (1 s): proxy exits 2 s later; then app, which ignores it, is killed at
    // its 10 s stopTimeout; only then db gets SIGTERM and exits 2 s later.
    expect(stoppedAt('proxy')).toBe(stopAt + 1 + 2);
    expect(stoppedAt('app')).toBe(stopAt + 3 + 10);
    expect(stoppedAt('db')).toBe(stopAt + 13 + 2);
    expect([r.container('proxy').exitCode, r.container('app').exitCode, r.container('db').exitCode]).toEqual([143, 137, 143]);
  });

  it('without dependencies every container is signalled at once, as before', () => {
    const r = runOne([app(), { name: 'sidecar', image: 'envoy' }]);
    r.at(START + 5);
    r.log.push(...r.sim.dispatch({ type: 'stopTask', task: r.task().taskArn }).events);
    r.at(START + 30);
    const stops = ['app', 'sidecar'].map((n) => r.containerTimes(n).find(([, s]) => s === 'STOPPED')![0]);
    expect(stops).toEqual([START + 5 + 3, START + 5 + 3]);
  });
});

describe('registering dependsOn', () => {
  const problems = (containers: unknown[]) => validateTaskDefinition({ ...definition([]), containerDefinitions: containers }).map((e) => `${e.field}: ${e.message}`);
  it.each([
    [[app({ dependsOn: [{ containerName: 'ghost', condition: 'START' }] })], "containerDefinitions[0].dependsOn[0].containerName: Cannot depend on container + 'ghost' because it does not exist"],
    [[{ name: 'init', image: 'busybox' }, app({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })], 'containerDefinitions[1].dependsOn[0].condition: A dependency container with SUCCESS or COMPLETE condition cannot be an essential container'],
    [[{ name: 'db', image: 'postgres' }, app({ dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })], "containerDefinitions[1].dependsOn[0].condition: Container 'db' has no healthCheck, so it can never be HEALTHY: a task of this definition could never start."],
    [[app({ dependsOn: [{ containerName: 'app', condition: 'START' }] })], "containerDefinitions[0].dependsOn[0].containerName: Container 'app' cannot depend on itself."],
    [[app({ dependsOn: [{ containerName: 'b', condition: 'START' }] }), { name: 'b', image: 'x', dependsOn: [{ containerName: 'app', condition: 'START' }] }], "containerDefinitions: The containers' dependsOn make a cycle (app → b → app): none of them could ever start."],
    [[app({ dependsOn: [{ containerName: 'app', condition: 'RUNNING' as 'START' }] })], 'containerDefinitions[0].dependsOn[0].condition: condition must be one of START, COMPLETE, SUCCESS, HEALTHY.'],
    [[app({ dependsOn: 'init' as unknown as [] })], 'containerDefinitions[0].dependsOn: dependsOn must be a list of {containerName, condition}.'],
    [[app({ dependsOn: [{ containerName: '__proto__', condition: 'START' }] })], "containerDefinitions[0].dependsOn[0].containerName: Cannot depend on container + '__proto__' because it does not exist"],
    [[app({ startTimeout: 1 })], 'containerDefinitions[0].startTimeout: startTimeout on Fargate must be a whole number of seconds from 2 to 120.'],
    [[app({ startTimeout: 121 })], 'containerDefinitions[0].startTimeout: startTimeout on Fargate must be a whole number of seconds from 2 to 120.'],
  ])('%j is refused', (containers, message) => {
    expect(problems(containers)).toContain(message);
  });

  it('accepts an init container with SUCCESS, and HEALTHY on a container with a health check', () => {
    expect(problems([init(0), app({ healthCheck, dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }), { name: 'logger', image: 'x', dependsOn: [{ containerName: 'app', condition: 'HEALTHY' }] }])).toEqual([]);
  });
});

describe('restartPolicy: a container restarted in place', () => {
  const crashing = (afterSeconds: number, restartPolicy: ContainerDefinitionInput['restartPolicy'], exitCode = 1) =>
    app({ app: { kind: 'crash', afterSeconds, exitCode }, ...(restartPolicy ? { restartPolicy } : {}) });
  const stoppedEvents = (r: ReturnType<typeof runOne>) => r.containerTimes('app').filter(([, s]) => s === 'STOPPED');

  it('past restartAttemptPeriod a crash restarts the container: it stays RUNNING, the task untouched, and its app starts over', () => {
    const r = runOne([crashing(400, { enabled: true })]);
    r.at(START + 400);
    expect(r.container('app')).toMatchObject({ lastStatus: 'RUNNING', restartCount: 1, exitCode: null });
    expect(r.task()).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' });
    expect(r.task().stopCode).toBeUndefined();
    expect(stoppedEvents(r)).toEqual([]); // DescribeTasks never sees it stop
    r.at(START + 800); // its app crashes again 400 s after the restart, which is past the period again
    expect(r.container('app').restartCount).toBe(2);
    expect(r.task().lastStatus).toBe('RUNNING');
  });

  it('a crash sooner than restartAttemptPeriod after the start is not restarted: the task stops as usual', () => {
    const r = runOne([crashing(100, { enabled: true })]);
    r.at(START + 100);
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 1 });
    expect(r.container('app').restartCount).toBeUndefined();
    expect(r.task()).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
  });

  it('a shorter period of its own, an ignored exit code, a disabled policy', () => {
    const short = runOne([crashing(100, { enabled: true, restartAttemptPeriod: 60 })]);
    short.at(START + 100);
    expect(short.container('app')).toMatchObject({ lastStatus: 'RUNNING', restartCount: 1 });
    const ignored = runOne([crashing(400, { enabled: true, ignoredExitCodes: [1] })]);
    ignored.at(START + 400);
    expect(ignored.task().stopCode).toBe('EssentialContainerExited');
    const off = runOne([crashing(400, { enabled: false })]);
    off.at(START + 400);
    expect(off.task().stopCode).toBe('EssentialContainerExited');
  });

  it('never when the task is stopping: SIGTERM ends it for good', () => {
    const r = runOne([app({ restartPolicy: { enabled: true, restartAttemptPeriod: 60 } })]);
    r.at(START + 120);
    r.log.push(...r.sim.dispatch({ type: 'stopTask', task: r.task().taskArn }).events);
    r.at(START + 200);
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 143 });
    expect(r.container('app').restartCount).toBeUndefined();
    expect(r.task().lastStatus).toBe('STOPPED');
  });

  it("a fault's crash restarts it too, and the app's moment planned before the restart no longer comes", () => {
    const r = runOne([app({ app: { kind: 'exit', afterSeconds: 600, exitCode: 0 }, essential: true, restartPolicy: { enabled: true, ignoredExitCodes: [0] } })]);
    r.at(START + 350);
    r.log.push(...r.sim.dispatch({ type: 'crashContainer', task: r.task().taskArn, exitCode: 1 }).events);
    expect(r.container('app')).toMatchObject({ lastStatus: 'RUNNING', restartCount: 1 });
    r.at(START + 700); // the first run's exit at 600 s belonged to the run that ended
    expect(r.task().lastStatus).toBe('RUNNING');
    r.at(START + 350 + 600); // the new run's job ends with 0, which is ignored: the task stops
    expect(r.container('app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(r.task().stopCode).toBe('EssentialContainerExited');
  });

  const problems = (restartPolicy: unknown) => validateTaskDefinition(definition([app({ restartPolicy: restartPolicy as NonNullable<ContainerDefinitionInput['restartPolicy']> })])).map((e) => `${e.field}: ${e.message}`);
  it.each([
    ['on', 'containerDefinitions[0].restartPolicy: restartPolicy must be an object, e.g. {"enabled": true, "ignoredExitCodes": [0], "restartAttemptPeriod": 300}.'],
    [{}, 'containerDefinitions[0].restartPolicy.enabled: restartPolicy.enabled must be true or false.'],
    [{ enabled: true, restartAttemptPeriod: 59 }, 'containerDefinitions[0].restartPolicy.restartAttemptPeriod: restartAttemptPeriod must be a whole number of seconds from 60 to 1800.'],
    [{ enabled: true, ignoredExitCodes: [256] }, 'containerDefinitions[0].restartPolicy.ignoredExitCodes: ignoredExitCodes must be a list of exit codes, whole numbers from 0 to 255.'],
    [{ enabled: true, ignoredExitCodes: Array.from({ length: 51 }, (_, i) => i) }, 'containerDefinitions[0].restartPolicy.ignoredExitCodes: ignoredExitCodes can list at most 50 exit codes.'],
  ])('restartPolicy %j is refused', (policy, message) => {
    expect(problems(policy)).toContain(message);
  });
});
