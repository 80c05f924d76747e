// Task definitions as people paste them, shared by the importer's tests, the editor's and the e2e.

export const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

/** A job with an init container (migrate must exit 0 before app starts), awslogs with the
 *  execution role it needs, a secret, and fields the playground accepts without simulating
 *  (taskRoleArn, volumes, tags, command, mountPoints, a docker label of the user's own). */
export const shopDocument = () => ({
  family: 'shop',
  taskRoleArn: 'arn:aws:iam::123456789012:role/shopTaskRole',
  executionRoleArn: EXECUTION_ROLE,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  volumes: [{ name: 'scratch' }],
  tags: [{ key: 'team', value: 'shop' }],
  containerDefinitions: [
    {
      name: 'migrate',
      image: 'shop/migrate:1.4',
      essential: false,
      command: ['./migrate', 'up'],
      dockerLabels: { 'ecs-playground.app': 'exit 0 after 8s', owner: 'db-team' },
    } as Record<string, unknown>,
    {
      name: 'app',
      image: 'shop/app:1.4',
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      environment: [{ name: 'LOG_LEVEL', value: 'info' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }],
      dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/shop', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
      mountPoints: [{ sourceVolume: 'scratch', containerPath: '/tmp/scratch' }],
    } as Record<string, unknown>,
  ],
});
