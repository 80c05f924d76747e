// Tab completion: commands, subcommands, --parameters, and names from the world.

import { describe, expect, it } from 'vitest';
import { complete } from './index.ts';
import { sceneAt } from './testing.ts';

const world = sceneAt('default', 65_000).sim.world;
const at = (line: string) => complete(line, line.length, world);

describe('complete', () => {
  it('commands and subcommands', () => {
    expect(at('')).toEqual({ from: 0, options: ['aws'] });
    expect(at('aws e')).toEqual({ from: 4, options: ['ecs', 'elbv2'] });
    expect(at('aws ecs update-s')).toEqual({ from: 8, options: ['update-service'] });
    expect(at('aws elbv2 describe-target-').options).toEqual(['describe-target-groups', 'describe-target-health']);
  });

  it('--parameters not yet given, booleans with their --no- form', () => {
    expect(at('aws ecs update-service --service web --desired').options).toEqual(['--desired-count']);
    expect(at('aws ecs update-service --f').options).toEqual(['--force-new-deployment']);
    expect(at('aws ecs update-service --no-f').options).toEqual(['--no-force-new-deployment']);
    expect(at('aws ecs update-service --service web --').options).not.toContain('--service');
  });

  it('names from the world: services, task definitions, task IDs, target groups, enum values, subnets', () => {
    expect(at('aws ecs update-service --service ')).toEqual({ from: 33, options: ['web'] });
    expect(at('aws ecs run-task --task-definition re').options).toEqual(['report', 'report:1']);
    const running = [...world.tasks.values()].filter((t) => t.lastStatus !== 'STOPPED').map((t) => t.taskId);
    expect(at('aws ecs stop-task --task ').options.slice(0, running.length)).toEqual(running);
    expect(at('aws ecs describe-tasks --tasks a b ').options.length).toBeGreaterThan(0);
    expect(at('aws elbv2 describe-target-health --target-group-arn ').options).toEqual([...world.targetGroups.keys()]);
    expect(at('aws ecs list-tasks --desired-status S').options).toEqual(['STOPPED']);
    expect(at('aws ecs run-task --network-configuration ').options).toEqual(["'awsvpcConfiguration={subnets=[subnet-us-east-1a,subnet-us-east-1b,subnet-us-east-1c]}'"]);
    expect(at('aws ecs create-service --load-balancers ').options[0]).toMatch(/^targetGroupArn=arn:aws:elasticloadbalancing:.*,containerName=web,containerPort=80$/);
  });

  it('completes the word at the cursor, not the end of the line', () => {
    const line = 'aws ecs upd --service web';
    expect(complete(line, 11, world)).toEqual({ from: 8, options: ['update-service'] });
  });

  it("skips a global option's value when finding the command (aws --output json ecs …)", () => {
    expect(at('aws --output json ').options).toEqual(['ecs', 'elbv2', 'help']);
    expect(at('aws --output json ecs update-s').options).toEqual(['update-service']);
    expect(at('aws --region us-east-1 --query x ecs list-services --o').options).toEqual(['--output']);
    expect(at('aws --output ').options).toEqual(['json', 'text', 'table', 'off']);
    expect(at('aws ecs list-services --output t').options).toEqual(['text', 'table']);
  });

  it("offers what the playground simulates; AWS's other options are taken when typed, not offered", () => {
    expect(at('aws ecs run-task --p').options).toEqual([]);
    expect(at('aws ecs run-task --').options).not.toContain('--overrides');
    expect(at('aws ecs ').options).toEqual(expect.arrayContaining(['list-clusters', 'describe-clusters', 'create-cluster']));
    expect(at('aws ecs describe-clusters --clusters ').options).toEqual(['default']);
  });

  it('untrusted words find nothing rather than Object.prototype', () => {
    expect(at('aws __proto__ ').options).toEqual([]);
    expect(at('aws ecs constructor --').options).toEqual([]);
    expect(complete('aws ecs', Number.NaN, world).options).toEqual(['ecs']);
  });
});
