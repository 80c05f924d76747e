// Client traffic through the load balancer (spec §6.6, §6.7): seeded Poisson arrivals at the
// configured rate, each routed when it arrives and answered by whatever the target's app does.
// Outcomes are counted per second of sim time (the charts) and a few are sampled (the particles).
//
//   ≥ 1 healthy target          → a healthy one (round robin, or least outstanding requests)
//   none healthy, some unhealthy → fail-open: any registered, non-draining target
//   no routable target          → 503 (no registered targets, or only initial/draining ones)
//   the app answers 500          → 500;  nothing listening → 502;  cut off mid-request → 502
//   the app hangs                → 504 once the ALB's idle timeout (60 s) passes

import { appAnswer, containerFor, type AppAnswer } from './loadBalancer.ts';
import { nextFloat } from './rng.ts';
import { SECOND } from './time.ts';
import type { ErrorStatus, Millis, Target, TargetGroup, TargetTraffic, TrafficSecond, World } from './model/index.ts';

/** Seconds of per-second outcomes kept for the charts. */
export const TRAFFIC_WINDOW = 600;
/** Requests kept for the diagram's particles. */
export const TRAFFIC_SAMPLE = 48;
export const MAX_RATE = 1000;
const LATENCY_MIN = 20; // ms: a small web app's response time, uniform in [20, 80)
const LATENCY_SPREAD = 60;
/** The ALB's idle timeout: a request to a target that never answers fails with 504 after it (spec §6.6). */
export const IDLE_TIMEOUT = 60 * SECOND;

const newSecond = (second: number): TrafficSecond => ({ second, requests: 0, ok: 0, status5xx: { '500': 0, '502': 0, '503': 0, '504': 0 }, latencyMs: 0 });

/** Process every arrival before `until` (exclusive). Called by the engine between timers. */
export function runTraffic(world: World, until: Millis): void {
  const traffic = world.traffic;
  if (traffic.ratePerSecond <= 0 || traffic.loadBalancerArn === null) return;
  const lb = world.loadBalancers.get(traffic.loadBalancerArn);
  const tg = lb && world.targetGroups.get(lb.listener.defaultTargetGroupArn);
  const meanGap = SECOND / traffic.ratePerSecond;
  while (traffic.nextArrivalAt < until) {
    const at = traffic.nextArrivalAt;
    serve(world, tg, at);
    // Exponential gaps: a Poisson process, drawn from the world's seeded RNG.
    traffic.nextArrivalAt = at + -Math.log(1 - nextFloat(world.rng)) * meanGap;
  }
}

function serve(world: World, tg: TargetGroup | undefined, at: Millis): void {
  const traffic = world.traffic;
  const target = tg ? pick(world, tg, at) : null;
  let status: number;
  let latency = 0;
  if (!target || !tg) status = 503;
  else {
    const answer = answerOf(world, target, tg);
    status = answer === null ? 502 : answer === 'timeout' ? 504 : answer;
    latency = answer === null ? 1 : answer === 'timeout' ? IDLE_TIMEOUT : LATENCY_MIN + nextFloat(world.rng) * LATENCY_SPREAD;
    const perTask = trafficOf(world, target.taskArn);
    // Served: answered by the app (200 or 500); a hung app or nothing listening serves nothing.
    if (answer === 200 || answer === 500) perTask.served++;
    if (answer !== null) {
      dropFinished(perTask, at);
      perTask.inFlight.push(at + latency);
    }
  }
  record(world, at, status, latency);
  traffic.sample.push({ at, target: target?.taskArn ?? null, status });
  if (traffic.sample.length > TRAFFIC_SAMPLE) traffic.sample.shift();
}

export function trafficOf(world: World, taskArn: string): TargetTraffic {
  let t = world.traffic.perTask.get(taskArn);
  if (!t) {
    t = { served: 0, inFlight: [] };
    world.traffic.perTask.set(taskArn, t);
  }
  return t;
}

function record(world: World, at: Millis, status: number, latency: number): void {
  const traffic = world.traffic;
  const second = Math.floor(at / SECOND);
  let bucket = traffic.seconds[traffic.seconds.length - 1];
  if (!bucket || bucket.second !== second) {
    bucket = newSecond(second);
    traffic.seconds.push(bucket);
    if (traffic.seconds.length > TRAFFIC_WINDOW) traffic.seconds.shift();
  }
  bucket.requests++;
  traffic.total.requests++;
  if (status === 200) {
    bucket.ok++;
    bucket.latencyMs += latency;
    traffic.total.ok++;
  } else {
    bucket.status5xx[String(status) as ErrorStatus]++;
    traffic.total.failed++;
  }
}

// Memos of derived facts, keyed by the (immutable) objects they derive from: a task or target
// group is replaced whenever it changes, so an entry can never be stale. They only save work.
const answers = new WeakMap<object, AppAnswer>();
const routable = new WeakMap<object, { healthy: Target[]; unhealthy: Target[] }>();

function answerOf(world: World, target: Target, tg: TargetGroup): AppAnswer {
  const task = world.tasks.get(target.taskArn);
  if (!task) return null;
  let answer = answers.get(task);
  if (answer === undefined) {
    answer = appAnswer(world, target, containerFor(world, target, tg));
    answers.set(task, answer);
  }
  return answer;
}

/** The target for a request arriving at `at`, or null when nothing can take it (→ 503). */
function pick(world: World, tg: TargetGroup, at: Millis): Target | null {
  const cursor = world.traffic.cursors.get(tg.targetGroupArn) ?? 0;
  const choice = chooseTarget(tg, cursor, (taskArn) => outstanding(world, taskArn, at));
  if (choice && tg.algorithm === 'round_robin') world.traffic.cursors.set(tg.targetGroupArn, (cursor + 1) % 1_000_000);
  return choice;
}

/**
 * The ALB's routing rule, pure (spec §6.6, §6.7): healthy targets if there are any; otherwise,
 * failing open, the unhealthy ones; never an initial, draining or unused target.
 */
export function chooseTarget(tg: Pick<TargetGroup, 'targets' | 'algorithm'>, cursor: number, load: (taskArn: string) => number): Target | null {
  let lists = routable.get(tg.targets);
  if (!lists) {
    lists = { healthy: [], unhealthy: [] };
    // Map order is registration order, which is deterministic (and survives a snapshot).
    for (const t of tg.targets.values()) {
      if (t.state === 'healthy') lists.healthy.push(t);
      else if (t.state === 'unhealthy') lists.unhealthy.push(t);
    }
    routable.set(tg.targets, lists);
  }
  const candidates = lists.healthy.length > 0 ? lists.healthy : lists.unhealthy;
  if (candidates.length === 0) return null;
  if (tg.algorithm === 'least_outstanding_requests') {
    let best = candidates[0]!;
    let bestLoad = load(best.taskArn);
    for (const c of candidates) {
      const l = load(c.taskArn);
      if (l < bestLoad) {
        best = c;
        bestLoad = l;
      }
    }
    return best;
  }
  return candidates[cursor % candidates.length]!;
}

/** Requests still in flight on the task at `at`. */
function outstanding(world: World, taskArn: string, at: Millis): number {
  const t = world.traffic.perTask.get(taskArn);
  if (!t) return 0;
  dropFinished(t, at);
  return t.inFlight.length;
}

/** Forget the requests that finished by `at` (a new list only when the oldest has finished). */
function dropFinished(t: TargetTraffic, at: Millis): void {
  if (t.inFlight.length > 0 && t.inFlight[0]! <= at) t.inFlight = t.inFlight.filter((done) => done > at);
}

/**
 * The task's app just went away (its container exited): requests still in flight on it are cut
 * off and the client sees 502 (spec §6.7). They were counted as 200 when they arrived; move them.
 */
export function cutOffRequests(world: World, taskArn: string, hung: boolean): void {
  const t = world.traffic.perTask.get(taskArn);
  if (!t) return;
  const now = world.now;
  const cut = t.inFlight.filter((done) => done > now).length;
  t.inFlight = [];
  // A hung app's requests were already counted as the 504s they end in.
  if (cut === 0 || hung) return;
  const bucket = world.traffic.seconds[world.traffic.seconds.length - 1];
  if (bucket) {
    const moved = Math.min(cut, bucket.ok);
    bucket.ok -= moved;
    bucket.status5xx['502'] += moved;
  }
  world.traffic.total.ok -= cut;
  world.traffic.total.failed += cut;
}

/** Turn traffic on, off, or to a new rate. */
export function setTraffic(world: World, loadBalancerArn: string | null, ratePerSecond: number): void {
  const traffic = world.traffic;
  if (traffic.ratePerSecond <= 0 || traffic.nextArrivalAt < world.now) traffic.nextArrivalAt = world.now;
  traffic.loadBalancerArn = loadBalancerArn;
  traffic.ratePerSecond = ratePerSecond;
}
