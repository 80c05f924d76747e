// The playground's subset of `aws ecs` and `aws elbv2`: each operation's CLI name, API name,
// parameters (CLI name, API member, botocore type) and handler. One table for the parser, the
// help text and Tab completion.

import type { Schema } from './schema.ts';
import type { Handler } from './context.ts';
import { deregisterTaskDefinition, describeTaskDefinition, describeTasks, listTaskDefinitions, listTasks, registerTaskDefinition, runTask, stopTask } from './ecsTasks.ts';
import { createService, deleteService, describeServices, listServices, updateService } from './ecsServices.ts';
import { describeLoadBalancers, describeTargetGroups, describeTargetHealth, modifyTargetGroup, modifyTargetGroupAttributes } from './elbv2.ts';

/** Where completion finds a parameter's values in the world. */
export type Names = 'cluster' | 'service' | 'taskDefinition' | 'family' | 'task' | 'targetGroupArn' | 'targetGroupName' | 'loadBalancerArn' | 'loadBalancerName' | 'network' | 'loadBalancers' | 'attributes';

export type Param = {
  name: string; // without the leading --
  api: string; // the API member
  schema: Schema;
  required?: boolean;
  help: string;
  choices?: readonly string[];
  names?: Names;
};

export type Operation = { service: 'ecs' | 'elbv2'; name: string; api: string; summary: string; params: readonly Param[]; run: Handler };

const strings: Schema = { list: 'string' };

const cluster: Param = { name: 'cluster', api: 'cluster', schema: 'string', help: 'The cluster: the playground has one, "default" (its name or ARN).', names: 'cluster' };

const awsvpc: Schema = {
  struct: [['awsvpcConfiguration', { struct: [['subnets', strings], ['securityGroups', strings], ['assignPublicIp', 'string']], required: ['subnets'] }]],
};
const network: Param = {
  name: 'network-configuration',
  api: 'networkConfiguration',
  schema: awsvpc,
  help: 'awsvpcConfiguration={subnets=[subnet-us-east-1a,subnet-us-east-1b],securityGroups=[sg-web],assignPublicIp=DISABLED} (or JSON). Required for awsvpc task definitions, as on AWS. The playground spreads tasks over its three zones whatever subnets you name.',
  names: 'network',
};
const deploymentConfiguration: Param = {
  name: 'deployment-configuration',
  api: 'deploymentConfiguration',
  schema: {
    struct: [
      ['deploymentCircuitBreaker', { struct: [['enable', 'boolean'], ['rollback', 'boolean']], required: ['enable', 'rollback'], members: ['enable', 'rollback', 'resetOnHealthyTask', 'thresholdConfiguration'] }],
      ['maximumPercent', 'integer'],
      ['minimumHealthyPercent', 'integer'],
    ],
    members: ['deploymentCircuitBreaker', 'maximumPercent', 'minimumHealthyPercent', 'alarms', 'strategy', 'bakeTimeInMinutes', 'lifecycleHooks', 'linearConfiguration', 'canaryConfiguration'],
  },
  help: 'maximumPercent=200,minimumHealthyPercent=100,deploymentCircuitBreaker={enable=true,rollback=true} (or JSON).',
};
const grace: Param = { name: 'health-check-grace-period-seconds', api: 'healthCheckGracePeriodSeconds', schema: 'integer', help: 'Seconds to ignore failing load balancer health checks after a task starts.' };
const launchType: Param = { name: 'launch-type', api: 'launchType', schema: 'string', help: 'FARGATE (the playground has no EC2 capacity).', choices: ['FARGATE', 'EC2', 'EXTERNAL'] };
const taskDefinition = (required: boolean, help = 'family:revision, a family (its latest ACTIVE revision) or an ARN.'): Param => ({ name: 'task-definition', api: 'taskDefinition', schema: 'string', required, help, names: 'taskDefinition' });

const ECS: Operation[] = [
  {
    service: 'ecs', name: 'register-task-definition', api: 'RegisterTaskDefinition', run: registerTaskDefinition,
    summary: 'Registers a new revision of a task definition family.',
    params: [
      { name: 'family', api: 'family', schema: 'string', required: true, help: 'The family name: up to 255 letters, numbers, hyphens and underscores.', names: 'family' },
      { name: 'container-definitions', api: 'containerDefinitions', schema: { list: 'document' }, required: true, help: 'The containers, as JSON: \'[{"name": "web", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true}]\'.' },
      { name: 'cpu', api: 'cpu', schema: 'string', help: 'Task CPU units: 256, 512, 1024, 2048, 4096, …' },
      { name: 'memory', api: 'memory', schema: 'string', help: 'Task memory in MiB, valid for the cpu chosen.' },
      { name: 'network-mode', api: 'networkMode', schema: 'string', help: 'awsvpc (Fargate\'s only mode).', choices: ['awsvpc', 'bridge', 'host', 'none'] },
      { name: 'requires-compatibilities', api: 'requiresCompatibilities', schema: strings, help: 'FARGATE.', choices: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
      { name: 'execution-role-arn', api: 'executionRoleArn', schema: 'string', help: 'The role ECS uses to pull images and ship awslogs.' },
      { name: 'task-role-arn', api: 'taskRoleArn', schema: 'string', help: 'The role the containers use (kept, not simulated).' },
    ],
  },
  {
    service: 'ecs', name: 'list-task-definitions', api: 'ListTaskDefinitions', run: listTaskDefinitions,
    summary: 'Lists task definition ARNs, oldest family first.',
    params: [
      { name: 'family-prefix', api: 'familyPrefix', schema: 'string', help: 'A family name: only its revisions.', names: 'family' },
      { name: 'status', api: 'status', schema: 'string', help: 'ACTIVE (the default) or INACTIVE.', choices: ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'] },
      { name: 'sort', api: 'sort', schema: 'string', help: 'ASC (the default) or DESC.', choices: ['ASC', 'DESC'] },
    ],
  },
  {
    service: 'ecs', name: 'describe-task-definition', api: 'DescribeTaskDefinition', run: describeTaskDefinition,
    summary: 'Describes a task definition: its containers and settings.',
    params: [taskDefinition(true), { name: 'include', api: 'include', schema: strings, help: 'TAGS to include its tags.', choices: ['TAGS'] }],
  },
  {
    service: 'ecs', name: 'deregister-task-definition', api: 'DeregisterTaskDefinition', run: deregisterTaskDefinition,
    summary: 'Marks a revision INACTIVE; running tasks and services keep it.',
    params: [taskDefinition(true, 'family:revision or an ARN (a revision must be named).')],
  },
  {
    service: 'ecs', name: 'run-task', api: 'RunTask', run: runTask,
    summary: 'Starts standalone tasks: nothing replaces them when they stop.',
    params: [
      cluster, taskDefinition(true),
      { name: 'count', api: 'count', schema: 'integer', help: 'How many tasks, 1 to 10.' },
      { name: 'started-by', api: 'startedBy', schema: 'string', help: 'A tag to find them by (list-tasks --started-by).' },
      { name: 'group', api: 'group', schema: 'string', help: 'Their task group (default family:<family>).' },
      launchType, network,
    ],
  },
  {
    service: 'ecs', name: 'stop-task', api: 'StopTask', run: stopTask,
    summary: 'Stops a task: SIGTERM, then SIGKILL after its stopTimeout.',
    params: [cluster, { name: 'task', api: 'task', schema: 'string', required: true, help: 'The task ID or ARN.', names: 'task' }, { name: 'reason', api: 'reason', schema: 'string', help: 'Shown as its stoppedReason.' }],
  },
  {
    service: 'ecs', name: 'list-tasks', api: 'ListTasks', run: listTasks,
    summary: 'Lists task ARNs (desired status RUNNING unless asked otherwise).',
    params: [
      cluster,
      { name: 'service-name', api: 'serviceName', schema: 'string', help: "A service's tasks.", names: 'service' },
      { name: 'family', api: 'family', schema: 'string', help: "A family's tasks.", names: 'family' },
      { name: 'started-by', api: 'startedBy', schema: 'string', help: 'Tasks started with this tag (a service\'s carry their deployment ID).' },
      { name: 'desired-status', api: 'desiredStatus', schema: 'string', help: 'RUNNING (the default) or STOPPED.', choices: ['RUNNING', 'PENDING', 'STOPPED'] },
      { name: 'launch-type', api: 'launchType', schema: 'string', help: 'FARGATE.', choices: ['FARGATE', 'EC2', 'EXTERNAL'] },
    ],
  },
  {
    service: 'ecs', name: 'describe-tasks', api: 'DescribeTasks', run: describeTasks,
    summary: 'Describes tasks: status, containers, timestamps, why they stopped.',
    params: [cluster, { name: 'tasks', api: 'tasks', schema: strings, required: true, help: 'Task IDs or ARNs, up to 100.', names: 'task' }],
  },
  {
    service: 'ecs', name: 'create-service', api: 'CreateService', run: createService,
    summary: 'Creates a service that keeps desired-count tasks running.',
    params: [
      cluster,
      { name: 'service-name', api: 'serviceName', schema: 'string', required: true, help: 'Up to 255 letters, numbers, hyphens and underscores.' },
      taskDefinition(false),
      { name: 'desired-count', api: 'desiredCount', schema: 'integer', help: 'How many tasks to keep running.' },
      {
        name: 'load-balancers', api: 'loadBalancers',
        schema: { list: { struct: [['targetGroupArn', 'string'], ['loadBalancerName', 'string'], ['containerName', 'string'], ['containerPort', 'integer']], members: ['targetGroupArn', 'loadBalancerName', 'containerName', 'containerPort', 'advancedConfiguration'] } },
        help: 'targetGroupArn=<ARN>,containerName=web,containerPort=80 (or JSON): register the tasks as targets.', names: 'loadBalancers',
      },
      grace, deploymentConfiguration, launchType, network,
    ],
  },
  {
    service: 'ecs', name: 'update-service', api: 'UpdateService', run: updateService,
    summary: 'Scales a service, or deploys a new task definition.',
    params: [
      cluster,
      { name: 'service', api: 'service', schema: 'string', required: true, help: 'The service name or ARN.', names: 'service' },
      { name: 'desired-count', api: 'desiredCount', schema: 'integer', help: 'How many tasks to keep running.' },
      taskDefinition(false, 'A new revision starts a deployment.'),
      { name: 'force-new-deployment', api: 'forceNewDeployment', schema: 'boolean', help: 'Start a deployment of the same revision (pulls the tag again).' },
      deploymentConfiguration, grace, network,
    ],
  },
  {
    service: 'ecs', name: 'delete-service', api: 'DeleteService', run: deleteService,
    summary: 'Deletes a service (scale it to 0 first, or --force).',
    params: [cluster, { name: 'service', api: 'service', schema: 'string', required: true, help: 'The service name or ARN.', names: 'service' }, { name: 'force', api: 'force', schema: 'boolean', help: 'Delete it even if it still has tasks.' }],
  },
  {
    service: 'ecs', name: 'list-services', api: 'ListServices', run: listServices,
    summary: 'Lists the ACTIVE services.',
    params: [cluster, launchType, { name: 'scheduling-strategy', api: 'schedulingStrategy', schema: 'string', help: 'REPLICA.', choices: ['REPLICA', 'DAEMON'] }],
  },
  {
    service: 'ecs', name: 'describe-services', api: 'DescribeServices', run: describeServices,
    summary: 'Describes services: counts, deployments, events.',
    params: [cluster, { name: 'services', api: 'services', schema: strings, required: true, help: 'Service names or ARNs, up to 10.', names: 'service' }],
  },
];

const ELBV2: Operation[] = [
  {
    service: 'elbv2', name: 'describe-target-groups', api: 'DescribeTargetGroups', run: describeTargetGroups,
    summary: 'Describes target groups and their health check settings.',
    params: [
      { name: 'load-balancer-arn', api: 'LoadBalancerArn', schema: 'string', help: "A load balancer's target groups.", names: 'loadBalancerArn' },
      { name: 'target-group-arns', api: 'TargetGroupArns', schema: strings, help: 'Target group ARNs.', names: 'targetGroupArn' },
      { name: 'names', api: 'Names', schema: strings, help: 'Target group names.', names: 'targetGroupName' },
    ],
  },
  {
    service: 'elbv2', name: 'describe-target-health', api: 'DescribeTargetHealth', run: describeTargetHealth,
    summary: "Shows each target's state: initial, healthy, unhealthy, draining.",
    params: [{ name: 'target-group-arn', api: 'TargetGroupArn', schema: 'string', required: true, help: 'The target group ARN.', names: 'targetGroupArn' }],
  },
  {
    service: 'elbv2', name: 'modify-target-group-attributes', api: 'ModifyTargetGroupAttributes', run: modifyTargetGroupAttributes,
    summary: 'Sets the deregistration delay or the routing algorithm.',
    params: [
      { name: 'target-group-arn', api: 'TargetGroupArn', schema: 'string', required: true, help: 'The target group ARN.', names: 'targetGroupArn' },
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
      { name: 'target-group-arn', api: 'TargetGroupArn', schema: 'string', required: true, help: 'The target group ARN.', names: 'targetGroupArn' },
      { name: 'health-check-path', api: 'HealthCheckPath', schema: 'string', help: 'The path checked, e.g. /health.' },
      { name: 'health-check-interval-seconds', api: 'HealthCheckIntervalSeconds', schema: 'integer', help: 'Seconds between checks, 5 to 300.' },
      { name: 'health-check-timeout-seconds', api: 'HealthCheckTimeoutSeconds', schema: 'integer', help: 'Seconds before a check fails, 2 to 120.' },
      { name: 'healthy-threshold-count', api: 'HealthyThresholdCount', schema: 'integer', help: 'Passes to turn healthy again, 2 to 10.' },
      { name: 'unhealthy-threshold-count', api: 'UnhealthyThresholdCount', schema: 'integer', help: 'Failures to turn unhealthy, 2 to 10.' },
      { name: 'matcher', api: 'Matcher', schema: { struct: [['HttpCode', 'string']], members: ['HttpCode', 'GrpcCode'] }, help: 'HttpCode=200 (or 200-299).' },
    ],
  },
  {
    service: 'elbv2', name: 'describe-load-balancers', api: 'DescribeLoadBalancers', run: describeLoadBalancers,
    summary: 'Describes the load balancers.',
    params: [
      { name: 'load-balancer-arns', api: 'LoadBalancerArns', schema: strings, help: 'Load balancer ARNs.', names: 'loadBalancerArn' },
      { name: 'names', api: 'Names', schema: strings, help: 'Load balancer names.', names: 'loadBalancerName' },
    ],
  },
];

/** Every command the playground's aws knows, by service then operation name. */
export const SERVICES: ReadonlyMap<string, ReadonlyMap<string, Operation>> = new Map([
  ['ecs', new Map(ECS.map((op) => [op.name, op]))],
  ['elbv2', new Map(ELBV2.map((op) => [op.name, op]))],
]);

/** The supported commands, for help text: "ecs update-service", …. */
export const SUPPORTED_COMMANDS: readonly string[] = [...ECS, ...ELBV2].map((op) => `${op.service} ${op.name}`);

/** Global options the CLI takes anywhere on the line. */
export const GLOBALS: readonly Param[] = [
  { name: 'query', api: 'query', schema: 'string', help: 'A JMESPath query to use in filtering the response data.' },
  { name: 'output', api: 'output', schema: 'string', help: 'json (the default), text or table.', choices: ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] },
  { name: 'region', api: 'region', schema: 'string', help: 'us-east-1, the playground\'s region.', choices: ['us-east-1'] },
  { name: 'profile', api: 'profile', schema: 'string', help: 'Accepted and ignored: the playground has one account.' },
  { name: 'no-cli-pager', api: 'noCliPager', schema: 'boolean', help: 'Accepted (the terminal never pages).' },
  { name: 'color', api: 'color', schema: 'string', help: 'Accepted (the terminal has no colour).', choices: ['on', 'off', 'auto'] },
];
