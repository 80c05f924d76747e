// The headless entry point as a user calls it: npm run aws -- [options] ['aws …' …].
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const aws = (args: string[], input?: string) => spawnSync(tsx, ['scripts/aws.ts', ...args], { encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

describe('npm run aws', () => {
  it('update-service --desired-count 5, then sixty seconds on, list-tasks shows five', () => {
    const { stdout, stderr, status } = aws([
      'aws ecs update-service --service web --desired-count 5 --query service.desiredCount',
      'sleep 60',
      "aws ecs list-tasks --service-name web --query 'length(taskArns)'",
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe("$ aws ecs update-service --service web --desired-count 5 --query service.desiredCount\n5\n$ aws ecs list-tasks --service-name web --query 'length(taskArns)'\n5\n");
  });

  it('reads a file of lines (comments and blanks skipped), and exits with the last failure', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aws-')), 'commands.txt');
    writeFileSync(file, '# the scene at 10 s\n\naws ecs list-services --output text\naws ecs update-servce --service web\naws ecs list-services --query serviceArns[0] --output text\n');
    const { stdout, stderr, status } = aws(['--scenario', 'basic', '--seed', '2', '--at', '10', '--file', file]);
    expect(status).toBe(252);
    expect(stdout).toBe('$ aws ecs list-services --output text\nSERVICEARNS\tarn:aws:ecs:us-east-1:123456789012:service/default/web\n$ aws ecs update-servce --service web\n$ aws ecs list-services --query serviceArns[0] --output text\narn:aws:ecs:us-east-1:123456789012:service/default/web\n');
    expect(stderr).toContain("Found invalid choice 'update-servce'");
  });

  it('reads stdin; the same seed gives the same output', () => {
    const lines = 'aws ecs list-tasks\n';
    const first = aws(['--seed', '9'], lines);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout.split('\n').slice(1).join('\n')).taskArns).toHaveLength(4);
    expect(aws(['--seed', '9'], lines).stdout).toBe(first.stdout);
  });

  it.each([
    [['--scenario', 'nope'], /unknown scenario "nope"/],
    [['--seed', 'x'], /--seed must be a whole number/],
    [['--at', 'soon'], /--at must be a number of seconds/],
    [['--file', '/nonexistent/x.txt'], /cannot read \/nonexistent\/x.txt: ENOENT/],
  ])('refuses %j', (args, message) => {
    const { stderr, status } = aws(args as string[]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  });
});
