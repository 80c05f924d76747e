// What the playground's aws does with what AWS has and the playground does not: AWS's own
// parameters and globals are never refused in AWS's words — accepted with a note, or refused
// saying why and what to do — and the playground's notes go beside what the CLI prints, never
// over it. Also: the cluster commands, waiters, quotes, docker push, and --cli-input-json's keys.

import { describe, expect, it } from 'vitest';
import { runCli } from './index.ts';
import { sceneAt } from './testing.ts';

const USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';
const NET = '--network-configuration awsvpcConfiguration={subnets=[subnet-us-east-1a]}';
const refusal = (message: string) => ({ stdout: '', stderr: `\naws: [ERROR]: ${message}\n`, exitCode: 252 });

describe('AWS parameters the playground does not simulate', () => {
  it.each([
    [`aws ecs run-task --task-definition report:1 --launch-type FARGATE ${NET} --platform-version LATEST --query 'length(tasks)'`, 'Note (playground): --platform-version is accepted and not simulated.\n'],
    [`aws ecs run-task --task-definition report:1 ${NET} --tags key=team,value=data --propagate-tags TASK_DEFINITION --enable-execute-command --query 'length(tasks)'`,
      'Note (playground): --enable-execute-command is accepted and not simulated: there is no shell to reach in a simulated container.\nNote (playground): --propagate-tags is accepted and not simulated.\nNote (playground): --tags is accepted and not simulated: the playground keeps no tags.\n'],
    ["aws ecs describe-services --services web --include TAGS --query 'length(services)'", 'Note (playground): --include is accepted and not simulated: the playground keeps no tags.\n'],
    ["aws ecs list-tasks --max-items 5 --query 'length(taskArns)'", 'Note (playground): --max-items is accepted and not simulated: the playground answers in one page.\n'],
    ["aws --no-paginate --debug ecs list-tasks --no-cli-pager --color off --query 'length(taskArns)'",
      'Note (playground): --no-paginate is accepted and not simulated: the playground answers in one page.\nNote (playground): --debug is accepted and not simulated: the playground logs nothing.\nNote (playground): --no-cli-pager is accepted and not simulated: the terminal never pages.\nNote (playground): --color is accepted and not simulated: the terminal has no colour.\n'],
  ])('%s: accepted, with a note', (line, stderr) => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(line, host);
    expect(result).toMatchObject({ exitCode: 0, stderr });
    expect(Number(result.stdout)).toBeGreaterThan(0);
  });

  it.each([
    ['aws ecs list-services --endpoint-url http://localhost:4566', "The playground's aws does not simulate --endpoint-url: this aws sends its calls to the simulation and nowhere else. Leave --endpoint-url out."],
    ['aws --profile prod ecs list-services', "The playground's aws does not simulate --profile: the playground has one account and no profiles. Leave --profile out."],
    ["aws ecs run-task --task-definition report:1 --overrides '{\"containerOverrides\": []}'", "The playground's aws does not simulate --overrides: a task's command, environment and sizes come from its task definition here. Register a revision with the change (register-task-definition), or leave --overrides out."],
    [`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --scheduling-strategy DAEMON`, "The playground's aws does not simulate --scheduling-strategy: the playground simulates REPLICA services only. Leave --scheduling-strategy out, or say REPLICA."],
    [`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --deployment-controller type=CODE_DEPLOY`, "The playground's aws does not simulate --deployment-controller: the playground simulates the ECS rolling deployment only (type=ECS), not CodeDeploy or external controllers. Leave --deployment-controller out."],
    [`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --deployment-configuration 'maximumPercent=200,alarms={enable=true}'`, "The playground's aws does not simulate alarms (in --deployment-configuration): leave it out."],
    [`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --deployment-configuration '{"alarms": {"enable": true}}'`, "The playground's aws does not simulate deploymentConfiguration.alarms: leave it out."],
    ['aws ecs list-tasks --container-instance ci-1', "The playground's aws does not simulate --container-instance: the playground runs on Fargate and has no container instances. Leave --container-instance out."],
    ['aws ecs update-service --service web --load-balancers targetGroupArn=x,containerName=web,containerPort=80', "The playground's aws does not simulate --load-balancers: the playground's update-service cannot change a service's load balancers: delete the service and create it again with --load-balancers."],
    ['aws ecs list-services --generate-cli-skeleton output', "The playground's aws does not simulate --generate-cli-skeleton: the playground writes no skeletons: aws <command> <subcommand> help lists the parameters it takes."],
  ])('%s: refused, saying why and what to do', (line, message) => {
    const { host, dispatched } = sceneAt('default', 65_000);
    expect(runCli(line, host)).toEqual(refusal(message));
    expect(dispatched).toEqual([]);
  });

  it('a value the member allows is taken: --scheduling-strategy REPLICA, --deployment-controller type=ECS', () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --scheduling-strategy REPLICA --deployment-controller type=ECS --query service.serviceName --output text`, host);
    expect(result).toEqual({
      stdout: 'api\n',
      stderr: 'Note (playground): --scheduling-strategy is accepted and not simulated: every service here is REPLICA.\nNote (playground): --deployment-controller is accepted and not simulated: every service here uses the ECS rolling deployment.\n',
      exitCode: 0,
    });
  });

  it('--cli-input-json: a member AWS has is accepted with a note; a key it does not have is botocore\'s, with the whole member list', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli(`aws ecs describe-services --cli-input-json '{"services": ["web"], "include": ["TAGS"]}' --query 'services[0].serviceName'`, host)).toEqual({
      stdout: '"web"\n',
      stderr: 'Note (playground): --include is accepted and not simulated: the playground keeps no tags.\n',
      exitCode: 0,
    });
    expect(runCli(`aws ecs describe-services --cli-input-json '{"services": ["web"], "inclde": []}'`, host)).toEqual({
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nUnknown parameter in input: "inclde", must be one of: cluster, services, include\n',
      exitCode: 252,
    });
  });

  it("a shorthand key that is no member: botocore's words, listing every member of the structure", () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli(`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --deployment-configuration maximumPercent=200,bogus=1`, host).stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--deployment-configuration': Unknown key 'bogus', valid choices are: deploymentCircuitBreaker, maximumPercent, minimumHealthyPercent, alarms, strategy, bakeTimeInMinutes, lifecycleHooks, linearConfiguration, canaryConfiguration\n",
    );
  });

  it('a bad value for a global: argparse\'s words', () => {
    const { host } = sceneAt('default', 65_000);
    const timeout = runCli('aws ecs list-services --cli-read-timeout soon', host);
    expect(timeout.stderr).toBe(`\naws: [ERROR]: An error occurred (ParamValidation): argument --cli-read-timeout: invalid int value: 'soon'\n\n${USAGE}`);
    expect(runCli('aws ecs list-services --debug=yes', host).stderr).toContain("argument --debug: ignored explicit argument 'yes'");
  });
});

describe('options before the service', () => {
  it('an unknown one is reported, with those after it', () => {
    const { host, dispatched } = sceneAt('default', 65_000);
    expect(runCli('aws --foo ecs list-services --bar', host)).toEqual({ stdout: '', stderr: `\n${USAGE}\n\naws: [ERROR]: Unknown options: --foo, --bar\n`, exitCode: 252 });
    expect(dispatched).toEqual([]);
  });

  it("the operation's own is taken there, as the CLI hands each parser what the one before left", () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws --output text ecs list-services', host)).toEqual({ stdout: 'SERVICEARNS\tarn:aws:ecs:us-east-1:123456789012:service/default/web\n', stderr: '', exitCode: 0 });
    expect(runCli('aws --force ecs delete-service --service web --query service.status --output text', host)).toEqual({ stdout: 'DRAINING\n', stderr: '', exitCode: 0 });
  });
});

describe('notes go beside what the CLI prints', () => {
  it("a --query error after a note: both, the note first", () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`aws ecs register-task-definition --family x --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name": "a", "image": "b"}]' --query 'length(taskDefinition.revision)'`, host);
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe(
      'Note (playground): Container a has no "ecs-playground.app" docker label: the playground runs it as a program that keeps serving until it is stopped.\n' +
        '\naws: [ERROR]: TypeError: length() expected argument 1 to be type string,array,object but received type number instead.\n',
    );
  });

  it('a note on --output yaml after the handler\'s', () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`aws ecs register-task-definition --family x --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name": "a", "image": "b"}]' --query taskDefinition.revision --output yaml`, host);
    expect(result).toEqual({
      stdout: '1\n',
      stderr: 'Note (playground): Container a has no "ecs-playground.app" docker label: the playground runs it as a program that keeps serving until it is stopped.\nNote (playground): --output yaml is not in the playground; here is the JSON.\n',
      exitCode: 0,
    });
  });
});

describe('register-task-definition', () => {
  it('refuses "__proto__" in --cli-input-json by name, as the JSON editor does', () => {
    const { host, dispatched } = sceneAt('default', 65_000);
    const doc = '{"family": "x", "__proto__": {"cpu": "256"}, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "a", "image": "b"}]}';
    const result = runCli(`aws ecs register-task-definition --cli-input-json '${doc}'`, host);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      '\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nUnknown parameter in input: "__proto__", must be one of: family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, volumes, placementConstraints, requiresCompatibilities, cpu, memory, tags, pidMode, ipcMode, proxyConfiguration, inferenceAccelerators, ephemeralStorage, runtimePlatform, enableFaultInjection\n',
    );
    expect(dispatched).toEqual([]);
  });

  it("AWS's own example, which asks for no Fargate: ECS's one message, and the flags that would make it Fargate", () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`aws ecs register-task-definition --family sleep360 --container-definitions '[{"name": "sleep", "image": "busybox", "cpu": 10, "memory": 10, "command": ["sleep", "360"], "essential": true}]'`, host);
    expect(result).toEqual({
      stdout: '',
      stderr:
        "\naws: [ERROR]: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Fargate requires that 'cpu' be defined at the task level.\n" +
        'Note (playground): The playground runs Fargate only: add --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 (in --cli-input-json: "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512").\n' +
        "Note (playground): ECS would refuse this too: Fargate requires that 'memory' be defined at the task level.\n",
      exitCode: 254,
    });
  });

  it('the members the playground keeps and does not simulate: taken, and named when they say something', () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`aws ecs register-task-definition --family x --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --tags key=team,value=web --runtime-platform cpuArchitecture=ARM64,operatingSystemFamily=LINUX --container-definitions '[{"name": "a", "image": "b", "command": ["serve"], "environment": [], "dockerLabels": {"ecs-playground.app": "serve"}}]' --query '[taskDefinition.revision, tags]'`, host);
    expect(result).toEqual({
      stdout: '[\n    1,\n    [\n        {\n            "key": "team",\n            "value": "web"\n        }\n    ]\n]\n',
      stderr: 'Note (playground): tags, runtimePlatform, containerDefinitions[0].command are accepted and kept on the revision, not simulated.\n',
      exitCode: 0,
    });
  });
});

describe('create-service', () => {
  it('without --desired-count: what is missing, and how to add it', () => {
    const { host, dispatched } = sceneAt('default', 65_000);
    expect(runCli(`aws ecs create-service --service-name api --task-definition web:1 ${NET}`, host)).toEqual({
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the CreateService operation: desiredCount is required for a REPLICA service: add --desired-count N, e.g. --desired-count 2.\n',
      exitCode: 254,
    });
    expect(dispatched).toEqual([]);
  });

  it('--launch-type: EC2 has no capacity here; as a list filter it is valid and matches nothing; anything else is no launch type', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli(`aws ecs create-service --service-name api --task-definition web:1 --desired-count 1 ${NET} --launch-type EC2`, host).stderr).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the CreateService operation: No Container Instances were found in your cluster.\n',
    );
    expect(runCli('aws ecs list-services --launch-type EC2', host).stdout).toBe('{\n    "serviceArns": []\n}\n');
    expect(runCli('aws ecs list-tasks --launch-type EC2', host).stdout).toBe('{\n    "taskArns": []\n}\n');
    expect(runCli('aws ecs list-services --launch-type FARGATEE', host).stderr).toBe(
      '\naws: [ERROR]: An error occurred (InvalidParameterException) when calling the ListServices operation: launchType must be one of EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES (the playground runs FARGATE).\n',
    );
  });
});

describe('the cluster', () => {
  it('list-clusters: the one cluster', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws ecs list-clusters', host)).toEqual({ stdout: '{\n    "clusterArns": [\n        "arn:aws:ecs:us-east-1:123456789012:cluster/default"\n    ]\n}\n', stderr: '', exitCode: 0 });
  });

  it("describe-clusters: a Cluster in the model's order, with the counts the engine has; another name is MISSING", () => {
    const { host, sim } = sceneAt('default', 65_000);
    const tasks = [...sim.world.tasks.values()];
    const { clusters, failures } = JSON.parse(runCli('aws ecs describe-clusters --clusters default prod', host).stdout) as { clusters: Record<string, unknown>[]; failures: unknown[] };
    expect(clusters).toEqual([
      {
        clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default',
        clusterName: 'default',
        status: 'ACTIVE',
        registeredContainerInstancesCount: 0,
        runningTasksCount: tasks.filter((t) => t.lastStatus === 'RUNNING').length,
        pendingTasksCount: 0,
        activeServicesCount: 1,
        statistics: [],
        tags: [],
      },
    ]);
    expect(Object.keys(clusters[0]!)).toEqual(['clusterArn', 'clusterName', 'status', 'registeredContainerInstancesCount', 'runningTasksCount', 'pendingTasksCount', 'activeServicesCount', 'statistics', 'tags']);
    expect(clusters[0]!.runningTasksCount).toBe(4); // web's three and the report job
    expect(failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', reason: 'MISSING' }]);
    // Tasks that are starting count as pending.
    runCli(`aws ecs run-task --task-definition report:1 --count 2 ${NET}`, host);
    expect(runCli("aws ecs describe-clusters --query 'clusters[0].[runningTasksCount, pendingTasksCount]' --output text", host).stdout).toBe('4\t2\n');
  });

  it('create-cluster: the default one exists already, as ECS answers; no other can be made', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws ecs create-cluster --cluster-name default --query cluster.clusterArn --output text', host).stdout).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/default\n');
    expect(runCli('aws ecs create-cluster --cluster-name prod', host)).toEqual(refusal('The playground has one cluster, default, and cannot create prod: say --cluster-name default, or leave it out.'));
  });

  it('aws ecs wait: no waiters here, and what to do instead', () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws ecs wait services-stable --cluster default --services web', host)).toEqual(
      refusal("The playground's aws has no waiters: the simulation moves on the page's clock, not while a command waits. Watch the diagram, or run aws ecs describe-services --services <name> (or describe-tasks) again until it shows what you are waiting for."),
    );
  });
});

describe('invalid choices and bad integers', () => {
  it('the playground\'s note comes after one blank line, and says where to read more', () => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli('aws ecs list-cluster', host);
    expect(result.stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice 'list-cluster'\n\nMaybe you meant:\n\n  * list-clusters\n\n" +
        USAGE +
        "\nNote (playground): The playground's aws has the ecs subcommands register-task-definition, list-task-definitions, describe-task-definition, deregister-task-definition, run-task, stop-task, list-tasks, describe-tasks, create-service, update-service, delete-service, list-services, describe-services, list-clusters, describe-clusters, create-cluster. Run aws ecs help for what each does.\n",
    );
    // Without a suggestion argparse leaves two blank lines before the usage, as the CLI does.
    expect(runCli('aws s3 ls', host).stderr).toBe(
      `\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 's3'\n\n\n${USAGE}\nNote (playground): The playground's aws has the commands ecs and elbv2. Run aws help for what each does.\n`,
    );
  });

  it("int()'s error, then what the option takes", () => {
    const { host } = sceneAt('default', 65_000);
    expect(runCli('aws ecs run-task --task-definition report:1 --count two', host)).toEqual({
      stdout: '',
      stderr: "\naws: [ERROR]: invalid literal for int() with base 10: 'two'\nNote (playground): --count takes a whole number, e.g. 5.\n",
      exitCode: 255,
    });
  });
});

describe('the shell around it', () => {
  it.each([
    ["aws ecs describe-services --services 'web", "`'"],
    ['aws ecs describe-services --services "web', '`"'],
    [`aws ecs describe-services --services "it's`, '`"'],
  ])('an unbalanced quote is refused as bash refuses it: %s', (line, quote) => {
    const { host, dispatched } = sceneAt('default', 65_000);
    expect(runCli(line, host)).toEqual({
      stdout: '',
      stderr: `bash: unexpected EOF while looking for matching ${quote}'\nNote (playground): close the quote on the same line: the terminal runs one line at a time.\n`,
      exitCode: 2,
    });
    expect(dispatched).toEqual([]);
  });

  it('balanced quotes, escapes and a quote inside a comment are fine', () => {
    const { host } = sceneAt('default', 65_000);
    for (const line of [`aws ecs describe-services --services "web" --query 'services[0].serviceName'`, "aws ecs describe-services --services web\\'s --query 'length(failures)'", "aws ecs describe-services --services 'web' --query 'length(services)' # it's web"])
      expect(runCli(line, host)).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it.each([
    ['nginx', 'Using default tag: latest\nThe push refers to repository [nginx]\nlatest: digest: '],
    ['registry.local:5000/team/app', 'Using default tag: latest\nThe push refers to repository [registry.local:5000/team/app]\nlatest: digest: '],
    ['registry.local:5000/team/app:2', 'The push refers to repository [registry.local:5000/team/app]\n2: digest: '],
    ['public.ecr.aws/nginx/nginx:1.27', 'The push refers to repository [public.ecr.aws/nginx/nginx]\n1.27: digest: '],
  ])('docker push %s: the repository and the tag (latest when none is given)', (image, start) => {
    const { host } = sceneAt('default', 65_000);
    const result = runCli(`docker push ${image}`, host);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${start}${host.world().images.get(image)!.digest}\n`);
  });
});
