// --output table as the AWS CLI draws it. The expected tables are what awscli's own TableFormatter
// (formatter.py over table.py, v2.36) printed for the same data, copied here verbatim.

import { describe, expect, it } from 'vitest';
import { runCli } from './index.ts';
import { tableOutput, textLength } from './table.ts';
import { sceneAt } from './testing.ts';

const drawn = (data: unknown) => {
  const out = tableOutput('T', data);
  return out.ok ? out.text : `error: ${out.message}`;
};

describe('tableOutput', () => {
  it('nests sections for lists and objects, and starts a section per element that has them', () => {
    const data = { services: [{ serviceName: 'web', desiredCount: 3, deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY' }] }, { serviceName: 'api', desiredCount: 1, deployments: [] }], failures: [] };
    expect(drawn(data)).toBe(
      [
        '-----------------------------------',
        '|                T                |',
        '+---------------------------------+',
        '||           services            ||',
        '|+---------------+---------------+|',
        '|| desiredCount  |  serviceName  ||',
        '|+---------------+---------------+|',
        '||  3            |  web          ||',
        '|+---------------+---------------+|',
        '|||         deployments         |||',
        '||+---------------+-------------+||',
        '|||      id       |   status    |||',
        '||+---------------+-------------+||',
        '|||  ecs-svc/1    |  PRIMARY    |||',
        '||+---------------+-------------+||',
        '||           services            ||',
        '|+---------------+---------------+|',
        '|| desiredCount  |  serviceName  ||',
        '|+---------------+---------------+|',
        '||  1            |  api          ||',
        '|+---------------+---------------+|',
        '',
      ].join('\n'),
    );
  });

  it('widens columns in proportion, rounding half to even and giving the error to the first columns', () => {
    expect(drawn({ a: 'x', bb: 'yy', ccc: 'zzz', d: 1 })).toBe(
      ['-------------------------', '|           T           |', '+---+------+-------+----+', '| a | bb   |  ccc  | d  |', '+---+------+-------+----+', '|  x|  yy  |  zzz  |  1 |', '+---+------+-------+----+', ''].join('\n'),
    );
  });

  it('fills a missing key with nothing, prints Python\'s True, and counts a wide character as two columns', () => {
    expect(textLength('é中')).toBe(4);
    expect(drawn([{ id: 'é中', n: 1 }, { id: 'b', n: 22, extra: true }])).toBe(
      ['-------------------------', '|           T           |', '+-------+--------+------+', '| extra |  id    |  n   |', '+-------+--------+------+', '|       |  é中  |  1   |', '|  True |  b     |  22  |', '+-------+--------+------+', ''].join('\n'),
    );
  });

  it('a scalar is the title alone; a falsy answer prints nothing', () => {
    expect(drawn('web')).toBe('---\n|T|\n+-+\n');
    expect(drawn(0)).toBe('');
    expect(drawn({})).toBe('');
  });

  it('where Python raises, its message', () => {
    expect(drawn([[1, 2], [3]])).toBe('error: Row should have 2 elements, instead it has 1');
    // A dict among scalars is iterated for its keys: two of them, in a one-column section.
    expect(drawn([1, { k: 1, j: 2 }, [3]])).toBe('error: Row should have 1 elements, instead it has 2');
  });
});

describe('aws … --output table', () => {
  const { host } = sceneAt('default', 65_000);

  it('is titled with the operation, as in the AWS docs', () => {
    expect(runCli('aws ecs list-services --output table', host)).toEqual({
      stdout: [
        '--------------------------------------------------------------',
        '|                        ListServices                        |',
        '+------------------------------------------------------------+',
        '||                        serviceArns                       ||',
        '|+----------------------------------------------------------+|',
        '||  arn:aws:ecs:us-east-1:123456789012:service/default/web  ||',
        '|+----------------------------------------------------------+|',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('wider than 80 columns, a one-row section is turned on its side; --query first', () => {
    expect(runCli("aws ecs describe-services --services web --query 'services[0].deployments' --output table", host).stdout).toBe(
      [
        '------------------------------------------------------------------------------------',
        '|                                 DescribeServices                                 |',
        '+---------------------+------------------------------------------------------------+',
        '|  createdAt          |  2026-01-05T09:00:00+00:00                                 |',
        '|  desiredCount       |  3                                                         |',
        '|  failedTasks        |  0                                                         |',
        '|  id                 |  ecs-svc/6659470074752072012                               |',
        '|  launchType         |  FARGATE                                                   |',
        '|  pendingCount       |  0                                                         |',
        '|  rolloutState       |  COMPLETED                                                 |',
        '|  rolloutStateReason |  ECS deployment ecs-svc/6659470074752072012 completed.     |',
        '|  runningCount       |  3                                                         |',
        '|  status             |  PRIMARY                                                   |',
        '|  taskDefinition     |  arn:aws:ecs:us-east-1:123456789012:task-definition/web:1  |',
        '|  updatedAt          |  2026-01-05T09:00:59+00:00                                 |',
        '+---------------------+------------------------------------------------------------+',
        '',
      ].join('\n'),
    );
  });

  it('a table Python cannot draw is its exception, exit 255', () => {
    expect(runCli("aws ecs list-services --query '[[`1`, `2`], [`3`]]' --output table", host)).toEqual({ stdout: '', stderr: '\naws: [ERROR]: Row should have 2 elements, instead it has 1\n', exitCode: 255 });
  });
});
