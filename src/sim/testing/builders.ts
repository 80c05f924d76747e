// Builders for tests: a valid entity with overrides, so a test states only what matters to it.

import type { Deployment, Service, Task, TaskDefinition } from '../model/index.ts';

let counter = 0;

export function makeTask(overrides: Partial<Task> = {}): Task {
  counter++;
  const taskId = overrides.taskId ?? counter.toString(16).padStart(32, '0');
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/default/${taskId}`,
    taskId,
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    family: 'web',
    revision: 1,
    launchType: 'FARGATE',
    availabilityZone: 'us-east-1a',
    cpu: '256',
    memory: '512',
    group: 'service:web',
    startedBy: DEPLOYMENT_ID,
    serviceName: 'web',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    createdAt: 0,
    startedAt: 27_000,
    containers: [],
    version: 1,
    ...overrides,
  };
}

export const DEPLOYMENT_ID = 'ecs-svc/1234567890123456789';

export function makeDeployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: DEPLOYMENT_ID,
    status: 'PRIMARY',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    desiredCount: 3,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    rolloutState: 'COMPLETED',
    rolloutStateReason: `ECS deployment ${DEPLOYMENT_ID} completed.`,
    createdAt: 0,
    updatedAt: 0,
    containerImages: [],
    succeeded: true,
    ...overrides,
  };
}

export function makeService(overrides: Partial<Service> = {}): Service {
  return {
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web',
    serviceName: 'web',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
    status: 'ACTIVE',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    desiredCount: 3,
    runningCount: 0,
    pendingCount: 0,
    launchType: 'FARGATE',
    loadBalancers: [],
    schedulingStrategy: 'REPLICA',
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
    healthCheckGracePeriodSeconds: 0,
    deployments: [makeDeployment()],
    events: [],
    createdAt: 0,
    startFailures: 0,
    throttledUntil: 0,
    activeCauses: {},
    nextReconcileAt: null,
    ...overrides,
  };
}

/** web:1 with (or without) a container health check on its essential container, keyed by ARN
 *  as world.taskDefinitions is. */
export function makeTaskDefinition(withHealthCheck: boolean): Map<string, TaskDefinition> {
  const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
  const td: TaskDefinition = {
    taskDefinitionArn: arn,
    family: 'web',
    revision: 1,
    status: 'ACTIVE',
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: 0,
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        cpu: 0,
        essential: true,
        portMappings: [],
        environment: [],
        secrets: [],
        dependsOn: [],
        stopTimeout: 30,
        sigterm: 'exit',
        app: { kind: 'serve' },
        ...(withHealthCheck ? { healthCheck: { command: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3, startPeriod: 0 } } : {}),
      },
    ],
  };
  return new Map([[arn, td]]);
}
