// aws elbv2: the load balancer's side (DescribeTargetGroups, DescribeTargetHealth,
// ModifyTargetGroupAttributes, DescribeLoadBalancers). ELBv2's error codes have no "Exception"
// suffix (TargetGroupNotFound, ValidationError), as its API returns them.

import type { Command, RoutingAlgorithm, TargetGroup, World } from '../sim/index.ts';
import { serviceError } from './format.ts';
import { act, get, str, type Handler, type Input } from './context.ts';
import { subnetOf, targetGroupShape, targetHealthShape } from './shapes.ts';

const NOT_FOUND = 'One or more target groups not found';
const isTargetGroupArn = (ref: string) => /^arn:aws:elasticloadbalancing:[^:]+:\d+:targetgroup\/[^/]+\/[0-9a-f]+$/.test(ref);

export const describeTargetGroups: Handler = (input, ctx) => {
  const world = ctx.host.world();
  const names = get(input, 'Names') as string[] | undefined;
  const arns = get(input, 'TargetGroupArns') as string[] | undefined;
  const lbArn = str(input, 'LoadBalancerArn');
  if ([names, arns, lbArn].filter((v) => v !== undefined).length > 1)
    return serviceError('ValidationError', ctx.operation, 'Only one of target group names, target group ARNs, or a load balancer ARN can be specified.');
  let groups = [...world.targetGroups.values()];
  if (lbArn !== undefined) {
    if (!world.loadBalancers.has(lbArn)) return serviceError('LoadBalancerNotFound', ctx.operation, 'One or more load balancers not found');
    groups = groups.filter((tg) => tg.loadBalancerArn === lbArn);
  }
  const pick = (refs: string[], key: (tg: TargetGroup) => string) => {
    const found = refs.map((ref) => groups.find((tg) => key(tg) === ref));
    return found.every((tg) => tg !== undefined) ? (found as TargetGroup[]) : null;
  };
  if (names !== undefined || arns !== undefined) {
    const found = names !== undefined ? pick(names, (tg) => tg.targetGroupName) : pick(arns!, (tg) => tg.targetGroupArn);
    if (!found) return serviceError('TargetGroupNotFound', ctx.operation, NOT_FOUND);
    groups = found;
  }
  return { response: { TargetGroups: groups.map(targetGroupShape) } };
};

/** A target group named by its ARN, as these operations take it. */
function targetGroupOf(world: World, ref: string, operation: string) {
  if (!isTargetGroupArn(ref)) return { error: serviceError('ValidationError', operation, `'${ref}' is not a valid target group ARN`) };
  const tg = world.targetGroups.get(ref);
  return tg ? { tg } : { error: serviceError('TargetGroupNotFound', operation, NOT_FOUND) };
}

export const describeTargetHealth: Handler = (input, ctx) => {
  const found = targetGroupOf(ctx.host.world(), str(input, 'TargetGroupArn') ?? '', ctx.operation);
  if ('error' in found) return found.error;
  return { response: { TargetHealthDescriptions: [...found.tg.targets.values()].map(targetHealthShape) } };
};

/** The attributes the playground simulates, as ELBv2 names them. */
const attributesOf = (tg: TargetGroup) => [
  { Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelaySeconds) },
  { Key: 'load_balancing.algorithm.type', Value: tg.algorithm },
];

/** Attributes ALB target groups have that the playground does not simulate. */
const NOT_SIMULATED = new Set([
  'stickiness.enabled', 'stickiness.type', 'stickiness.lb_cookie.duration_seconds', 'stickiness.app_cookie.cookie_name', 'stickiness.app_cookie.duration_seconds',
  'slow_start.duration_seconds', 'load_balancing.cross_zone.enabled', 'load_balancing.algorithm.anomaly_mitigation', 'lambda.multi_value_headers.enabled',
  'target_group_health.dns_failover.minimum_healthy_targets.count', 'target_group_health.dns_failover.minimum_healthy_targets.percentage',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count', 'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage',
]);

export const modifyTargetGroupAttributes: Handler = (input, ctx) => {
  const found = targetGroupOf(ctx.host.world(), str(input, 'TargetGroupArn') ?? '', ctx.operation);
  if ('error' in found) return found.error;
  const command: Extract<Command, { type: 'modifyTargetGroup' }> = { type: 'modifyTargetGroup', targetGroup: found.tg.targetGroupArn };
  for (const attribute of (get(input, 'Attributes') as Input[] | undefined) ?? []) {
    const key = str(attribute, 'Key') ?? '';
    const value = str(attribute, 'Value') ?? '';
    if (key === 'deregistration_delay.timeout_seconds') {
      if (!/^\d+$/.test(value)) return serviceError('ValidationError', ctx.operation, `'${value}' is not a valid value for deregistration_delay.timeout_seconds: a whole number of seconds from 0 to 3600.`);
      command.deregistrationDelaySeconds = Number(value);
    } else if (key === 'load_balancing.algorithm.type') {
      command.algorithm = value as RoutingAlgorithm;
    } else if (NOT_SIMULATED.has(key)) {
      return serviceError('InvalidConfigurationRequest', ctx.operation, `The playground does not simulate ${key}; it simulates deregistration_delay.timeout_seconds and load_balancing.algorithm.type.`);
    } else return serviceError('ValidationError', ctx.operation, `Target group attribute key '${key}' is not recognized`);
  }
  const done = act(ctx, command);
  if (!done.ok) return done.result;
  return { response: { Attributes: attributesOf(ctx.host.world().targetGroups.get(found.tg.targetGroupArn)!) } };
};

export const describeLoadBalancers: Handler = (input, ctx) => {
  const world = ctx.host.world();
  const names = get(input, 'Names') as string[] | undefined;
  const arns = get(input, 'LoadBalancerArns') as string[] | undefined;
  let lbs = [...world.loadBalancers.values()];
  if (names !== undefined || arns !== undefined) {
    const refs = names ?? arns!;
    const found = refs.map((ref) => lbs.find((lb) => (names !== undefined ? lb.loadBalancerName : lb.loadBalancerArn) === ref));
    if (found.some((lb) => lb === undefined)) return serviceError('LoadBalancerNotFound', ctx.operation, 'One or more load balancers not found');
    lbs = found as typeof lbs;
  }
  return {
    response: {
      LoadBalancers: lbs.map((lb) => ({
        LoadBalancerArn: lb.loadBalancerArn,
        DNSName: lb.dnsName,
        LoadBalancerName: lb.loadBalancerName,
        Scheme: lb.scheme,
        State: { Code: 'active' },
        Type: lb.type,
        AvailabilityZones: world.config.availabilityZones.map((az) => ({ ZoneName: az, SubnetId: subnetOf(az) })),
        IpAddressType: 'ipv4',
      })),
    },
  };
};

/** ModifyTargetGroup: the health check settings. */
export const modifyTargetGroup: Handler = (input, ctx) => {
  const found = targetGroupOf(ctx.host.world(), str(input, 'TargetGroupArn') ?? '', ctx.operation);
  if ('error' in found) return found.error;
  const healthCheck: Record<string, unknown> = {};
  const set = (api: string, field: string) => {
    const v = get(input, api);
    if (v !== undefined) healthCheck[field] = v;
  };
  set('HealthCheckPath', 'path');
  set('HealthCheckIntervalSeconds', 'intervalSeconds');
  set('HealthCheckTimeoutSeconds', 'timeoutSeconds');
  set('HealthyThresholdCount', 'healthyThresholdCount');
  set('UnhealthyThresholdCount', 'unhealthyThresholdCount');
  const matcher = get(input, 'Matcher') as Input | undefined;
  if (matcher !== undefined && get(matcher, 'HttpCode') !== undefined) healthCheck.matcher = get(matcher, 'HttpCode');
  const done = act(ctx, { type: 'modifyTargetGroup', targetGroup: found.tg.targetGroupArn, healthCheck });
  if (!done.ok) return done.result;
  return { response: { TargetGroups: [targetGroupShape(ctx.host.world().targetGroups.get(found.tg.targetGroupArn)!)] } };
};
