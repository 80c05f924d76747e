// The aws CLI against the default scene: each command's output shape (AWS's field names, order and
// types, the CLI's timestamps), errors and usage errors word for word, --query and --output.

import { describe, expect, it } from 'vitest';
import { runCli } from './index.ts';
import { cliTimestamp, textOutput } from './format.ts';
import { sceneAt } from './testing.ts';

const USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help';
// Responses are AWS's JSON: read loosely, as a test of their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (stdout: string) => JSON.parse(stdout) as Record<string, any>;
const NET = '--network-configuration awsvpcConfiguration={subnets=[subnet-us-east-1a]}';

describe('output shapes', () => {
  it('describe-tasks: a Task in the model order, strings where AWS has strings, the CLI timestamps', () => {
    const { host } = sceneAt('default', 65_000);
    const arn = json(runCli('aws ecs list-tasks --service-name web', host).stdout).taskArns[0];
    const result = runCli(`aws ecs describe-tasks --cluster default --tasks ${arn}`, host);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(result.stdout).toContain('\n    "tasks": [\n        {\n'); // 4-space indent
    const { tasks, failures } = json(result.stdout);
    expect(failures).toEqual([]);
    const task = tasks[0];
    expect(Object.keys(task)).toEqual([
      'attachments', 'availabilityZone', 'clusterArn', 'connectivity', 'connectivityAt', 'containers', 'cpu', 'createdAt', 'desiredStatus', 'group',
      'healthStatus', 'lastStatus', 'launchType', 'memory', 'pullStartedAt', 'pullStoppedAt', 'startedAt', 'startedBy', 'taskArn', 'taskDefinitionArn', 'version',
    ]);
    expect(task).toMatchObject({ cpu: '256', memory: '512', lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'FARGATE', connectivity: 'CONNECTED', group: 'service:web', healthStatus: 'HEALTHY' });
    expect(task.startedBy).toMatch(/^ecs-svc\/\d{19}$/);
    // Created at T+0.?: a whole second prints without a fraction, as Python's isoformat does.
    expect(task.createdAt).toMatch(/^2026-01-05T09:00:0\d(\.\d{6})?\+00:00$/);
    expect(task.containers[0]).toMatchObject({ name: 'web', lastStatus: 'RUNNING', healthStatus: 'HEALTHY', cpu: '0', taskArn: arn });
    expect(Object.keys(task.containers[0])).toEqual(['taskArn', 'name', 'image', 'imageDigest', 'lastStatus', 'networkInterfaces', 'healthStatus', 'cpu']);
    // The ENI's address is the one the load balancer knows the task by.
    const ip = task.attachments[0].details.find((d: { name: string }) => d.name === 'privateIPv4Address').value;
    const health = json(runCli(`aws elbv2 describe-target-health --target-group-arn ${[...host.world().targetGroups.keys()][0]}`, host).stdout);
    expect(health.TargetHealthDescriptions.map((d: { Target: { Id: string } }) => d.Target.Id)).toContain(ip);
  });

  it('timestamps: Python isoformat, microseconds only when there are any', () => {
    const { host } = sceneAt('default', 0);
    expect(cliTimestamp(host.world(), 22_000)).toBe('2026-01-05T09:00:22+00:00');
    expect(cliTimestamp(host.world(), 22_412)).toBe('2026-01-05T09:00:22.412000+00:00');
  });

  it('a stopped task carries stopCode, stoppedReason, the stop timestamps and its containers\' exit codes', () => {
    const { host, sim } = sceneAt('default', 65_000);
    const id = [...host.world().tasks.values()].find((t) => t.serviceName === 'web')!.taskId;
    const stop = runCli(`aws ecs stop-task --task ${id} --reason 'Testing the scheduler'`, host);
    expect(stop.exitCode).toBe(0);
    expect(json(stop.stdout).task).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'Testing the scheduler' });
    sim.advanceBy(400_000);
    const { tasks } = json(runCli(`aws ecs describe-tasks --tasks ${id}`, host).stdout);
    expect(tasks[0]).toMatchObject({ lastStatus: 'STOPPED', connectivity: 'DISCONNECTED', stopCode: 'UserInitiated' });
    expect(Object.keys(tasks[0])).toEqual(expect.arrayContaining(['executionStoppedAt', 'stoppedAt', 'stoppingAt', 'stopCode', 'stoppedReason']));
    expect(tasks[0].containers[0].exitCode).toBe(143);
    expect(tasks[0].attachments[0].status).toBe('DELETED');
  });

  it('describe-services: a Service in the model order with its deployments and events', () => {
    const { host } = sceneAt('default', 65_000);
    const { services, failures } = json(runCli('aws ecs describe-services --services web nope', host).stdout);
    expect(failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/default/nope', reason: 'MISSING' }]);
    expect(Object.keys(services[0])).toEqual([
      'serviceArn', 'serviceName', 'clusterArn', 'loadBalancers', 'serviceRegistries', 'status', 'desiredCount', 'runningCount', 'pendingCount', 'launchType',
      'taskDefinition', 'deploymentConfiguration', 'deployments', 'events', 'createdAt', 'placementConstraints', 'placementStrategy',
      'healthCheckGracePeriodSeconds', 'schedulingStrategy', 'deploymentController',
    ]);
    expect(services[0]).toMatchObject({ status: 'ACTIVE', desiredCount: 3, runningCount: 3, pendingCount: 0 });
    expect(services[0].deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', failedTasks: 0 });
    expect(services[0].events[0].message).toBe('(service web) has reached a steady state.');
  });

  it('list-services, list-task-definitions, describe-task-definition', () => {
    const { host } = sceneAt('default', 65_000);
    expect(json(runCli('aws ecs list-services', host).stdout)).toEqual({ serviceArns: ['arn:aws:ecs:us-east-1:123456789012:service/default/web'] });
    expect(json(runCli('aws ecs list-task-definitions', host).stdout).taskDefinitionArns.map((a: string) => a.split('/')[1])).toEqual(['report:1', 'web:1']);
    expect(json(runCli('aws ecs list-task-definitions --sort DESC --family-prefix web', host).stdout).taskDefinitionArns).toHaveLength(1);
    const td = json(runCli('aws ecs describe-task-definition --task-definition web', host).stdout).taskDefinition;
    expect(td).toMatchObject({ family: 'web', revision: 1, status: 'ACTIVE', cpu: '256', memory: '512', registeredAt: '2026-01-05T09:00:00+00:00' });
  });

  it('run-task answers {tasks, failures}: PROVISIONING, desired RUNNING, no startedBy unless given', () => {
    const { host } = sceneAt('default', 65_000);
    const out = json(runCli(`aws ecs run-task --task-definition report:1 --count 2 --launch-type FARGATE ${NET}`, host).stdout);
    expect(out.failures).toEqual([]);
    expect(out.tasks).toHaveLength(2);
    expect(out.tasks[0]).toMatchObject({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', group: 'family:report' });
    expect(out.tasks[0].startedBy).toBeUndefined();
    expect(out.tasks[0].attachments[0].status).toBe('PRECREATED');
  });

  it('run-task with no Fargate capacity anywhere answers 200 with failures[] and no tasks, as the API does', () => {
    const { sim, host } = sceneAt('default', 65_000);
    expect(sim.dispatch({ type: 'capacityShortage' }).outcome.ok).toBe(true);
    const result = runCli(`aws ecs run-task --task-definition report:1 --launch-type FARGATE ${NET}`, host);
    expect(result.exitCode).toBe(0);
    const out = json(result.stdout);
    expect(out.tasks).toEqual([]);
    expect(out.failures).toEqual([{ reason: 'RESOURCE:FARGATE', detail: expect.stringContaining('Capacity is unavailable at this time') }]);
  });

  it('elbv2 describe-target-groups and modify-target-group-attributes', () => {
    const { host } = sceneAt('default', 65_000);
    const tg = json(runCli('aws elbv2 describe-target-groups --names web-tg', host).stdout).TargetGroups[0];
    expect(Object.keys(tg)).toEqual([
      'TargetGroupArn', 'TargetGroupName', 'Protocol', 'Port', 'HealthCheckProtocol', 'HealthCheckPort', 'HealthCheckEnabled', 'HealthCheckIntervalSeconds',
      'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'HealthCheckPath', 'Matcher', 'LoadBalancerArns', 'TargetType', 'ProtocolVersion', 'IpAddressType',
    ]);
    expect(tg).toMatchObject({ Port: 80, HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, Matcher: { HttpCode: '200' }, TargetType: 'ip' });
    const modified = runCli(`aws elbv2 modify-target-group-attributes --target-group-arn ${tg.TargetGroupArn} --attributes Key=deregistration_delay.timeout_seconds,Value=30 Key=load_balancing.algorithm.type,Value=least_outstanding_requests`, host);
    expect(json(modified.stdout)).toEqual({ Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }, { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' }] });
    expect(host.world().targetGroups.get(tg.TargetGroupArn)).toMatchObject({ deregistrationDelaySeconds: 30, algorithm: 'least_outstanding_requests' });
    const health = json(runCli(`aws elbv2 describe-target-health --target-group-arn ${tg.TargetGroupArn}`, host).stdout).TargetHealthDescriptions;
    expect(health).toHaveLength(3);
    expect(health[0]).toEqual({ Target: { Id: expect.stringMatching(/^10\.0\.\d+\.\d+$/), Port: 80 }, HealthCheckPort: '80', TargetHealth: { State: 'healthy' } });
  });

  it('register-task-definition takes --cli-input-json and the individual parameters, with the JSON editor\'s checks', () => {
    const { host } = sceneAt('default', 65_000);
    const doc = { family: 'hello', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:latest', essential: true }] };
    const viaJson = runCli(`aws ecs register-task-definition --cli-input-json '${JSON.stringify(doc)}'`, host);
    expect(viaJson.exitCode).toBe(0);
    expect(json(viaJson.stdout).taskDefinition).toMatchObject({ family: 'hello', revision: 1, status: 'ACTIVE' });
    const viaParams = runCli(`aws ecs register-task-definition --family hello --cpu 256 --memory 512 --network-mode awsvpc --requires-compatibilities FARGATE --container-definitions '${JSON.stringify(doc.containerDefinitions)}'`, host);
    expect(json(viaParams.stdout).taskDefinition.revision).toBe(2);
    // botocore's check, then ECS's, in the importer's words.
    const unknown = runCli(`aws ecs register-task-definition --cli-input-json '${JSON.stringify({ ...doc, famly: 'x' })}'`, host);
    expect(unknown.exitCode).toBe(252);
    expect(unknown.stderr).toContain('aws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nUnknown parameter in input: "famly"');
    const noCpu = runCli(`aws ecs register-task-definition --cli-input-json '${JSON.stringify({ ...doc, cpu: undefined })}'`, host);
    expect(noCpu.exitCode).toBe(254);
    expect(noCpu.stderr).toContain("An error occurred (ClientException) when calling the RegisterTaskDefinition operation: ");
    expect(noCpu.stderr).toContain("Fargate requires that 'cpu' be defined at the task level.");
    const file = runCli('aws ecs register-task-definition --cli-input-json file://td.json', host);
    expect(file.exitCode).toBe(252);
    expect(file.stderr).toContain("Unable to load paramfile file://td.json: the playground's terminal cannot read files");
  });
});

describe('errors as the CLI prints them', () => {
  it.each([
    ['aws ecs update-service --service nope --desired-count 2', 254, '\naws: [ERROR]: An error occurred (ServiceNotFoundException) when calling the UpdateService operation: Service not found.\n'],
    ['aws ecs list-services --cluster prod', 254, '\naws: [ERROR]: An error occurred (ClusterNotFoundException) when calling the ListServices operation: Cluster not found.\n'],
    ['aws ecs describe-task-definition --task-definition nope:3', 254, '\naws: [ERROR]: An error occurred (ClientException) when calling the DescribeTaskDefinition operation: Unable to describe task definition.\n'],
    ['aws ecs run-task --task-definition report:1', 254, "\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the RunTask operation: Network Configuration must be provided when networkMode 'awsvpc' is specified.\n"],
    ['aws ecs stop-task --task 0123456789abcdef0123456789abcdef', 254, '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the StopTask operation: The referenced task was not found.\n'],
    ['aws elbv2 describe-target-groups --names nope', 254, '\naws: [ERROR]: An error occurred (TargetGroupNotFound) when calling the DescribeTargetGroups operation: One or more target groups not found\n'],
    ['aws elbv2 describe-target-health --target-group-arn web-tg', 254, "\naws: [ERROR]: An error occurred (ValidationError) when calling the DescribeTargetHealth operation: 'web-tg' is not a valid target group ARN\n"],
    ['aws ecs update-service --service web --desired-count five', 255, "\naws: [ERROR]: invalid literal for int() with base 10: 'five'\nNote (playground): --desired-count takes a whole number, e.g. 5.\n"],
  ])('%s', (line, code, stderr) => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli(line, host)).toEqual({ stdout: '', stderr, exitCode: code });
  });

  it.each([
    ['aws ecs update-service --desired-count 5', 'the following arguments are required: --service'],
    ['aws ecs update-servce --service web', "argument operation: Found invalid choice 'update-servce'\n\nMaybe you meant:\n\n  * update-service"],
    ['aws ecs update-service --service', 'argument --service: expected one argument'],
    ['aws ecs describe-tasks --tasks', 'argument --tasks: expected at least one argument'],
    ['aws ecs', 'the following arguments are required: operation'],
    ['aws', 'the following arguments are required: command'],
    ['aws ecs list-services --output xml', "argument --output: Found invalid choice 'xml'"],
    // In the model's order, the members the playground does not simulate too (--deployment-controller).
    ['aws ecs update-service --service web --d 3', 'ambiguous option: --d could match --desired-count, --deployment-configuration, --deployment-controller'],
  ])('usage error: %s', (line, message) => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(line, host);
    expect(result.exitCode).toBe(252);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`\naws: [ERROR]: An error occurred (ParamValidation): ${message}\n`)).toBe(true);
    expect(result.stderr).toContain(`\n\n${USAGE}\n`);
  });

  it('unknown options: the usage block, then the options no parser took', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws ecs update-service --service web --desired-cont 5', host)).toEqual({
      stdout: '',
      stderr: `\n${USAGE}\n\n\naws: [ERROR]: Unknown options: --desired-cont, 5\n`,
      exitCode: 252,
    });
  });

  it('a unique prefix of an option is that option, as argparse allows', () => {
    const { host } = sceneAt('default', 65_000);
    expect(json(runCli('aws ecs update-service --service web --desired 4', host).stdout).service.desiredCount).toBe(4);
  });

  it('a bad --query is a usage error; a good one picks from the response', () => {
    const { host } = sceneAt('default', 65_000);
    const bad = runCli("aws ecs list-services --query 'serviceArns[0'", host);
    expect(bad.exitCode).toBe(252);
    expect(bad.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(ParamValidation\): Bad value for --query serviceArns\[0: /);
    expect(runCli("aws ecs describe-services --services web --query 'services[0].[serviceName,desiredCount]' --output text", host).stdout).toBe('web\t3\n');
    expect(runCli("aws ecs describe-services --services web --query 'services[0].runningCount'", host).stdout).toBe('3\n');
  });

  it('shell features are refused with what to do instead; a line must start with aws', () => {
    const { host, dispatched } = sceneAt('default', 65_000);
    expect(runCli('aws ecs list-tasks | wc -l', host).stderr).toContain('without a shell: "|"');
    expect(runCli('aws ecs stop-task --task $TASK', host).stderr).toContain('$TASK is not set');
    expect(runCli('aws ecs list-tasks --query taskArns[*]', host).stderr).toContain("Quote it: 'taskArns[*]'");
    expect(runCli('ecs list-services', host)).toMatchObject({ exitCode: 127 });
    expect(runCli('  ', host)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(dispatched).toEqual([]);
  });

  it('names like __proto__ and constructor are ordinary unknown names', () => {
    const { host } = sceneAt('default', 65_000);
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(runCli(`aws ecs update-service --service ${name} --desired-count 1`, host).stderr).toContain('Service not found.');
      expect(json(runCli(`aws ecs describe-services --services ${name}`, host).stdout).failures[0].reason).toBe('MISSING');
      expect(runCli(`aws ecs ${name}`, host).exitCode).toBe(252);
      expect(runCli(`aws ecs list-services --${name} x`, host).stderr).toContain(`Unknown options: --${name}, x`);
      expect(runCli(`aws ecs create-service --service-name web --task-definition web:1 --deployment-configuration ${name}=1`, host).stderr).toContain(`Unknown key '${name}'`);
      const created = runCli(`aws ecs create-service --service-name ${name === '__proto__' ? 'proto' : name} --task-definition web:1 --desired-count 1 ${NET}`, host);
      expect(created.exitCode).toBe(0);
    }
  });
});

describe('help', () => {
  it('names the parameters and says it is the playground\'s subset', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws help', host).stdout).toContain("ECS Playground's aws: a subset of the AWS CLI v2");
    expect(runCli('aws ecs help', host).stdout).toContain('update-service');
    const op = runCli('aws ecs run-task help', host).stdout;
    expect(op).toContain('--network-configuration');
    expect(op).toContain('subnet-us-east-1a, subnet-us-east-1b, subnet-us-east-1c');
    expect(op).toContain('spreads tasks over its three zones');
    // AWS's other members: named, and said to be accepted or refused; --output as it is.
    expect(op).toContain('\nAccepted and not simulated: --capacity-provider-strategy, --enable-ecs-managed-tags, --enable-execute-command, --placement-constraints, --placement-strategy, --platform-version, --propagate-tags, --reference-id, --tags, --client-token.\n');
    expect(op).toContain('\nNot in the playground (the line is refused, saying why): --overrides, --volume-configurations, --cli-input-yaml, --generate-cli-skeleton.\n');
    expect(op).toContain('\nGlobal options: --query <JMESPath>, --output json|text|table|off.\n');
    expect(runCli('aws help', host).stdout).toContain('\n  --output        json (the default), text, table or off.\n');
  });
});

describe('--output text', () => {
  it('writes scalars tab-separated under the upper-cased key, as awscli/text.py does', () => {
    expect(textOutput({ serviceArns: ['a', 'b'] })).toBe('SERVICEARNS\ta\nSERVICEARNS\tb\n');
    expect(textOutput({ failures: [], services: [{ serviceName: 'web', desiredCount: 3, events: [{ id: 'e', message: 'm' }] }] })).toBe('SERVICES\t3\tweb\nEVENTS\te\tm\n');
    expect(textOutput([true, null, 2])).toBe('True\tNone\t2\n');
  });
});
