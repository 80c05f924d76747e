// "Show me the API": for every kind of UI command, the lines cliOf gives; and the strongest
// check — those lines run through runCli on the same world do what the command does (the same
// engine events), so the CLI shown is the CLI that works.

import { describe, expect, it } from 'vitest';
import { Simulation, webTaskDefinition, type ScriptCommand, type SimEvent } from '../sim/index.ts';
import { cliOf, runCli, shellScript } from './index.ts';
import { SESSION_MARKER } from './script.ts';
import { hostOver } from './testing.ts';

/** Events without what differs only by who asked (the rejected-command bookkeeping has none here). */
const gist = (events: readonly SimEvent[]) => events.map(({ seq: _seq, ...e }) => e);

function sceneAt(at: number, scenario = 'default') {
  const sim = Simulation.create({ seed: 3, scenario });
  sim.advanceTo(at);
  return sim;
}

const runningWebTask = (sim: Simulation) => [...sim.world.tasks.values()].find((t) => t.serviceName === 'web' && t.lastStatus === 'RUNNING')!;

/** Each UI command the page can send, in a world where it applies. */
const ROUND_TRIPS: [string, (sim: Simulation) => ScriptCommand][] = [
  ['registerTaskDefinition', () => ({ type: 'registerTaskDefinition', taskDefinition: webTaskDefinition('web', { kind: 'crash', afterSeconds: 30, exitCode: 2 }, 'public.ecr.aws/nginx/nginx:1.28') })],
  ['deregisterTaskDefinition', () => ({ type: 'deregisterTaskDefinition', taskDefinition: 'report:1' })],
  ['runTask', () => ({ type: 'runTask', taskDefinition: 'report:1', count: 2, startedBy: 'nightly-cron', group: 'batch' })],
  ['stopTask by ID', (sim) => ({ type: 'stopTask', task: runningWebTask(sim).taskArn, reason: "Testing the scheduler's healing" })],
  ['stopTask by selector (random pick)', () => ({ type: 'stopTask', task: { service: 'web', pick: 'random' } })],
  ['createService', () => ({ type: 'createService', serviceName: 'api', taskDefinition: 'web:1', desiredCount: 2, healthCheckGracePeriodSeconds: 30, deploymentConfiguration: { maximumPercent: 150, minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: true, rollback: true } }, loadBalancers: [{ targetGroup: 'web-tg', containerName: 'web', containerPort: 80 }] })],
  ['updateService scale', () => ({ type: 'updateService', service: 'web', desiredCount: 5 })],
  ['updateService deploy', () => ({ type: 'updateService', service: 'web', taskDefinition: 'web:1', forceNewDeployment: true, deploymentConfiguration: { minimumHealthyPercent: 50 }, healthCheckGracePeriodSeconds: 60 })],
  ['deleteService', () => ({ type: 'deleteService', service: 'web', force: true })],
  ['modifyTargetGroup attributes', () => ({ type: 'modifyTargetGroup', targetGroup: 'web-tg', deregistrationDelaySeconds: 10, algorithm: 'least_outstanding_requests' })],
  ['modifyTargetGroup health check', () => ({ type: 'modifyTargetGroup', targetGroup: 'web-tg', healthCheck: { path: '/health', intervalSeconds: 10, healthyThresholdCount: 2, matcher: '200-299' } })],
  ['pushImage (docker push)', () => ({ type: 'pushImage', image: 'public.ecr.aws/nginx/nginx:1.27' })],
];

describe('cliOf, run back through runCli, does what the UI command does', () => {
  it.each(ROUND_TRIPS)('%s', (_, make) => {
    const direct = sceneAt(70_000);
    const viaCli = Simulation.restore(direct.snapshot());
    const command = make(direct);
    const api = cliOf(command, direct.world);
    expect('lines' in api && api.runnable).toBe(true);
    const expected = direct.dispatch(command);
    expect(expected.outcome.ok).toBe(true);

    const { host, events } = hostOver(viaCli);
    for (const line of 'lines' in api ? api.lines : []) {
      const result = runCli(line, host);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
    }
    expect(gist(events)).toEqual(gist(expected.events));
    // A random pick draws from the world's RNG and a stop-task by ID does not: the same task
    // stops, and the IDs drawn later differ. Every other command goes on the same.
    if (typeof command === 'object' && 'task' in command && typeof command.task === 'object' && command.task.pick === 'random') {
      expect(viaCli.world.rng).not.toEqual(direct.world.rng);
      return;
    }
    // And the two worlds go on the same: a minute later, the same tasks in the same states.
    direct.advanceBy(60_000);
    viaCli.advanceBy(60_000);
    const states = (sim: Simulation) => [...sim.world.tasks.values()].map((t) => `${t.taskId} ${t.lastStatus}`);
    expect(states(viaCli)).toEqual(states(direct));
  });
});

describe('cliOf lines', () => {
  const sim = sceneAt(70_000);
  const tg = [...sim.world.targetGroups.values()][0]!;

  it('uses the task ID, the target group ARN, the playground subnets and --launch-type FARGATE', () => {
    const task = runningWebTask(sim);
    expect(cliOf({ type: 'stopTask', task: task.taskArn }, sim.world)).toEqual({ lines: [`aws ecs stop-task --task ${task.taskId}`], runnable: true });
    expect(cliOf({ type: 'updateService', service: 'web', desiredCount: 5 }, sim.world)).toEqual({ lines: ['aws ecs update-service --service web --desired-count 5'], runnable: true });
    expect(cliOf({ type: 'runTask', taskDefinition: 'report:1' }, sim.world)).toEqual({
      lines: ["aws ecs run-task --task-definition report:1 --launch-type FARGATE --network-configuration 'awsvpcConfiguration={subnets=[subnet-us-east-1a,subnet-us-east-1b,subnet-us-east-1c]}'"],
      runnable: true,
    });
    expect(cliOf({ type: 'modifyTargetGroup', targetGroup: 'web-tg', deregistrationDelaySeconds: 30 }, sim.world)).toEqual({
      lines: [`aws elbv2 modify-target-group-attributes --target-group-arn ${tg.targetGroupArn} --attributes Key=deregistration_delay.timeout_seconds,Value=30`],
      runnable: true,
    });
    expect(cliOf({ type: 'pushImage', image: 'public.ecr.aws/nginx/nginx:1.27' }, sim.world)).toEqual({ lines: ['docker push public.ecr.aws/nginx/nginx:1.27'], runnable: true });
  });

  it('a new load balancer is three calls, with the ARNs the engine will give them; the world shown is untouched', () => {
    const before = sim.world.loadBalancers.size;
    const rng = [...sim.world.rng];
    const api = cliOf({ type: 'createLoadBalancer', name: 'api-alb', targetGroup: { name: 'api-tg', port: 8080, deregistrationDelaySeconds: 5 } }, sim.world);
    expect(sim.world.loadBalancers.size).toBe(before);
    expect(sim.world.rng).toEqual(rng);
    const lines = 'lines' in api ? api.lines : [];
    // AWS's calls, which the terminal cannot make: the UI says so beside them.
    expect(api).toMatchObject({ runnable: false, note: "These run on AWS. The playground's terminal cannot create load balancers: add one from the page." });
    expect(runCli(lines[0]!, hostOver(Simulation.resume(sim.world)).host).stderr).toContain("Found invalid choice 'create-load-balancer'");
    expect(lines[0]).toBe('aws elbv2 create-load-balancer --name api-alb --type application --scheme internet-facing --subnets subnet-us-east-1a subnet-us-east-1b subnet-us-east-1c');
    expect(lines[1]).toBe('aws elbv2 create-target-group --name api-tg --protocol HTTP --port 8080 --target-type ip --vpc-id vpc-playground');
    expect(lines[2]).toMatch(/^aws elbv2 create-listener --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/api-alb\/[0-9a-f]{16} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/api-tg\/[0-9a-f]{16}$/);
    expect(lines[3]).toMatch(/--attributes Key=deregistration_delay.timeout_seconds,Value=5$/);
    const { outcome } = Simulation.resume(sim.world).dispatch({ type: 'createLoadBalancer', name: 'api-alb', targetGroup: { name: 'api-tg', port: 8080 } });
    expect(outcome.ok).toBe(true);
  });

  it.each([
    [{ type: 'crashContainer', task: 'x' }, /happens to a task, not an API call/],
    [{ type: 'oomKillContainer', task: 'x' }, /not an API call/],
    [{ type: 'failHealthChecks', task: 'x' }, /not through an API call/],
    [{ type: 'hangContainer', task: 'x' }, /not an API call/],
    [{ type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 50 }, /not an API call/],
  ] as [ScriptCommand, RegExp][])('%o has none, and says why', (command, why) => {
    const api = cliOf(command, sim.world);
    expect('none' in api && api.none).toMatch(why);
  });
});

describe('shellScript', () => {
  const log = [
    { at: 70_000, command: { type: 'updateService', service: 'web', desiredCount: 5 } },
    { at: 90_500, command: { type: 'stopTask', task: { service: 'web', pick: 'newest' } } },
    { at: 95_000, command: { type: 'crashContainer', task: { service: 'web' } } },
    { at: 120_000, command: { type: 'runTask', taskDefinition: 'report:1', count: 2 } },
    { at: 150_000, command: { type: 'modifyTargetGroup', targetGroup: 'web-tg', deregistrationDelaySeconds: 5 } },
  ] as { at: number; command: ScriptCommand }[];

  it('is a bash script with a header saying what to replace, the cluster and the setup, sleeps, and faults as comments', () => {
    const text = shellScript({ scenario: 'default', seed: 4, log });
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['#!/usr/bin/env bash', 'set -euo pipefail']);
    expect(text).toContain('scene "default"');
    expect(text).toContain('seed 4');
    expect(text).toContain('#   - its subnets (subnet-us-east-1a, subnet-us-east-1b, subnet-us-east-1c) and VPC (vpc-playground): yours;');
    expect(text).toContain("#   - the task IDs in stop-task lines: the playground's; pick one of yours (aws ecs list-tasks);");
    // On a fresh account the setup runs: the cluster first, then the scene, with the ARNs it makes captured.
    const setup = lines.slice(lines.indexOf("# The cluster and the scene's setup: the playground starts with them; on a fresh account these make them.") + 1);
    expect(setup[0]).toBe('aws ecs create-cluster --cluster-name default');
    expect(setup[1]).toMatch(/^aws ecs register-task-definition --cli-input-json '\{"family":"web",/);
    expect(text).toContain("\nWEB_ALB_ARN=$(aws elbv2 create-load-balancer --name web-alb --type application --scheme internet-facing --subnets subnet-us-east-1a subnet-us-east-1b subnet-us-east-1c --query 'LoadBalancers[0].LoadBalancerArn' --output text)\n");
    expect(text).toContain("\nWEB_TG_ARN=$(aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --target-type ip --vpc-id vpc-playground --query 'TargetGroups[0].TargetGroupArn' --output text)\n");
    expect(text).toContain('\naws elbv2 create-listener --load-balancer-arn "${WEB_ALB_ARN}" --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn="${WEB_TG_ARN}"\n');
    expect(text).toContain('--load-balancers targetGroupArn="${WEB_TG_ARN}",containerName=web,containerPort=80 ');
    // No playground ARN of a load balancer or target group is left on a line that runs.
    expect(lines.filter((l) => !l.startsWith('#') && l.includes('arn:aws:elasticloadbalancing'))).toEqual([]);
    // The session looks up the ARNs it uses, so it also runs by itself.
    expect(text).toContain(`${SESSION_MARKER}\n# The ARNs your account has for the load balancers and target groups used below:\nWEB_TG_ARN=$(aws elbv2 describe-target-groups --names web-tg --query 'TargetGroups[0].TargetGroupArn' --output text)\n`);
    expect(text).toContain('sleep 70\n# T+01:10\naws ecs update-service --service web --desired-count 5\n');
    expect(text).toContain("sleep 20.5\n# T+01:30\n# (The playground's task ID: on AWS, one of yours.)\naws ecs stop-task --task ");
    expect(text).toMatch(/# T\+01:35 crashContainer: A container crashing is something that happens to a task/);
    expect(text).toContain('sleep 30\n# T+02:30\naws elbv2 modify-target-group-attributes --target-group-arn "${WEB_TG_ARN}" --attributes Key=deregistration_delay.timeout_seconds,Value=5\n');
  });

  it('a load balancer made in the session is captured where it is made, with a note that the terminal cannot make it', () => {
    const text = shellScript({ scenario: 'default', seed: 4, log: [{ at: 70_000, command: { type: 'createLoadBalancer', name: 'api-alb', targetGroup: { name: 'api-tg', port: 8080 } } }] });
    const session = text.slice(text.indexOf(SESSION_MARKER));
    expect(session).toContain("# These run on AWS. The playground's terminal cannot create load balancers: add one from the page.\nAPI_ALB_ARN=$(aws elbv2 create-load-balancer --name api-alb ");
    expect(session).toContain('\naws elbv2 create-listener --load-balancer-arn "${API_ALB_ARN}" --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn="${API_TG_ARN}"\n');
    expect(session).not.toContain('describe-target-groups');
  });

  it('run from the session on (sleeps advancing the simulation, $(…) captured, comments skipped), it reproduces the session', () => {
    const seed = 4;
    // The session: the log replayed on the engine.
    const session = Simulation.create({ seed, scenario: 'default' });
    for (const entry of log) {
      session.advanceTo(entry.at);
      session.dispatch(entry.command);
    }
    session.advanceTo(200_000);
    // The script, run line by line from where the session starts, as a small shell would: the
    // scene is the playground's, so its setup is there already.
    const played = Simulation.create({ seed, scenario: 'default' });
    const { host } = hostOver(played);
    const variables = new Map<string, string>();
    const expand = (line: string) => line.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => variables.get(name) ?? `<unset ${name}>`);
    const text = shellScript({ scenario: 'default', seed, log });
    let faults = 0;
    let ran = 0;
    for (const line of text.slice(text.indexOf(SESSION_MARKER)).split('\n')) {
      const sleep = /^sleep (\S+)$/.exec(line);
      const capture = /^([A-Z0-9_]+)=\$\((aws .*)\)$/.exec(line);
      if (sleep) played.advanceBy(Number(sleep[1]) * 1000);
      else if (capture) {
        const result = runCli(expand(capture[2]!), host);
        expect(result).toMatchObject({ exitCode: 0, stderr: '' });
        variables.set(capture[1]!, result.stdout.trim());
      } else if (/^# T\+\d\d:\d\d crashContainer/.test(line)) {
        // A fault has no command: the script says so, and here it is done as the page did it.
        played.dispatch(log[2]!.command);
        faults++;
      } else if (line.startsWith('aws ')) {
        expect(runCli(expand(line), host)).toMatchObject({ exitCode: 0, stderr: '' });
        ran++;
      }
    }
    expect([faults, ran]).toEqual([1, 4]);
    expect(variables.get('WEB_TG_ARN')).toBe([...played.world.targetGroups.values()].find((tg) => tg.targetGroupName === 'web-tg')!.targetGroupArn);
    played.advanceTo(200_000);
    const states = (sim: Simulation) => [...sim.world.tasks.values()].map((t) => `${t.taskId} ${t.lastStatus} ${t.desiredStatus}`);
    expect(states(played)).toEqual(states(session));
    expect(played.world.rng).toEqual(session.world.rng);
    expect(played.world.targetGroups.get(variables.get('WEB_TG_ARN')!)!.deregistrationDelaySeconds).toBe(5);
  });
});
