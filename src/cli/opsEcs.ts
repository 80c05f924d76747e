// The playground's `aws ecs`: each operation's parameters in botocore's model order (so argparse's
// "ambiguous option" and botocore's "must be one of" list them as AWS does), the simulated ones
// with their help, the rest accepted with a note or refused with the reason (param.ts).

import type { Schema } from './schema.ts';
import type { Operation } from './ops.ts';
import { accepted, ecsPagination, ecsUnsimulated as U, refused, strings, type Param } from './param.ts';
import { deregisterTaskDefinition, describeTaskDefinition, describeTasks, listTaskDefinitions, listTasks, registerTaskDefinition, runTask, stopTask } from './ecsTasks.ts';
import { createService, deleteService, describeServices, listServices, updateService } from './ecsServices.ts';
import { createCluster, describeClusters, listClusters } from './ecsClusters.ts';

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
const loadBalancers: Param = {
  name: 'load-balancers', api: 'loadBalancers',
  schema: { list: { struct: [['targetGroupArn', 'string'], ['loadBalancerName', 'string'], ['containerName', 'string'], ['containerPort', 'integer']], members: ['targetGroupArn', 'loadBalancerName', 'containerName', 'containerPort', 'advancedConfiguration'] } },
  help: 'targetGroupArn=<ARN>,containerName=web,containerPort=80 (or JSON): register the tasks as targets.', names: 'loadBalancers',
};
const grace: Param = { name: 'health-check-grace-period-seconds', api: 'healthCheckGracePeriodSeconds', schema: 'integer', help: 'Seconds to ignore failing load balancer health checks after a task starts.' };
const launchType: Param = { name: 'launch-type', api: 'launchType', schema: 'string', help: 'FARGATE (the playground has no EC2 capacity).', choices: ['FARGATE', 'EC2', 'EXTERNAL'] };
const taskDefinition = (required: boolean, help = 'family:revision, a family (its latest ACTIVE revision) or an ARN.'): Param => ({ name: 'task-definition', api: 'taskDefinition', schema: 'string', required, help, names: 'taskDefinition' });
const desiredCount: Param = { name: 'desired-count', api: 'desiredCount', schema: 'integer', help: 'How many tasks to keep running.' };
const serviceRef: Param = { name: 'service', api: 'service', schema: 'string', required: true, help: 'The service name or ARN.', names: 'service' };
const kept = (name: string, api: string, schema: Schema, what: string): Param => ({ name, api, schema, help: `${what} Kept on the revision, not simulated.` });
const schedulingStrategy: Param = {
  ...accepted('scheduling-strategy', 'schedulingStrategy', 'string', 'every service here is REPLICA'),
  choices: ['REPLICA', 'DAEMON'],
  unsimulated: { why: 'every service here is REPLICA', refuse: 'the playground simulates REPLICA services only. Leave --scheduling-strategy out, or say REPLICA.', allows: (v) => v === 'REPLICA' },
};

export const ECS: Operation[] = [
  {
    service: 'ecs', name: 'register-task-definition', api: 'RegisterTaskDefinition', run: registerTaskDefinition,
    summary: 'Registers a new revision of a task definition family.',
    params: [
      { name: 'family', api: 'family', schema: 'string', required: true, help: 'The family name: up to 255 letters, numbers, hyphens and underscores.', names: 'family' },
      { name: 'task-role-arn', api: 'taskRoleArn', schema: 'string', help: 'The role the containers use (kept, not simulated).' },
      { name: 'execution-role-arn', api: 'executionRoleArn', schema: 'string', help: 'The role ECS uses to pull images and ship awslogs.' },
      { name: 'network-mode', api: 'networkMode', schema: 'string', help: 'awsvpc (Fargate\'s only mode).', choices: ['awsvpc', 'bridge', 'host', 'none'] },
      { name: 'container-definitions', api: 'containerDefinitions', schema: { list: 'document' }, required: true, help: 'The containers, as JSON: \'[{"name": "web", "image": "public.ecr.aws/nginx/nginx:1.27", "essential": true}]\'.' },
      kept('volumes', 'volumes', { list: 'document' }, 'Volumes, as JSON.'),
      kept('placement-constraints', 'placementConstraints', { list: { struct: [['type', 'string'], ['expression', 'string']] } }, 'Placement constraints.'),
      { name: 'requires-compatibilities', api: 'requiresCompatibilities', schema: strings, help: 'FARGATE.', choices: ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] },
      { name: 'cpu', api: 'cpu', schema: 'string', help: 'Task CPU units: 256, 512, 1024, 2048, 4096, …' },
      { name: 'memory', api: 'memory', schema: 'string', help: 'Task memory in MiB, valid for the cpu chosen.' },
      kept('tags', 'tags', { list: { struct: [['key', 'string'], ['value', 'string']] } }, 'key=team,value=web …'),
      kept('pid-mode', 'pidMode', 'string', 'task or host.'),
      kept('ipc-mode', 'ipcMode', 'string', 'host, task or none.'),
      kept('proxy-configuration', 'proxyConfiguration', 'document', 'App Mesh proxy settings, as JSON.'),
      kept('inference-accelerators', 'inferenceAccelerators', { list: { struct: [['deviceName', 'string'], ['deviceType', 'string']] } }, 'Elastic Inference accelerators.'),
      kept('ephemeral-storage', 'ephemeralStorage', { struct: [['sizeInGiB', 'integer']] }, 'sizeInGiB=21 …'),
      kept('runtime-platform', 'runtimePlatform', { struct: [['cpuArchitecture', 'string'], ['operatingSystemFamily', 'string']] }, 'cpuArchitecture=ARM64,operatingSystemFamily=LINUX.'),
      kept('enable-fault-injection', 'enableFaultInjection', 'boolean', 'Fault injection (the playground has its own faults).'),
    ],
  },
  {
    service: 'ecs', name: 'list-task-definitions', api: 'ListTaskDefinitions', run: listTaskDefinitions, paginated: true,
    summary: 'Lists task definition ARNs, oldest family first.',
    params: [
      { name: 'family-prefix', api: 'familyPrefix', schema: 'string', help: 'A family name: only its revisions.', names: 'family' },
      { name: 'status', api: 'status', schema: 'string', help: 'ACTIVE (the default) or INACTIVE.', choices: ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'] },
      { name: 'sort', api: 'sort', schema: 'string', help: 'ASC (the default) or DESC.', choices: ['ASC', 'DESC'] },
      ...ecsPagination,
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
      U.capacityProviderStrategy, cluster,
      { name: 'count', api: 'count', schema: 'integer', help: 'How many tasks, 1 to 10.' },
      U.enableECSManagedTags, U.enableExecuteCommand,
      { name: 'group', api: 'group', schema: 'string', help: 'Their task group (default family:<family>).' },
      launchType, network,
      refused('overrides', 'overrides', 'document', "a task's command, environment and sizes come from its task definition here. Register a revision with the change (register-task-definition), or leave --overrides out."),
      U.placementConstraints, U.placementStrategy, U.platformVersion, U.propagateTags,
      accepted('reference-id', 'referenceId', 'string'),
      { name: 'started-by', api: 'startedBy', schema: 'string', help: 'A tag to find them by (list-tasks --started-by).' },
      U.tags, taskDefinition(true), U.clientToken, U.volumeConfigurations,
    ],
  },
  {
    service: 'ecs', name: 'stop-task', api: 'StopTask', run: stopTask,
    summary: 'Stops a task: SIGTERM, then SIGKILL after its stopTimeout.',
    params: [cluster, { name: 'task', api: 'task', schema: 'string', required: true, help: 'The task ID or ARN.', names: 'task' }, { name: 'reason', api: 'reason', schema: 'string', help: 'Shown as its stoppedReason.' }],
  },
  {
    service: 'ecs', name: 'list-tasks', api: 'ListTasks', run: listTasks, paginated: true,
    summary: 'Lists task ARNs (desired status RUNNING unless asked otherwise).',
    params: [
      cluster,
      refused('container-instance', 'containerInstance', 'string', 'the playground runs on Fargate and has no container instances. Leave --container-instance out.'),
      { name: 'family', api: 'family', schema: 'string', help: "A family's tasks.", names: 'family' },
      ...ecsPagination,
      { name: 'started-by', api: 'startedBy', schema: 'string', help: 'Tasks started with this tag (a service\'s carry their deployment ID).' },
      { name: 'service-name', api: 'serviceName', schema: 'string', help: "A service's tasks.", names: 'service' },
      { name: 'desired-status', api: 'desiredStatus', schema: 'string', help: 'RUNNING (the default) or STOPPED.', choices: ['RUNNING', 'PENDING', 'STOPPED'] },
      { name: 'launch-type', api: 'launchType', schema: 'string', help: 'FARGATE.', choices: ['FARGATE', 'EC2', 'EXTERNAL'] },
      refused('daemon-name', 'daemonName', 'string', 'the playground has no ECS daemons. Leave --daemon-name out.'),
    ],
  },
  {
    service: 'ecs', name: 'describe-tasks', api: 'DescribeTasks', run: describeTasks,
    summary: 'Describes tasks: status, containers, timestamps, why they stopped.',
    params: [cluster, { name: 'tasks', api: 'tasks', schema: strings, required: true, help: 'Task IDs or ARNs, up to 100.', names: 'task' }, U.include('tags')],
  },
  {
    service: 'ecs', name: 'create-service', api: 'CreateService', run: createService,
    summary: 'Creates a service that keeps desired-count tasks running.',
    params: [
      cluster,
      { name: 'service-name', api: 'serviceName', schema: 'string', required: true, help: 'Up to 255 letters, numbers, hyphens and underscores.' },
      taskDefinition(false), U.availabilityZoneRebalancing, loadBalancers, U.serviceRegistries, desiredCount, U.clientToken, launchType,
      U.capacityProviderStrategy, U.platformVersion, accepted('role', 'role', 'string', 'the playground needs no role to reach its load balancer'),
      deploymentConfiguration, U.placementConstraints, U.placementStrategy, network, grace, schedulingStrategy, U.deploymentController,
      U.tags, U.enableECSManagedTags, U.propagateTags, U.enableExecuteCommand, U.serviceConnectConfiguration, U.volumeConfigurations,
      U.vpcLatticeConfigurations, U.monitoring,
    ],
  },
  {
    service: 'ecs', name: 'update-service', api: 'UpdateService', run: updateService,
    summary: 'Scales a service, or deploys a new task definition.',
    params: [
      cluster, serviceRef, desiredCount, taskDefinition(false, 'A new revision starts a deployment.'), U.capacityProviderStrategy, deploymentConfiguration,
      U.availabilityZoneRebalancing, network, U.placementConstraints, U.placementStrategy, U.platformVersion,
      { name: 'force-new-deployment', api: 'forceNewDeployment', schema: 'boolean', help: 'Start a deployment of the same revision (pulls the tag again).' },
      grace, U.deploymentController, U.enableExecuteCommand, U.enableECSManagedTags,
      refused('load-balancers', 'loadBalancers', loadBalancers.schema, "the playground's update-service cannot change a service's load balancers: delete the service and create it again with --load-balancers."),
      U.propagateTags, U.serviceRegistries, U.serviceConnectConfiguration, U.volumeConfigurations, U.vpcLatticeConfigurations, U.monitoring,
    ],
  },
  {
    service: 'ecs', name: 'delete-service', api: 'DeleteService', run: deleteService,
    summary: 'Deletes a service (scale it to 0 first, or --force).',
    params: [cluster, serviceRef, { name: 'force', api: 'force', schema: 'boolean', help: 'Delete it even if it still has tasks.' }],
  },
  {
    service: 'ecs', name: 'list-services', api: 'ListServices', run: listServices, paginated: true,
    summary: 'Lists the ACTIVE services.',
    params: [
      cluster, ...ecsPagination, launchType,
      { name: 'scheduling-strategy', api: 'schedulingStrategy', schema: 'string', help: 'REPLICA.', choices: ['REPLICA', 'DAEMON'] },
      accepted('resource-management-type', 'resourceManagementType', 'string'),
    ],
  },
  {
    service: 'ecs', name: 'describe-services', api: 'DescribeServices', run: describeServices,
    summary: 'Describes services: counts, deployments, events.',
    params: [cluster, { name: 'services', api: 'services', schema: strings, required: true, help: 'Service names or ARNs, up to 10.', names: 'service' }, U.include('tags')],
  },
  {
    service: 'ecs', name: 'list-clusters', api: 'ListClusters', run: listClusters, paginated: true,
    summary: 'Lists the clusters: the playground has one, default.',
    params: [...ecsPagination],
  },
  {
    service: 'ecs', name: 'describe-clusters', api: 'DescribeClusters', run: describeClusters,
    summary: 'Describes the cluster: its running and pending tasks and active services.',
    params: [
      { name: 'clusters', api: 'clusters', schema: strings, help: 'Cluster names or ARNs (default: the default cluster).', names: 'cluster' },
      accepted('include', 'include', strings, 'the playground keeps no attachments, settings, statistics or tags'),
    ],
  },
  {
    service: 'ecs', name: 'create-cluster', api: 'CreateCluster', run: createCluster,
    summary: 'Creates the default cluster: the playground has it already, and has no other.',
    params: [
      { name: 'cluster-name', api: 'clusterName', schema: 'string', help: 'default (the playground has one cluster).', names: 'cluster' },
      U.tags,
      accepted('settings', 'settings', { list: { struct: [['name', 'string'], ['value', 'string']] } }, 'the playground has no Container Insights'),
      accepted('configuration', 'configuration', 'document'),
      accepted('capacity-providers', 'capacityProviders', strings, 'the playground runs every task on FARGATE'),
      accepted('default-capacity-provider-strategy', 'defaultCapacityProviderStrategy', U.capacityProviderStrategy.schema, 'the playground runs every task on FARGATE'),
      accepted('service-connect-defaults', 'serviceConnectDefaults', { struct: [['namespace', 'string']] }),
    ],
  },
];
