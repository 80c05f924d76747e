// The engine's entities in AWS's response shapes, as the CLI prints them: field names and the
// order of botocore's model (its JSON parser fills each structure in model order), AWS's types
// (a task's cpu and memory are strings, so is a container's cpu), timestamps as the CLI writes
// them. Only what the playground has: a field it does not simulate (platformVersion, tags,
// overrides, …) is left out rather than filled with something that looks real and means nothing.

import { describeTaskDefinition } from '../sim/json.ts';
import { REASON_DESCRIPTIONS, type Deployment, type Service, type Target, type TargetGroup, type Task, type TaskDefinition, type World } from '../sim/index.ts';
import { cliTimestamp } from './format.ts';

type Json = Record<string, unknown>;

/** A JSON object with the fields that are defined, in the order given. */
function fields(entries: [string, unknown][]): Json {
  const out: Json = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

const when = (world: World, at: number | undefined) => (at === undefined ? undefined : cliTimestamp(world, at));

/** The subnet a zone's tasks run in. The playground has one subnet per Availability Zone and no
 *  VPC to look them up in, so they are named after their zones. */
export const subnetOf = (az: string) => `subnet-${az}`;
export const playgroundSubnets = (world: World) => world.config.availabilityZones.map(subnetOf);

/** FNV-1a over a string: a stable number from a task ID, without the world's RNG. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The task ENI's private address. A task registered in a target group has the address the load
 * balancer knows it by (the engine chose it then); any other is derived from its task ID — a
 * hash, not the RNG, so asking changes nothing — in its zone's 10.0.<16·(zone+1)…>.0/20.
 */
export function privateIpOf(world: World, task: Task): string {
  for (const tg of world.targetGroups.values()) {
    const target = tg.targets.get(task.taskArn);
    if (target) return target.id;
  }
  const h = hash(task.taskId);
  const zone = Math.max(0, world.config.availabilityZones.indexOf(task.availabilityZone));
  return `10.0.${(zone + 1) * 16 + (h & 15)}.${1 + ((h >>> 4) % 254)}`;
}

/** eni- and 17 hex digits, from the task ID (see privateIpOf). */
const eniOf = (task: Task) => `eni-${(hash(`eni:${task.taskId}`) >>> 0).toString(16).padStart(8, '0')}${task.taskId.slice(0, 9)}`;

/** The ENI attachment awsvpc gives every Fargate task: precreated while PROVISIONING, attached
 *  from PENDING, deleted once the task has stopped (spec §3.1). */
function attachmentOf(world: World, task: Task): Json {
  const status = task.lastStatus === 'PROVISIONING' ? 'PRECREATED' : task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED';
  return {
    type: 'ElasticNetworkInterface',
    status,
    details: [
      { name: 'subnetId', value: subnetOf(task.availabilityZone) },
      { name: 'networkInterfaceId', value: eniOf(task) },
      { name: 'privateIPv4Address', value: privateIpOf(world, task) },
    ],
  };
}

/** A Task (API:Task, spec §3.7b). */
export function taskShape(world: World, task: Task): Json {
  const td = world.taskDefinitions.get(task.taskDefinitionArn);
  const ip = privateIpOf(world, task);
  const checked = td?.containerDefinitions.some((c) => c.healthCheck) ?? false;
  return fields([
    ['attachments', [attachmentOf(world, task)]],
    ['availabilityZone', task.availabilityZone],
    ['clusterArn', task.clusterArn],
    ['connectivity', task.connectivityAt !== undefined ? (task.lastStatus === 'STOPPED' ? 'DISCONNECTED' : 'CONNECTED') : undefined],
    ['connectivityAt', when(world, task.connectivityAt)],
    [
      'containers',
      task.containers.map((c) => {
        const def = td?.containerDefinitions.find((d) => d.name === c.name);
        return fields([
          ['taskArn', task.taskArn],
          ['name', c.name],
          ['image', c.image],
          ['imageDigest', c.imageDigest],
          ['lastStatus', c.lastStatus],
          ['exitCode', c.exitCode ?? undefined],
          ['reason', c.reason],
          ['networkInterfaces', [{ privateIpv4Address: ip }]],
          ['healthStatus', def?.healthCheck ? c.healthStatus : checked ? 'UNKNOWN' : undefined],
          ['cpu', String(def?.cpu ?? 0)],
          ['memory', def?.memory !== undefined ? String(def.memory) : undefined],
        ]);
      }),
    ],
    ['cpu', task.cpu],
    ['createdAt', cliTimestamp(world, task.createdAt)],
    ['desiredStatus', task.desiredStatus],
    ['executionStoppedAt', when(world, task.executionStoppedAt)],
    ['group', task.group],
    ['healthStatus', task.healthStatus],
    ['lastStatus', task.lastStatus],
    ['launchType', task.launchType],
    ['memory', task.memory],
    ['pullStartedAt', when(world, task.pullStartedAt)],
    ['pullStoppedAt', when(world, task.pullStoppedAt)],
    ['startedAt', when(world, task.startedAt)],
    // The engine tags a standalone task started without --started-by "you"; AWS leaves the field out.
    ['startedBy', task.startedBy === 'you' && task.serviceName === undefined ? undefined : task.startedBy],
    ['stopCode', task.stopCode],
    ['stoppedAt', when(world, task.stoppedAt)],
    ['stoppedReason', task.stoppedReason],
    ['stoppingAt', when(world, task.stoppingAt)],
    ['taskArn', task.taskArn],
    ['taskDefinitionArn', task.taskDefinitionArn],
    ['version', task.version],
  ]);
}

function deploymentShape(world: World, d: Deployment): Json {
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition,
    desiredCount: d.desiredCount,
    pendingCount: d.pendingCount,
    runningCount: d.runningCount,
    failedTasks: d.failedTasks,
    createdAt: cliTimestamp(world, d.createdAt),
    updatedAt: cliTimestamp(world, d.updatedAt),
    launchType: 'FARGATE',
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

/** A Service (API:Service, spec §5.1). The playground keeps no networkConfiguration, so it shows none. */
export function serviceShape(world: World, s: Service): Json {
  const dc = s.deploymentConfiguration;
  return {
    serviceArn: s.serviceArn,
    serviceName: s.serviceName,
    clusterArn: s.clusterArn,
    loadBalancers: s.loadBalancers.map((lb) => ({ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort })),
    serviceRegistries: [],
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    launchType: s.launchType,
    taskDefinition: s.taskDefinition,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: dc.deploymentCircuitBreaker.enable, rollback: dc.deploymentCircuitBreaker.rollback },
      maximumPercent: dc.maximumPercent,
      minimumHealthyPercent: dc.minimumHealthyPercent,
    },
    deployments: s.deployments.map((d) => deploymentShape(world, d)),
    events: s.events.map((e) => ({ id: e.id, createdAt: cliTimestamp(world, e.createdAt), message: e.message })),
    createdAt: cliTimestamp(world, s.createdAt),
    placementConstraints: [],
    placementStrategy: [],
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: { type: 'ECS' },
  };
}

/** DescribeTaskDefinition's taskDefinition: the engine's own describe, with the CLI's timestamps. */
export const taskDefinitionShape = (world: World, td: TaskDefinition): Json => describeTaskDefinition(td, (at) => cliTimestamp(world, at));

/** An ELBv2 TargetGroup (API:TargetGroup). */
export function targetGroupShape(tg: TargetGroup): Json {
  const hc = tg.healthCheck;
  return {
    TargetGroupArn: tg.targetGroupArn,
    TargetGroupName: tg.targetGroupName,
    Protocol: tg.protocol,
    Port: tg.port,
    HealthCheckProtocol: 'HTTP',
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThresholdCount,
    UnhealthyThresholdCount: hc.unhealthyThresholdCount,
    HealthCheckPath: hc.path,
    Matcher: { HttpCode: hc.matcher },
    LoadBalancerArns: [tg.loadBalancerArn],
    TargetType: tg.targetType,
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
  };
}

/** An ELBv2 TargetHealthDescription: a healthy target has no reason or description. */
export function targetHealthShape(t: Target): Json {
  return {
    Target: { Id: t.id, Port: t.port },
    HealthCheckPort: String(t.port),
    TargetHealth: fields([
      ['State', t.state],
      ['Reason', t.reason],
      ['Description', t.reason !== undefined ? REASON_DESCRIPTIONS[t.reason] : undefined],
    ]),
  };
}
