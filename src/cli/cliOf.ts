// "Show me the API": the aws command lines a UI command equals, given the world just before it
// ran. What the engine would make of the command (the task a selector picks, the ARNs a new load
// balancer gets, the JSON a task definition exports as) is found by applying it to a copy of
// that world — `Simulation.resume` shares the entities and copies the rest (the RNG state
// included), so the world shown is untouched and the answer is the engine's own, not a second
// opinion.

import { exportTaskDefinition } from '../sim/json.ts';
import { Simulation, type Command, type DeploymentConfigurationInput, type ScriptCommand, type World } from '../sim/index.ts';
import { playgroundSubnets } from './shapes.ts';

/**
 * What a UI command is as aws commands. `lines` are full command lines; `runnable` says whether
 * the playground's terminal can run all of them (it can for everything but a new load balancer,
 * whose three calls exist on AWS only), and `note` says why not, for the UI to show beside them.
 * `none`: there is no API call for it, and why (a fault is something that happens to a task).
 */
export type CliEquivalent = { lines: string[]; runnable: boolean; note?: string } | { none: string };

const runnable = (lines: string[]): CliEquivalent => ({ lines, runnable: true });

/** A word as a shell takes it back: bare when bash would leave it alone (no braces, brackets,
 *  globs, spaces or quotes), else in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_\-.,:/=@%+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
const line = (...words: (string | false | undefined)[]) => words.filter((w): w is string => typeof w === 'string').join(' ');
const opt = (name: string, value: string | number | undefined) => (value === undefined ? undefined : `--${name} ${shellWord(String(value))}`);

/** awsvpc needs subnets on AWS; the playground's are named after its zones. */
const networkOf = (world: World) => `--network-configuration ${shellWord(`awsvpcConfiguration={subnets=[${playgroundSubnets(world).join(',')}]}`)}`;

function deploymentShorthand(dc: DeploymentConfigurationInput | undefined): string | undefined {
  if (!dc) return undefined;
  const parts = [
    dc.maximumPercent !== undefined ? `maximumPercent=${dc.maximumPercent}` : null,
    dc.minimumHealthyPercent !== undefined ? `minimumHealthyPercent=${dc.minimumHealthyPercent}` : null,
    dc.deploymentCircuitBreaker ? `deploymentCircuitBreaker={enable=${dc.deploymentCircuitBreaker.enable},rollback=${dc.deploymentCircuitBreaker.rollback}}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(',') : undefined;
}

const targetGroupArnOf = (world: World, ref: string) =>
  world.targetGroups.get(ref)?.targetGroupArn ?? [...world.targetGroups.values()].find((tg) => tg.targetGroupName === ref)?.targetGroupArn ?? ref;

/** The command applied to a copy of the world: what it did, and the world after. */
function trial(world: World, command: ScriptCommand) {
  const sim = Simulation.resume(world);
  const { outcome, events } = sim.dispatch(command);
  return { outcome, events, after: sim.world };
}

/** Things that happen to a task, a zone or the clients, not API calls: keyed by command type (a
 *  Map, so the engine's newer faults can be named before every build of it has them). */
const FAULTS = new Map<string, string>([
  ['crashContainer', 'A container crashing is something that happens to a task, not an API call: no aws command does it.'],
  ['oomKillContainer', 'An out-of-memory kill is something that happens to a task, not an API call: no aws command does it.'],
  ['failHealthChecks', 'An app failing its health checks happens inside the container, not through an API call: no aws command does it.'],
  ['hangContainer', 'An app that hangs is something that happens inside a task, not an API call: no aws command does it.'],
  ['setTraffic', "Clients sending requests is not an API call: the playground's traffic stands in for your users (on AWS, point a load generator at the load balancer's DNS name)."],
  ['zoneOutage', 'An Availability Zone failing is something that happens to AWS, not an API call: no aws command does it.'],
  ['zoneRecovery', 'A zone recovering is something that happens on AWS\'s side, not an API call: no aws command does it.'],
  ['capacityShortage', 'Fargate running short of capacity happens on AWS\'s side, not through an API call: no aws command does it.'],
  ['capacityRecovery', 'Fargate capacity coming back happens on AWS\'s side, not through an API call: no aws command does it.'],
]);

/** Why a new load balancer's lines do not run in the terminal. */
export const NOT_IN_TERMINAL = "These run on AWS. The playground's terminal cannot create load balancers: add one from the page.";

export function cliOf(command: ScriptCommand, world: World): CliEquivalent {
  const fault = FAULTS.get(command.type);
  if (fault !== undefined) return { none: fault };
  switch (command.type) {
    case 'registerTaskDefinition': {
      const { outcome, after } = trial(world, command);
      if (!outcome.ok) return { none: `ECS would refuse this task definition: ${outcome.error.message}` };
      const json = JSON.stringify(exportTaskDefinition(after.taskDefinitions.get(outcome.taskDefinitionArn!)!));
      return runnable([line('aws ecs register-task-definition --cli-input-json', shellWord(json))]);
    }
    case 'deregisterTaskDefinition':
      return runnable([line('aws ecs deregister-task-definition', opt('task-definition', command.taskDefinition))]);
    case 'runTask':
      if (command.loadBalancers !== undefined) return { none: 'RunTask has no loadBalancers parameter: only a service registers its tasks with a target group.' };
      return runnable([
        line('aws ecs run-task', opt('task-definition', command.taskDefinition), opt('count', command.count), opt('started-by', command.startedBy), opt('group', command.group), '--launch-type FARGATE', networkOf(world)),
      ]);
    case 'stopTask': {
      const { outcome } = trial(world, command);
      const arn = outcome.ok ? outcome.taskArns?.[0] : undefined;
      const task = arn !== undefined ? world.tasks.get(arn) : undefined;
      if (!task && typeof command.task !== 'string') return { none: `No task to stop: ${outcome.ok ? 'none matched' : outcome.error.message}` };
      return runnable([line('aws ecs stop-task', opt('task', task?.taskId ?? (command.task as string)), opt('reason', command.reason))]);
    }
    case 'createService':
      return runnable([
        line(
          'aws ecs create-service',
          opt('service-name', command.serviceName),
          opt('task-definition', command.taskDefinition),
          opt('desired-count', command.desiredCount),
          ...(command.loadBalancers ?? []).map((lb) =>
            opt('load-balancers', `targetGroupArn=${targetGroupArnOf(world, lb.targetGroup)},containerName=${lb.containerName},containerPort=${lb.containerPort}`),
          ),
          opt('health-check-grace-period-seconds', command.healthCheckGracePeriodSeconds),
          opt('deployment-configuration', deploymentShorthand(command.deploymentConfiguration)),
          '--launch-type FARGATE',
          networkOf(world),
        ),
      ]);
    case 'updateService':
      return runnable([
        line(
          'aws ecs update-service',
          opt('service', command.service),
          opt('desired-count', command.desiredCount),
          opt('task-definition', command.taskDefinition),
          command.forceNewDeployment === true ? '--force-new-deployment' : command.forceNewDeployment === false ? '--no-force-new-deployment' : undefined,
          opt('deployment-configuration', deploymentShorthand(command.deploymentConfiguration)),
          opt('health-check-grace-period-seconds', command.healthCheckGracePeriodSeconds),
        ),
      ]);
    case 'deleteService':
      return runnable([line('aws ecs delete-service', opt('service', command.service), command.force ? '--force' : undefined)]);
    case 'pushImage':
      return runnable([line('docker push', shellWord(command.image))]);
    case 'modifyTargetGroup':
      return modifyTargetGroupLines(command, world);
    case 'createLoadBalancer':
      return createLoadBalancerLines(command, world);
  }
  return { none: 'This action has no aws command.' };
}

function modifyTargetGroupLines(command: Extract<Command, { type: 'modifyTargetGroup' }>, world: World): CliEquivalent {
  const arn = targetGroupArnOf(world, command.targetGroup);
  const lines: string[] = [];
  const hc = command.healthCheck;
  if (hc && Object.keys(hc).length) {
    lines.push(
      line(
        'aws elbv2 modify-target-group',
        opt('target-group-arn', arn),
        opt('health-check-path', hc.path),
        opt('health-check-interval-seconds', hc.intervalSeconds),
        opt('health-check-timeout-seconds', hc.timeoutSeconds),
        opt('healthy-threshold-count', hc.healthyThresholdCount),
        opt('unhealthy-threshold-count', hc.unhealthyThresholdCount),
        opt('matcher', hc.matcher !== undefined ? `HttpCode=${hc.matcher}` : undefined),
      ),
    );
  }
  const attributes = [
    command.deregistrationDelaySeconds !== undefined ? `Key=deregistration_delay.timeout_seconds,Value=${command.deregistrationDelaySeconds}` : null,
    command.algorithm !== undefined ? `Key=load_balancing.algorithm.type,Value=${command.algorithm}` : null,
  ].filter((a): a is string => a !== null);
  if (attributes.length) lines.push(line('aws elbv2 modify-target-group-attributes', opt('target-group-arn', arn), '--attributes', ...attributes.map(shellWord)));
  return lines.length ? runnable(lines) : { none: 'Nothing to change.' };
}

/** An ALB is three calls on AWS: the load balancer, its target group, the listener between them.
 *  The ARNs are the ones the engine gives them. */
function createLoadBalancerLines(command: Extract<Command, { type: 'createLoadBalancer' }>, world: World): CliEquivalent {
  const { outcome, after } = trial(world, command);
  if (!outcome.ok) return { none: `The load balancer would be refused: ${outcome.error.message}` };
  const lb = [...after.loadBalancers.values()].find((l) => l.loadBalancerName === command.name)!;
  const tg = after.targetGroups.get(lb.listener.defaultTargetGroupArn)!;
  const hc = command.targetGroup.healthCheck ?? {};
  const lines = [
    line('aws elbv2 create-load-balancer', opt('name', command.name), '--type application --scheme internet-facing --subnets', ...playgroundSubnets(world)),
    line(
      'aws elbv2 create-target-group',
      opt('name', tg.targetGroupName),
      '--protocol HTTP',
      opt('port', tg.port),
      '--target-type ip --vpc-id vpc-playground',
      opt('health-check-path', hc.path),
      opt('health-check-interval-seconds', hc.intervalSeconds),
      opt('health-check-timeout-seconds', hc.timeoutSeconds),
      opt('healthy-threshold-count', hc.healthyThresholdCount),
      opt('unhealthy-threshold-count', hc.unhealthyThresholdCount),
    ),
    line('aws elbv2 create-listener', opt('load-balancer-arn', lb.loadBalancerArn), '--protocol HTTP', opt('port', lb.listener.port), opt('default-actions', `Type=forward,TargetGroupArn=${tg.targetGroupArn}`)),
  ];
  const attributes = modifyTargetGroupLines({ type: 'modifyTargetGroup', targetGroup: tg.targetGroupArn, ...optionalAttributes(command.targetGroup) }, after);
  return { lines: 'lines' in attributes ? [...lines, ...attributes.lines] : lines, runnable: false, note: NOT_IN_TERMINAL };
}

const optionalAttributes = (tg: Extract<Command, { type: 'createLoadBalancer' }>['targetGroup']) => ({
  ...(tg.deregistrationDelaySeconds !== undefined ? { deregistrationDelaySeconds: tg.deregistrationDelaySeconds } : {}),
  ...(tg.algorithm !== undefined ? { algorithm: tg.algorithm } : {}),
});
