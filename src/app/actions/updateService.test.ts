import { describe, expect, it } from 'vitest';
import { Simulation, webTaskDefinition } from '../../sim/index.ts';
import { buildUpdate, currentValues, describeOutcome, fieldOfMessage, revisionChoices, rollingLimits, type UpdateValues } from './updateService.ts';

function scene() {
  const sim = Simulation.create({ seed: 4 });
  sim.advanceTo(70_000);
  const web2 = sim.dispatch({ type: 'registerTaskDefinition', taskDefinition: webTaskDefinition() }).outcome;
  if (!web2.ok) throw new Error('web:2 did not register');
  return { sim, web2: web2.taskDefinitionArn!, service: () => sim.world.services.get('web')! };
}

describe('buildUpdate', () => {
  it('sends nothing when nothing changed, even a field typed back to its value', () => {
    const { service } = scene();
    expect(buildUpdate(service(), {})).toBeNull();
    expect(buildUpdate(service(), { desiredCount: '3', maximumPercent: ' 200 ', circuitBreakerEnable: false })).toBeNull();
  });

  it('sends only what changed: a revision and a count, or one percentage, or the circuit breaker as a pair', () => {
    const { service, web2 } = scene();
    expect(buildUpdate(service(), { taskDefinition: web2, desiredCount: '4', minimumHealthyPercent: '100' })).toEqual({ type: 'updateService', service: 'web', taskDefinition: web2, desiredCount: 4 });
    expect(buildUpdate(service(), { maximumPercent: '150' })).toEqual({ type: 'updateService', service: 'web', deploymentConfiguration: { maximumPercent: 150 } });
    expect(buildUpdate(service(), { circuitBreakerEnable: true })).toEqual({
      type: 'updateService',
      service: 'web',
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    expect(buildUpdate(service(), { forceNewDeployment: true, healthCheckGracePeriodSeconds: '30' })).toEqual({ type: 'updateService', service: 'web', forceNewDeployment: true, healthCheckGracePeriodSeconds: 30 });
  });

  it('never undoes what moved on meanwhile: an untouched desiredCount is left out', () => {
    const { sim, service, web2 } = scene();
    const shown = currentValues(service());
    expect(shown.desiredCount).toBe('3');
    sim.dispatch({ type: 'updateService', service: 'web', desiredCount: 5 }); // the node's + while the form is open
    expect(buildUpdate(service(), { taskDefinition: web2 })).toEqual({ type: 'updateService', service: 'web', taskDefinition: web2 });
  });

  it('hands a blank or non-numeric field to the engine as NaN, which refuses it by name', () => {
    const { sim, service } = scene();
    const command = buildUpdate(service(), { maximumPercent: '' })!;
    expect(command.deploymentConfiguration?.maximumPercent).toBeNaN();
    const outcome = sim.dispatch(command).outcome;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(fieldOfMessage(outcome.error.message)).toBe('maximumPercent');
  });
});

describe('fieldOfMessage puts each engine refusal next to its field', () => {
  const cases: [string, Partial<UpdateValues>, string][] = [
    ['desiredCount', { desiredCount: '-1' }, 'desiredCount'],
    ['desiredCount', { desiredCount: 'lots' }, 'desiredCount'],
    ['maximumPercent', { maximumPercent: '250' }, 'maximumPercent'],
    ['minimumHealthyPercent', { minimumHealthyPercent: '101' }, 'minimumHealthyPercent'],
    ['healthCheckGracePeriodSeconds', { healthCheckGracePeriodSeconds: '-5' }, 'healthCheckGracePeriodSeconds'],
    ['taskDefinition', { taskDefinition: 'nope:9' }, 'taskDefinition'],
  ];
  it.each(cases)('%s', (_name, edits, field) => {
    const { sim, service } = scene();
    const outcome = sim.dispatch(buildUpdate(service(), edits)!).outcome;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(fieldOfMessage(outcome.error.message)).toBe(field);
  });

  it('an INACTIVE revision and a revision the load balancer cannot use are the revision field\'s', () => {
    const { sim, service, web2 } = scene();
    sim.dispatch({ type: 'deregisterTaskDefinition', taskDefinition: 'web:2' });
    const inactive = sim.dispatch(buildUpdate(service(), { taskDefinition: web2 })!).outcome;
    expect(!inactive.ok && fieldOfMessage(inactive.error.message)).toBe('taskDefinition');
    const report = [...sim.world.taskDefinitions.values()].find((td) => td.family === 'report')!;
    const wrong = sim.dispatch(buildUpdate(service(), { taskDefinition: report.taskDefinitionArn })!).outcome;
    expect(!wrong.ok && wrong.error.message).toMatch(/^loadBalancers\[0\]/);
    expect(!wrong.ok && fieldOfMessage(wrong.error.message)).toBe('taskDefinition');
  });

  it('a half-given circuit breaker, and a message naming no field', () => {
    expect(fieldOfMessage('deploymentCircuitBreaker needs both enable and rollback, each true or false.')).toBe('circuitBreaker');
    expect(fieldOfMessage('Service web is DRAINING: you can\'t update a service that isn\'t active.')).toBe('form');
    // The field named first wins.
    expect(fieldOfMessage('maximumPercent must be a whole number; minimumHealthyPercent too.')).toBe('maximumPercent');
  });
});

describe('revisionChoices', () => {
  it('offers the family newest first, INACTIVE ones included, then the other families\' ACTIVE ones', () => {
    const { sim, service } = scene();
    sim.dispatch({ type: 'deregisterTaskDefinition', taskDefinition: 'web:1' });
    const choices = revisionChoices(sim.world, service());
    expect(choices.family).toBe('web');
    expect(choices.own.map((td) => `${td.family}:${td.revision} ${td.status}`)).toEqual(['web:2 ACTIVE', 'web:1 INACTIVE']);
    expect(choices.others.map((td) => `${td.family}:${td.revision}`)).toEqual(['report:1']);
  });
});

describe('rollingLimits', () => {
  it('does the arithmetic of §5.5 in words', () => {
    expect(rollingLimits('4', '100', '200')).toBe('With desiredCount 4: at most 8 running or starting (200 %), at least 4 healthy (100 %). Up to 4 new tasks start beside the old; no old task stops before a new one is healthy.');
    expect(rollingLimits('4', '50', '100')).toBe('With desiredCount 4: at most 4 running or starting (100 %), at least 2 healthy (50 %). No room above desiredCount: up to 2 old tasks stop first, then new ones start.');
    expect(rollingLimits('3', '100', '100')).toMatch(/a deployment would be stuck\.$/);
    expect(rollingLimits('3', '100', '125')).toMatch(/at most 3 running or starting .* stuck\.$/); // floor(3 × 1.25) = 3
    expect(rollingLimits('2', '75', '200')).toBe('With desiredCount 2: at most 4 running or starting (200 %), at least 2 healthy (75 %). Up to 2 new tasks start beside the old; no old task stops before a new one is healthy.');
    expect(rollingLimits('6', '50', '150')).toMatch(/Up to 3 new tasks start beside the old, and up to 3 old ones may stop before new ones are healthy\.$/);
    expect(rollingLimits('0', '100', '200')).toMatch(/^With desiredCount 0 nothing runs/);
    expect(rollingLimits('x', '100', '200')).toBeNull();
  });
});

describe('describeOutcome', () => {
  it('names the deployment a new revision started, or says a count alone only scales', () => {
    const { sim, service, web2 } = scene();
    const deploy = buildUpdate(service(), { taskDefinition: web2 })!;
    sim.dispatch(deploy);
    expect(describeOutcome(deploy, service())).toMatch(/^Deployment ecs-svc\/\d{19} of web:2 started: /);
    const scale = buildUpdate(service(), { desiredCount: '5' })!;
    sim.dispatch(scale);
    expect(describeOutcome(scale, service())).toBe('Updated service web: desiredCount 5. A scaling event: no new deployment.');
  });
});
