import { describe, expect, it } from 'vitest';
import { Simulation, type World } from '../../sim/index.ts';
import { newPaneSession, type PaneSession } from '../../store/paneStore.ts';
import { nowText, percentOf, scoreOf, scoreText, WHACK_REASON, whackCommand, whacksOf, whackTarget, type Score } from './score.ts';

const running = (world: World, service: string) => [...world.tasks.values()].filter((t) => t.serviceName === service && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
/** The default scene (service web, 3 tasks behind web-alb, and a job) as it opens, all RUNNING. */
const defaultScene = (seed = 1): PaneSession => newPaneSession('default', seed);
const whack = (session: PaneSession, service = 'web') => {
  const result = session.dispatch(whackCommand(service));
  expect(result.outcome.ok).toBe(true);
  return result;
};

describe('whackTarget', () => {
  it('picks the service asked for, else the first with a running task', () => {
    const session = defaultScene();
    expect(whackTarget(session.world, 'web')).toEqual({ service: 'web' });
    expect(whackTarget(session.world, null)).toEqual({ service: 'web' });
    // A name that is no service (nor a prototype's member) falls back to one that is.
    expect(whackTarget(session.world, '__proto__')).toEqual({ service: 'web' });
    expect(whackTarget(session.world, 'constructor')).toEqual({ service: 'web' });
  });

  it('says why when the scene has no service', () => {
    const session = newPaneSession('empty', 1);
    const target = whackTarget(session.world, null);
    expect(target).toEqual({ problem: expect.stringContaining('has none') });
  });

  it('says why when no task of any service is RUNNING (all stopping or starting)', () => {
    const session = defaultScene();
    for (let i = 0; i < 3; i++) whack(session);
    expect(running(session.world, 'web')).toHaveLength(0);
    const target = whackTarget(session.world, 'web');
    expect(target).toEqual({ problem: expect.stringContaining('No task of service web is RUNNING') });
    // And the command itself would be refused, changing nothing (not even the log).
    const before = session.entries.length;
    expect(session.dispatch(whackCommand('web')).outcome.ok).toBe(false);
    expect(session.entries).toHaveLength(before);
  });
});

describe('a whack', () => {
  it('is a stopTask of a random running task of the service, recorded as the selector and replayed exactly', () => {
    const a = defaultScene(7);
    const b = defaultScene(7);
    const ra = whack(a);
    const rb = whack(b);
    const stopped = (r: typeof ra) => r.events.find((e) => e.type === 'TaskStateChanged' || 'taskArn' in e);
    expect(stopped(ra)).toEqual(stopped(rb));
    expect(a.entries).toEqual([{ at: a.now, command: { type: 'stopTask', task: { service: 'web', pick: 'random' }, reason: WHACK_REASON } }]);
    const hit = [...a.world.tasks.values()].find((t) => t.desiredStatus === 'STOPPED')!;
    expect(hit.serviceName).toBe('web');
    expect(hit.stoppedReason).toBe(WHACK_REASON);
    // The straight run of the log reaches the same world: the whack is deterministic.
    const sim = Simulation.create({ scenario: 'default', seed: 7 });
    sim.advanceTo(a.entries[0]!.at);
    sim.dispatch(whackCommand('web'));
    expect([...sim.world.tasks.values()].find((t) => t.desiredStatus === 'STOPPED')!.taskArn).toBe(hit.taskArn);
  });

  it('only whacks count: a plain stop, or a stop by selector without the reason, is not one', () => {
    const session = defaultScene();
    const task = running(session.world, 'web')[0]!;
    session.dispatch({ type: 'stopTask', task: task.taskArn });
    session.dispatch({ type: 'stopTask', task: { service: 'web', pick: 'random' } });
    expect(whacksOf(session.entries, session.appliedCount)).toEqual([]);
    expect(scoreOf(session)).toBeNull();
  });
});

describe('scoreOf', () => {
  it('is null before the first whack', () => {
    const session = defaultScene();
    session.advanceTo(100_000);
    expect(scoreOf(session)).toBeNull();
  });

  it('counts the sim seconds since the first whack at which web ran desiredCount tasks', () => {
    const session = defaultScene();
    const t0 = session.now;
    whack(session);
    session.advanceTo(t0 + 180_000);
    const score = scoreOf(session)!;
    expect(score.since).toBe(t0);
    expect(score.seconds).toBe(180);
    expect(score.whacks).toBe(1);
    const web = score.services[0]!;
    expect(web.service).toBe('web');
    // The stopped task left RUNNING at once (behind a load balancer it drains as DEACTIVATING),
    // and its replacement took a while to start: web was short for part of the time, not all.
    expect(web.atDesired).toBeGreaterThan(0);
    expect(web.atDesired).toBeLessThan(180);
    // Checked against the samples themselves, second by second.
    const samples = session.samplesUpToNow(180);
    expect(samples.map((s) => s.second)).toEqual(Array.from({ length: 180 }, (_, i) => t0 / 1000 + 1 + i));
    expect(web.atDesired).toBe(samples.filter((s) => s.services.get('web')!.running >= s.services.get('web')!.desired).length);
    expect(web.now).toEqual({ running: 3, desired: 3 });
    expect(scoreText(score)).toBe(`Service web kept all 3 tasks running ${percentOf(web.atDesired, 180)} % of the time · 1 task whacked`);
    expect(nowText(score)).toBe('right now 3 of 3 running');
  });

  it('more whacks, less time at desiredCount; it follows a seek back and forth', () => {
    const once = defaultScene();
    const t0 = once.now;
    whack(once);
    once.advanceTo(t0 + 120_000);
    const often = defaultScene();
    whack(often);
    often.advanceTo(t0 + 20_000);
    whack(often);
    often.advanceTo(t0 + 40_000);
    whack(often);
    often.advanceTo(t0 + 120_000);
    const a = scoreOf(once)!;
    const b = scoreOf(often)!;
    expect(b.whacks).toBe(3);
    expect(b.seconds).toBe(a.seconds);
    expect(b.services[0]!.atDesired).toBeLessThan(a.services[0]!.atDesired);

    // Back to before the second whack: the score is that moment's.
    often.seek(t0 + 10_000);
    const back = scoreOf(often)!;
    expect(back.whacks).toBe(1);
    expect(back.seconds).toBe(10);
    // Back before the first: no score.
    often.seek(t0 - 10_000);
    expect(scoreOf(often)).toBeNull();
    // And forward again to the live end: as it was.
    often.seek(t0 + 120_000);
    expect(scoreOf(often)).toEqual(b);
  });

  it('the second a whack lands in is the next sample: a whack on a whole second starts counting after it', () => {
    const session = defaultScene();
    const t0 = session.now;
    expect(t0 % 1000).toBe(0);
    whack(session); // on a whole second
    expect(scoreOf(session)).toEqual({ since: t0, seconds: 0, whacks: 1, services: [{ service: 'web', atDesired: 0, whacks: 1, now: null }] });
    expect(scoreText(scoreOf(session)!)).toBe('Service web: the score starts in a second · 1 task whacked');
    session.advanceTo(t0 + 1000);
    expect(scoreOf(session)!.seconds).toBe(1);
  });

  it('starts over with a reset (a new session), and forgets a forked-away future', () => {
    const session = defaultScene();
    const t0 = session.now;
    whack(session);
    session.advanceTo(t0 + 60_000);
    expect(scoreOf(session)!.whacks).toBe(1);
    expect(scoreOf(defaultScene())).toBeNull(); // what Reset puts in the pane
    // Acting in the past before the whack forks it away.
    session.seek(t0 - 5_000);
    session.dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    session.advanceTo(t0 + 60_000);
    expect(scoreOf(session)).toBeNull();
  });

  it('a service deleted after its whack is never at desiredCount again, and says so', () => {
    const session = defaultScene();
    const t0 = session.now;
    whack(session);
    session.advanceTo(t0 + 10_000);
    expect(session.dispatch({ type: 'deleteService', service: 'web', force: true }).outcome.ok).toBe(true);
    session.advanceTo(t0 + 3_700_000); // an INACTIVE service leaves the samples
    const score = scoreOf(session)!;
    expect(score.services[0]!.now).toBeNull();
    expect(scoreText(score)).toBe('Service web is gone · 1 task whacked');
    expect(nowText(score)).toBe('no longer running');
  });
});

describe('the score in words', () => {
  const score = (services: Score['services'], seconds = 120, whacks = 4): Score => ({ since: 0, seconds, whacks, services });
  const web = (over: Partial<Score['services'][number]> = {}) => ({ service: 'web', atDesired: 110, whacks: 4, now: { running: 2, desired: 3 }, ...over });
  it.each([
    ['Service web kept all 3 tasks running 92 % of the time · 4 tasks whacked', 'right now 2 of 3 running', score([web()])],
    ['Service web kept its task running 100 % of the time · 4 tasks whacked', 'right now 1 of 1 running', score([web({ now: { running: 1, desired: 1 }, atDesired: 120 })])],
    ['Service web, scaled to 0 tasks, was at its desiredCount 92 % of the time · 4 tasks whacked', 'right now 0 of 0 running', score([web({ now: { running: 0, desired: 0 } })])],
    ['Service web kept all 3 tasks running 92 % of the time; Service api kept all 2 tasks running 50 % of the time · 5 tasks whacked', 'right now web 2 of 3, api 2 of 2', score([web(), { service: 'api', atDesired: 60, whacks: 1, now: { running: 2, desired: 2 } }], 120, 5)],
    ['Service web is gone · 1 task whacked', 'no longer running', score([web({ now: null })], 120, 1)],
  ])('%s (%s)', (text, now, s) => {
    expect(scoreText(s)).toBe(text);
    expect(nowText(s)).toBe(now);
  });
});

describe('percentOf', () => {
  it('never shows 100 % while a second was missed', () => {
    expect(percentOf(999, 1000)).toBe(99);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(1, 3)).toBe(33);
  });
});
