import { describe, expect, it } from 'vitest';
import type { Step } from './events.ts';
import { addServiceEvent, DUPLICATE_SUPPRESSION, MAX_SERVICE_EVENTS, resolveCause, serviceMessages } from './serviceEvents.ts';
import { makeService } from './testing/builders.ts';
import { createWorld } from './world.ts';


describe('service event templates (spec §5.11, real "(service x)" form)', () => {
  it.each([
    [serviceMessages.started('web', ['a1', 'b2']), '(service web) has started 2 tasks: (task a1) (task b2).'],
    [serviceMessages.started('web', ['a1']), '(service web) has started 1 tasks: (task a1).'],
    [serviceMessages.stopped('web', ['a1']), '(service web) has stopped 1 running tasks: (task a1).'],
    [serviceMessages.steadyState('web'), '(service web) has reached a steady state.'],
    [serviceMessages.deploymentCompleted('web', 'ecs-svc/4898377691688528528'), '(service web) (deployment ecs-svc/4898377691688528528) deployment completed.'],
    [serviceMessages.failedContainerHealthChecks('web', 'a1'), '(service web) (task a1) failed container health checks.'],
    [serviceMessages.unableToStart('web'), '(service web) is unable to consistently start tasks successfully.'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));
});

describe('keeping service events', () => {
  const setup = () => {
    const world = createWorld({ seed: 1 });
    world.services.set('web', makeService());
    const step: Step = { world, events: [] };
    return { world, step, service: () => world.services.get('web')! };
  };

  it('keeps at most 100, newest first', () => {
    const { world, step, service } = setup();
    for (let i = 0; i < 130; i++) {
      world.now = i * 1000;
      addServiceEvent(step, service(), `message ${i}`);
    }
    expect(service().events).toHaveLength(MAX_SERVICE_EVENTS);
    expect(service().events[0]!.message).toBe('message 129');
    expect(service().events.at(-1)!.message).toBe('message 30');
    expect(step.events.filter((e) => e.type === 'ServiceEvent')).toHaveLength(130);
  });

  it('suppresses a repeated cause for six hours, or until it is resolved', () => {
    const { world, step, service } = setup();
    const say = () => addServiceEvent(step, service(), serviceMessages.steadyState('web'), 'steadyState');
    say();
    world.now = DUPLICATE_SUPPRESSION - 1;
    say();
    expect(service().events).toHaveLength(1);
    world.now = DUPLICATE_SUPPRESSION;
    say();
    expect(service().events).toHaveLength(2);
    resolveCause(step, service(), 'steadyState');
    world.now += 1000;
    say();
    expect(service().events).toHaveLength(3);
  });
});
