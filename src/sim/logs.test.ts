// Container logs (issue 12): each container with awslogs writes to its own stream, named as
// awslogs names it on Fargate; the lines follow what the container did; memory stays bounded;
// the logs outlive the task; and a checkpoint (or a seek) shows the logs of its moment.

import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation.ts';
import { writeLogs, logEvents, logGroups, containerLogs, MAX_LOG_LINES, MAX_LOG_STREAMS } from './logs.ts';
import { awslogs, EXECUTION_ROLE, webBehindAlb, webWithSidecar } from './sceneParts.ts';
import type { Scenario } from './scenarios.ts';
import type { Command, ContainerDefinitionInput, LogStream, Task, TaskDefinitionInput, World } from './model/index.ts';

const messages = (s: LogStream) => logEvents(s).map((e) => e.message);
const streamsOf = (world: World, task: Task) => world.logs.byTask.get(task.taskArn)?.streams ?? [];
const streamOf = (world: World, task: Task, container: string) => {
  const s = streamsOf(world, task).find((x) => x.containerName === container);
  if (!s) throw new Error(`no stream for ${container} of ${task.taskId}`);
  return s;
};
const tasksOf = (sim: Simulation) => [...sim.world.tasks.values()];
const running = (sim: Simulation) => tasksOf(sim).filter((t) => t.lastStatus === 'RUNNING');

/** One standalone task of a one-container definition that logs to /ecs/app. */
function oneTask(container: Partial<ContainerDefinitionInput>, more: Partial<TaskDefinitionInput> = {}): { sim: Simulation; task: () => Task } {
  const td: TaskDefinitionInput = {
    family: 'app',
    cpu: '256',
    memory: '512',
    executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/node:22-slim', portMappings: [{ containerPort: 3000 }], logConfiguration: awslogs('/ecs/app'), ...container }],
    ...more,
  };
  const scenario: Scenario = { name: 't', title: '', description: '', setup: [{ type: 'registerTaskDefinition', taskDefinition: td }, { type: 'runTask', taskDefinition: 'app:1' }], script: [] };
  const sim = Simulation.create({ seed: 1, scenario });
  return { sim, task: () => tasksOf(sim)[0]! };
}

/** The sidecar scene: web (nginx) depends on xray-daemon, 2 tasks behind web-alb, clients from 40 s. */
const sidecar = () => Simulation.create({ seed: 2, scenario: 'sidecar' });

describe('streams, named as awslogs names them on Fargate', () => {
  it('gives each container its own stream <prefix>/<container>/<task ID> in its group, created when it starts', () => {
    const sim = sidecar();
    sim.advanceTo(60_000);
    for (const t of running(sim)) {
      const names = streamsOf(sim.world, t).map((s) => `${s.logGroupName} ${s.logStreamName} ${s.region}`);
      expect(names.sort()).toEqual([`/ecs/web ecs/web/${t.taskId} us-east-1`, `/ecs/web ecs/xray-daemon/${t.taskId} us-east-1`]);
      const web = streamOf(sim.world, t, 'web');
      // web waits for the daemon to START, which it does in the same moment: both streams are created then.
      expect(web.creationTime).toBe(t.startedAt);
      expect(streamOf(sim.world, t, 'xray-daemon').creationTime).toBe(t.startedAt);
      expect(web.firstEventTimestamp).toBe(web.creationTime);
      expect(web.lastEventTimestamp).toBe(logEvents(web).at(-1)!.timestamp);
    }
    const [group] = logGroups(sim.world);
    expect(group!.logGroupName).toBe('/ecs/web');
    expect(group!.streams).toHaveLength(4);
  });

  it('has no stream for a container that never started, and says so for one without logConfiguration', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'init-job' });
    sim.advanceTo(300_000); // nightly:2 runs at 3:00; its fetch-config exits 1, so job never starts
    const broken = tasksOf(sim).find((t) => t.revision === 2)!;
    expect(containerLogs(sim.world, broken).map((c) => [c.containerName, c.kind])).toEqual([['fetch-config', 'stream'], ['job', 'notStarted']]);
    // A container without logConfiguration: its output goes nowhere you can read.
    const bare = oneTask({}, { containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/node:22-slim' }] });
    bare.sim.advanceTo(60_000);
    expect(containerLogs(bare.sim.world, bare.task())).toEqual([{ containerName: 'app', kind: 'none' }]);
    expect(bare.sim.world.logs.byTask.size).toBe(0);
  });
});

describe('what the containers write', () => {
  it('a web server prints its start-up lines; a sidecar says what it is; a job starts its work', () => {
    const sim = sidecar();
    sim.advanceTo(60_000);
    const t = running(sim)[0]!;
    expect(messages(streamOf(sim.world, t, 'web')).slice(0, 5).join('\n')).toMatch(/nginx\/1\.27[\s\S]*start worker processes/);
    expect(messages(streamOf(sim.world, t, 'xray-daemon'))[0]).toMatch(/Initializing AWS X-Ray daemon 3\.3\.14/);

    const job = Simulation.create({ seed: 1, scenario: 'init-job' });
    job.advanceTo(60_000);
    const first = tasksOf(job)[0]!;
    expect(messages(streamOf(job.world, first, 'fetch-config'))).toEqual(['download: s3://nightly-config/prod.json to config/prod.json']);
    expect(messages(streamOf(job.world, first, 'job'))).toEqual(['INFO Starting job (REPORT_DATE=2026-01-04)']);
    job.advanceTo(200_000);
    const done = messages(streamOf(job.world, first, 'job'));
    expect(done.at(-1)).toMatch(/finished/);
    expect(done.filter((m) => m.includes('Processed'))).toHaveLength(3);
    // Its progress is dated through the run, in order.
    const times = logEvents(streamOf(job.world, first, 'job')).map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(5);
  });

  it('the failing init container says exactly what was missing: the logs are how you find out why a job failed', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'init-job' });
    sim.advanceTo(300_000);
    const broken = tasksOf(sim).find((t) => t.revision === 2)!;
    expect(broken.lastStatus).toBe('STOPPED');
    const s = streamOf(sim.world, broken, 'fetch-config');
    expect(messages(s)).toEqual(['fatal error: An error occurred (404) when calling the HeadObject operation: Key "prod.jsn" does not exist']);
    expect(s.exit).toMatchObject({ exitCode: 1 });
  });

  it('samples the requests a task serves (at most one line per 5 s), with the load balancer\'s health checks', () => {
    const sim = sidecar();
    sim.advanceTo(10 * 60_000);
    for (const t of running(sim)) {
      const lines = logEvents(streamOf(sim.world, t, 'web'));
      const clients = lines.filter((l) => l.message.includes('"GET / HTTP/1.1" 200') && !/ELB-HealthChecker|curl\//.test(l.message));
      const served = sim.world.traffic.perTask.get(t.taskArn)!.served;
      expect(served).toBeGreaterThan(clients.length * 2); // far more requests than lines
      expect(clients.length).toBeGreaterThan(0);
      expect(clients.length).toBeLessThanOrEqual(Math.ceil((10 * 60_000 - 40_000) / 5_000) + 2);
      // A request reaches the task from a load balancer node; the client's address is in X-Forwarded-For.
      expect(clients[0]!.message).toMatch(/^10\.0\.\d+\.\d+ - - \[05\/Jan\/2026:09:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" ".+" "(203\.0\.113|198\.51\.100|192\.0\.2)\.\d+"$/);
      expect(lines.some((l) => l.message.includes('"ELB-HealthChecker/2.0"'))).toBe(true);
      expect(lines.some((l) => l.message.startsWith('127.0.0.1 ') && l.message.includes('"curl/8.5.0"'))).toBe(true);
      const times = lines.map((l) => l.timestamp);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The sidecar serves no load balancer: no access lines.
      expect(messages(streamOf(sim.world, t, 'xray-daemon'))).toHaveLength(4);
    }
  });

  it('writes the failing health checks: the app says why, then the checks get 500', () => {
    const sim = sidecar();
    sim.advanceTo(90_000);
    const t = running(sim)[0]!;
    sim.dispatch({ type: 'failHealthChecks', task: t.taskArn, container: 'web' });
    const error = messages(streamOf(sim.world, t, 'web')).at(-1)!;
    expect(error).toMatch(/\[error\]/);
    sim.advanceTo(150_000);
    const after = messages(streamOf(sim.world, t, 'web'));
    const failing = after.slice(after.indexOf(error) + 1);
    expect(failing.some((m) => m.includes('" 500 ') && m.includes('curl/8.5.0'))).toBe(true);
    expect(failing.some((m) => m.includes('" 500 ') && m.includes('ELB-HealthChecker/2.0'))).toBe(true);
    expect(failing.filter((m) => m.includes('" 200 '))).toEqual([]);
  });

  it('an app that honours SIGTERM says so and exits; containers stop in reverse dependency order', () => {
    const sim = sidecar();
    sim.advanceTo(90_000);
    const t = running(sim)[0]!;
    sim.dispatch({ type: 'stopTask', task: t.taskArn });
    sim.advanceTo(300_000);
    const web = logEvents(streamOf(sim.world, t, 'web'));
    const xray = logEvents(streamOf(sim.world, t, 'xray-daemon'));
    const sigterm = web.find((e) => e.message.includes('SIGTERM'))!;
    expect(web.at(-1)!.message).toMatch(/\[notice\] 1#1: exit$/);
    expect(streamOf(sim.world, t, 'web').exit).toMatchObject({ exitCode: 143 });
    // The daemon is signalled only once web has stopped.
    expect(xray.find((e) => e.message.includes('SIGTERM'))!.timestamp).toBeGreaterThanOrEqual(web.at(-1)!.timestamp);
    expect(sigterm.timestamp).toBeLessThan(web.at(-1)!.timestamp);
    // ECS's reason is ECS's, not the log's.
    expect(web.some((e) => e.message.includes('Task stopped by user'))).toBe(false);
  });

  it('an app that ignores SIGTERM says nothing: it is SIGKILLed at its stopTimeout and the log just stops', () => {
    const { sim, task } = oneTask({ sigterm: 'ignore', stopTimeout: 10 });
    sim.advanceTo(60_000);
    const before = messages(streamOf(sim.world, task(), 'app'));
    sim.dispatch({ type: 'stopTask', task: task().taskArn });
    sim.advanceTo(200_000);
    const s = streamOf(sim.world, task(), 'app');
    expect(messages(s)).toEqual(before);
    expect(s.exit).toMatchObject({ exitCode: 137 });
  });

  it('a crash writes its error before the exit', () => {
    const { sim, task } = oneTask({});
    sim.advanceTo(60_000);
    sim.dispatch({ type: 'crashContainer', task: task().taskArn, exitCode: 2 });
    const s = streamOf(sim.world, task(), 'app');
    expect(messages(s).slice(-3)).toEqual(['Error: unexpected state', '    at Server.<anonymous> (/app/server.js:42:11)', 'Process exiting with code 2']);
    expect(s.exit).toEqual({ at: 60_000, exitCode: 2 });
  });

  it('an OOM kill leaves no line: the reason is in ECS\'s container reason (exit 137), kept with the stream', () => {
    const { sim, task } = oneTask({});
    sim.advanceTo(60_000);
    const before = messages(streamOf(sim.world, task(), 'app'));
    sim.dispatch({ type: 'oomKillContainer', task: task().taskArn });
    const s = streamOf(sim.world, task(), 'app');
    expect(messages(s)).toEqual(before);
    expect(s.exit).toEqual({ at: 60_000, exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
  });

  it('a restart in place continues in the same stream: the run that ended, then the app starting over', () => {
    const { sim, task } = oneTask({ app: { kind: 'crash', afterSeconds: 90, exitCode: 3 }, restartPolicy: { enabled: true, restartAttemptPeriod: 60 } });
    sim.advanceTo(200_000);
    expect(task().containers[0]!.restartCount).toBe(1);
    const [s, ...others] = streamsOf(sim.world, task());
    expect(others).toEqual([]);
    const lines = messages(s!);
    expect(lines.filter((m) => m === 'Server listening on http://0.0.0.0:3000')).toHaveLength(2);
    expect(lines.indexOf('Process exiting with code 3')).toBeGreaterThan(lines.indexOf('Server listening on http://0.0.0.0:3000'));
    expect(s!.exit).toBeUndefined();
  });

  it('an OOM kill restarted in place: nothing from the run that ended, then the app starting again', () => {
    const { sim, task } = oneTask({ restartPolicy: { enabled: true, restartAttemptPeriod: 60 } });
    sim.advanceTo(100_000); // the container has run for more than restartAttemptPeriod
    const before = messages(streamOf(sim.world, task(), 'app')).length;
    sim.dispatch({ type: 'oomKillContainer', task: task().taskArn });
    expect(task().containers[0]!.restartCount).toBe(1);
    const again = messages(streamOf(sim.world, task(), 'app'));
    expect(again.slice(before)).toEqual(['app starting (Node.js)', 'Server listening on http://0.0.0.0:3000']);
  });

  it('draws nothing from the world\'s RNG (it would shift every scene and break saved links)', () => {
    const sim = sidecar();
    sim.advanceTo(90_000);
    const rng = [...sim.world.rng];
    writeLogs({ world: sim.world, events: [] }, 0, { command: { type: 'failHealthChecks', task: running(sim)[0]!.taskArn } });
    expect(sim.world.rng).toEqual(rng);
  });
});

describe('bounded memory', () => {
  it(`keeps the last ${MAX_LOG_LINES} lines of a stream and counts the ones it dropped`, () => {
    const setup: Command[] = [
      { type: 'registerTaskDefinition', taskDefinition: { ...webWithSidecar, containerDefinitions: webWithSidecar.containerDefinitions.map((c) => (c.healthCheck ? { ...c, healthCheck: { ...c.healthCheck, interval: 10 } } : c)) } },
      ...webBehindAlb({ desiredCount: 1, ratePerSecond: 20 }),
      { type: 'modifyTargetGroup', targetGroup: 'web-tg', healthCheck: { intervalSeconds: 5, timeoutSeconds: 2 } },
    ];
    const sim = Simulation.create({ seed: 1, scenario: { name: 'chatty', title: '', description: '', setup, script: [] } });
    sim.advanceTo(40 * 60_000);
    const s = streamOf(sim.world, running(sim)[0]!, 'web');
    const lines = logEvents(s);
    expect(s.written).toBeGreaterThan(MAX_LOG_LINES + 100);
    expect(lines).toHaveLength(MAX_LOG_LINES);
    expect(s.dropped).toBe(s.written - MAX_LOG_LINES);
    expect(lines.at(-1)!.timestamp).toBe(s.lastEventTimestamp);
    // The oldest went: the start-up lines are no longer there.
    expect(lines.some((l) => l.message.includes('nginx/1.27'))).toBe(false);
  });

  it(`keeps at most ${MAX_LOG_STREAMS} streams, letting the oldest stopped tasks' go first`, () => {
    const job: TaskDefinitionInput = {
      family: 'tick',
      cpu: '256',
      memory: '512',
      executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [{ name: 'tick', image: 'public.ecr.aws/docker/library/python:3.13-slim', logConfiguration: awslogs('/ecs/tick'), app: { kind: 'exit', afterSeconds: 5, exitCode: 0 } }],
    };
    const scenario: Scenario = {
      name: 'ticks',
      title: '',
      description: '',
      setup: [{ type: 'registerTaskDefinition', taskDefinition: job }],
      // 25 × 10 one-container jobs, a minute apart: 250 streams asked for.
      script: Array.from({ length: 25 }, (_, i) => ({ at: i * 60, command: { type: 'runTask' as const, taskDefinition: 'tick:1', count: 10 } })),
    };
    const sim = Simulation.create({ seed: 1, scenario });
    sim.advanceTo(26 * 60_000);
    const store = sim.world.logs;
    expect(store.streams).toBe(MAX_LOG_STREAMS);
    expect(store.deletedStreams).toBe(50);
    const kept = [...store.byTask.values()];
    expect(kept.reduce((n, l) => n + l.streams.length, 0)).toBe(MAX_LOG_STREAMS);
    // The first five minutes' jobs went: every stream kept was created after them.
    expect(Math.min(...kept.map((l) => l.streams[0]!.creationTime))).toBeGreaterThanOrEqual(5 * 60_000);
  });
});

describe('logs outlive their tasks', () => {
  it('keeps a task\'s streams after ECS has forgotten the task (an hour after it stopped)', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'init-job' });
    sim.advanceTo(5 * 60_000);
    const first = tasksOf(sim).find((t) => t.revision === 1)!;
    const lines = messages(streamOf(sim.world, first, 'job'));
    sim.advanceTo(2 * 60 * 60_000);
    expect(sim.world.tasks.has(first.taskArn)).toBe(false);
    const kept = sim.world.logs.byTask.get(first.taskArn)!;
    expect(kept.stoppedAt).toBe(first.stoppedAt ?? kept.stoppedAt);
    expect(kept.streams.find((s) => s.containerName === 'job')!.exit).toMatchObject({ exitCode: 0 });
    expect(messages(kept.streams.find((s) => s.containerName === 'job')!)).toEqual(lines);
    // Both runs' streams: nightly:2's job never started, so it has none.
    expect(logGroups(sim.world)[0]!.streams).toHaveLength(3);
  });
});

describe('checkpoints and seeking', () => {
  function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v, seen);
  }

  it('never edits a stream or a chunk in place, so a checkpoint shares them', () => {
    const sim = sidecar();
    for (let t = 5_000; t <= 15 * 60_000; t += 5_000) {
      for (const logs of sim.world.logs.byTask.values()) deepFreeze(logs);
      expect(() => sim.advanceTo(t)).not.toThrow();
      if (t % 120_000 === 0) sim.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'random' } });
      if (t % 90_000 === 0) sim.dispatch({ type: 'crashContainer', task: { service: 'web', pick: 'random' }, container: 'xray-daemon' });
    }
  });

  it('a checkpoint resumed later shows the logs as they were at its moment, and runs on to the same logs', () => {
    const sim = sidecar();
    sim.advanceTo(120_000);
    const checkpoint = sim.checkpoint();
    const then = sim.snapshot().logs;
    sim.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'oldest' } });
    sim.advanceTo(600_000);
    const resumed = Simulation.resume(checkpoint);
    expect(resumed.world.logs).toEqual(then);
    // Running the same commands from the checkpoint gives the very logs of the straight run.
    resumed.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'oldest' } });
    resumed.advanceTo(600_000);
    expect(resumed.world.logs).toEqual(sim.world.logs);
    // …and the checkpoint itself is untouched by either.
    expect(Simulation.resume(checkpoint).world.logs).toEqual(then);
  });

  it('gives the same logs however time is sliced', () => {
    const run = (step: number) => {
      const sim = sidecar();
      for (let t = step; t <= 300_000; t += step) {
        sim.advanceTo(t);
        if (t === 150_000) sim.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'oldest' } });
      }
      return sim.snapshot().logs;
    };
    expect(run(100)).toEqual(run(50_000));
  });
});

describe('untrusted names', () => {
  it('reads only the awslogs options by name: an option or a group named __proto__ is just a string', () => {
    const options = JSON.parse('{"__proto__": "x", "constructor": "y", "awslogs-group": "__proto__", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "toString"}') as Record<string, string>;
    const { sim, task } = oneTask({ logConfiguration: { logDriver: 'awslogs', options } });
    sim.advanceTo(60_000);
    const s = streamOf(sim.world, task(), 'app');
    expect([s.logGroupName, s.logStreamName, s.region]).toEqual(['__proto__', `toString/app/${task().taskId}`, 'eu-west-1']);
    expect(logGroups(sim.world).map((g) => g.logGroupName)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
