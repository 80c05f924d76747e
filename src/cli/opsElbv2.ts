// The playground's `aws elbv2`: the load balancer's side, parameters in botocore's model order.

import type { Operation } from './ops.ts';
import { accepted, elbv2Pagination, refused, strings, type Param } from './param.ts';
import { describeLoadBalancers, describeTargetGroups, describeTargetHealth, modifyTargetGroup, modifyTargetGroupAttributes } from './elbv2.ts';

const targetGroupArn: Param = { name: 'target-group-arn', api: 'TargetGroupArn', schema: 'string', required: true, help: 'The target group ARN.', names: 'targetGroupArn' };

export const ELBV2: Operation[] = [
  {
    service: 'elbv2', name: 'describe-target-groups', api: 'DescribeTargetGroups', run: describeTargetGroups, paginated: true,
    summary: 'Describes target groups and their health check settings.',
    params: [
      { name: 'load-balancer-arn', api: 'LoadBalancerArn', schema: 'string', help: "A load balancer's target groups.", names: 'loadBalancerArn' },
      { name: 'target-group-arns', api: 'TargetGroupArns', schema: strings, help: 'Target group ARNs.', names: 'targetGroupArn' },
      { name: 'names', api: 'Names', schema: strings, help: 'Target group names.', names: 'targetGroupName' },
      ...elbv2Pagination,
    ],
  },
  {
    service: 'elbv2', name: 'describe-target-health', api: 'DescribeTargetHealth', run: describeTargetHealth,
    summary: "Shows each target's state: initial, healthy, unhealthy, draining.",
    params: [
      targetGroupArn,
      refused('targets', 'Targets', { list: { struct: [['Id', 'string'], ['Port', 'integer'], ['AvailabilityZone', 'string'], ['QuicServerId', 'string']] } }, 'the playground describes every target of the group. Leave --targets out, and pick with --query.'),
      accepted('include', 'Include', strings, 'the playground has no anomaly detection'),
    ],
  },
  {
    service: 'elbv2', name: 'modify-target-group-attributes', api: 'ModifyTargetGroupAttributes', run: modifyTargetGroupAttributes,
    summary: 'Sets the deregistration delay or the routing algorithm.',
    params: [
      targetGroupArn,
      {
        name: 'attributes', api: 'Attributes', schema: { list: { struct: [['Key', 'string'], ['Value', 'string']] } }, required: true, names: 'attributes',
        help: 'Key=deregistration_delay.timeout_seconds,Value=30 or Key=load_balancing.algorithm.type,Value=least_outstanding_requests.',
      },
    ],
  },
  {
    service: 'elbv2', name: 'modify-target-group', api: 'ModifyTargetGroup', run: modifyTargetGroup,
    summary: "Changes a target group's health check.",
    params: [
      targetGroupArn,
      accepted('health-check-protocol', 'HealthCheckProtocol', 'string', 'the playground checks over HTTP'),
      accepted('health-check-port', 'HealthCheckPort', 'string', 'the playground checks the traffic port'),
      { name: 'health-check-path', api: 'HealthCheckPath', schema: 'string', help: 'The path checked, e.g. /health.' },
      refused('health-check-enabled', 'HealthCheckEnabled', 'boolean', "the playground's target groups always check their targets' health. Leave --health-check-enabled out."),
      { name: 'health-check-interval-seconds', api: 'HealthCheckIntervalSeconds', schema: 'integer', help: 'Seconds between checks, 5 to 300.' },
      { name: 'health-check-timeout-seconds', api: 'HealthCheckTimeoutSeconds', schema: 'integer', help: 'Seconds before a check fails, 2 to 120.' },
      { name: 'healthy-threshold-count', api: 'HealthyThresholdCount', schema: 'integer', help: 'Passes to turn healthy again, 2 to 10.' },
      { name: 'unhealthy-threshold-count', api: 'UnhealthyThresholdCount', schema: 'integer', help: 'Failures to turn unhealthy, 2 to 10.' },
      { name: 'matcher', api: 'Matcher', schema: { struct: [['HttpCode', 'string']], members: ['HttpCode', 'GrpcCode'] }, help: 'HttpCode=200 (or 200-299).' },
    ],
  },
  {
    service: 'elbv2', name: 'describe-load-balancers', api: 'DescribeLoadBalancers', run: describeLoadBalancers, paginated: true,
    summary: 'Describes the load balancers.',
    params: [
      { name: 'load-balancer-arns', api: 'LoadBalancerArns', schema: strings, help: 'Load balancer ARNs.', names: 'loadBalancerArn' },
      { name: 'names', api: 'Names', schema: strings, help: 'Load balancer names.', names: 'loadBalancerName' },
      ...elbv2Pagination,
    ],
  },
];
