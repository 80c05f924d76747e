// Whack-a-task, as pure logic over a session: which service a whack hits, the command it
// dispatches, and the running score — how much of the time since the first whack each whacked
// service stayed at desiredCount. Everything comes from the session: its log says what was
// whacked and when (a whack is an ordinary stopTask with a selector, so it is recorded, replayed
// and shared like any command), and its per-second samples (the charts') say how many tasks ran.
// Sim time, never wall time: a seek shows the score of the moment sought, and a reset (a new
// session) starts it over.

import type { LogEntry } from '../../session/record.ts';
import { selectTasks, type Millis, type ScriptCommand, type World } from '../../sim/index.ts';
import type { CountsSample } from '../../store/paneStore.ts';
import { percentOf } from '../trafficStats.ts';

/** The stoppedReason a whacked task carries (the inspector and the tasks table show it). */
export const WHACK_REASON = 'Whacked in presenter mode (whack-a-task)';

/** The command a whack dispatches: a random RUNNING task of the service, drawn from the world's
 *  seeded RNG when it applies, so the session replays it exactly. */
export const whackCommand = (service: string): ScriptCommand => ({ type: 'stopTask', task: { service, pick: 'random' }, reason: WHACK_REASON });

/** Which service a whack hits: the one asked for (the selected service, or the selected task's)
 *  if it has a running task, else the first active service that has one; or why none can be. */
export function whackTarget(world: World, preferred: string | null): { service: string } | { problem: string } {
  const active = [...world.services.values()].filter((s) => s.status === 'ACTIVE');
  if (active.length === 0) return { problem: 'Whack-a-task needs a service, and this scene has none: create one (N) or pick another scene.' };
  const hittable = (name: string) => selectTasks(world, { service: name }).length > 0;
  if (preferred !== null && active.some((s) => s.serviceName === preferred) && hittable(preferred)) return { service: preferred };
  const first = active.find((s) => hittable(s.serviceName));
  if (first) return { service: first.serviceName };
  const names = active.map((s) => s.serviceName).join(', ');
  return { problem: `No task of ${active.length === 1 ? 'service' : 'services'} ${names} is RUNNING right now (each is starting or stopping): wait for one, then press W again.` };
}

export type Whack = { at: Millis; service: string };

/** Is this logged command a whack? A stopTask of a random task of a service, with the whack's reason. */
function whackOf(entry: LogEntry): Whack | null {
  const c = entry.command;
  if (c.type !== 'stopTask' || c.reason !== WHACK_REASON || typeof c.task !== 'object' || c.task === null) return null;
  const service = c.task.service;
  return typeof service === 'string' && c.task.pick === 'random' ? { at: entry.at, service } : null;
}

/** The whacks the moment shown has applied (the log's first `applied` entries), oldest first. */
export function whacksOf(entries: readonly LogEntry[], applied: number): Whack[] {
  const out: Whack[] = [];
  for (const entry of entries.slice(0, applied)) {
    const w = whackOf(entry);
    if (w) out.push(w);
  }
  return out;
}

export type ServiceScore = {
  service: string;
  /** Whole seconds since the first whack at which the service ran at least desiredCount tasks. */
  atDesired: number;
  /** Whacks of this service. */
  whacks: number;
  /** Running and desired at the last sample (null: the service is gone). */
  now: { running: number; desired: number } | null;
};

export type Score = {
  /** When the first whack landed. */
  since: Millis;
  /** Whole seconds sampled since then (the denominator). */
  seconds: number;
  whacks: number;
  /** One per whacked service, in the order they were first whacked. */
  services: ServiceScore[];
};

/** What the score reads of a session (a PaneSession is one). */
export type ScoreSource = {
  readonly entries: readonly LogEntry[];
  readonly appliedCount: number;
  readonly now: Millis;
  samplesUpToNow(count: number): CountsSample[];
};

/** The score at the moment the session shows, or null before the first whack. A second counts as
 *  at desiredCount when the engine's runningCount was at least its desiredCount at that second
 *  (the samples are taken on each whole second, so the second a whack lands in is the next one's). */
export function scoreOf(session: ScoreSource): Score | null {
  const whacks = whacksOf(session.entries, session.appliedCount);
  if (whacks.length === 0) return null;
  const since = whacks[0]!.at;
  const firstSecond = Math.floor(since / 1000) + 1;
  const lastSecond = Math.floor(session.now / 1000);
  const samples = lastSecond >= firstSecond ? session.samplesUpToNow(lastSecond - firstSecond + 1).filter((s) => s.second >= firstSecond) : [];
  const services: ServiceScore[] = [];
  for (const w of whacks) {
    const known = services.find((s) => s.service === w.service);
    if (known) known.whacks++;
    else services.push({ service: w.service, atDesired: 0, whacks: 1, now: null });
  }
  for (const score of services) {
    for (const sample of samples) {
      const counts = sample.services.get(score.service);
      if (counts && counts.running >= counts.desired) score.atDesired++;
    }
    const last = samples.at(-1)?.services.get(score.service);
    score.now = last ? { running: last.running, desired: last.desired } : null;
  }
  return { since, seconds: samples.length, whacks: whacks.length, services };
}

export { percentOf } from '../trafficStats.ts';

/** The score in words a class reads at a glance, one clause per whacked service: "Service web
 *  kept all 3 tasks running 92 % of the time · 4 tasks whacked". "The time" is the time since the
 *  first whack; "all 3" is desiredCount now (a second counts when running reached the desiredCount
 *  of that second). */
export function scoreText(score: Score): string {
  const whacked = `${score.whacks} ${score.whacks === 1 ? 'task' : 'tasks'} whacked`;
  const clauses = score.services.map((s) => {
    const name = `Service ${s.service}`;
    if (score.seconds === 0) return `${name}: the score starts in a second`;
    if (!s.now) return `${name} is gone`;
    const share = `${percentOf(s.atDesired, score.seconds)} % of the time`;
    if (s.now.desired === 0) return `${name}, scaled to 0 tasks, was at its desiredCount ${share}`;
    return `${name} kept ${s.now.desired === 1 ? 'its task' : `all ${s.now.desired} tasks`} running ${share}`;
  });
  return `${clauses.join('; ')} · ${whacked}`;
}

/** How many run right now, for the HUD's second part: "right now 2 of 3 running" (each service
 *  named when there are several). */
export function nowText(score: Score): string {
  if (score.services.length === 1) {
    const now = score.services[0]!.now;
    return now ? `right now ${now.running} of ${now.desired} running` : 'no longer running';
  }
  return `right now ${score.services.map((s) => (s.now ? `${s.service} ${s.now.running} of ${s.now.desired}` : `${s.service} gone`)).join(', ')}`;
}
