// Session benchmark (issue #8's budgets), printed by npm run bench: a one-hour session of the
// 200-task world with a command every 10 s; 100 seeks to random moments (goal: median and worst
// ≤ 50 ms); the memory its checkpoints hold (goal ≤ 20 MB); encoding and decoding a 200-command
// link (goal < 5 ms each); and what opening the whole hour from a link costs the one who opens it.

import { decodeSession, encodeSession } from '../src/session/link.ts';
import { CHECKPOINT_EVERY, Session } from '../src/session/session.ts';
import type { ScriptCommand } from '../src/sim/index.ts';
import { HOUR, SECOND } from '../src/sim/index.ts';
import { sampleCounts } from '../src/store/paneStore.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const SERVICES = ['web', 'api', 'cart', 'search'];

/** What a busy learner does every 10 s: stop a task, crash one, scale a service up and down. */
function userCommand(i: number): ScriptCommand {
  const service = SERVICES[i % SERVICES.length]!;
  switch (i % 4) {
    case 0:
      return { type: 'stopTask', task: { service, pick: 'random' } };
    case 1:
      return { type: 'crashContainer', task: { service, pick: 'random' }, exitCode: 1 };
    case 2:
      return { type: 'updateService', service, desiredCount: 55 };
    default:
      return { type: 'updateService', service, desiredCount: 50 };
  }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, worst: s.at(-1)! };
};
const ms = (n: number) => `${n.toFixed(2)} ms`;

export function measureSessions(): void {
  console.log(`Sessions: the busy world (200 tasks, a task killed every 15 s), one hour, a command every 10 s; checkpoints every ${CHECKPOINT_EVERY / SECOND} s`);
  const before = heapMb();
  const session = new Session({ scenario: 'busy', seed: 1, sample: sampleCounts, recentLimit: 400 });
  const t0 = performance.now();
  let commands = 0;
  for (let t = 100; t <= HOUR; t += 100) {
    session.advanceTo(t); // 100 ms frames, as playback advances
    if (t % (10 * SECOND) === 0) commands += session.dispatch(userCommand(t / (10 * SECOND))).outcome.ok ? 1 : 0;
  }
  const recordMs = performance.now() - t0;
  // 100 seeks to moments drawn from a fixed sequence (the same every run).
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 10; i++) session.seek(Math.floor(next() * HOUR)); // warm up
  const seeks: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = Math.floor(next() * HOUR);
    const s = performance.now();
    session.seek(t);
    seeks.push(performance.now() - s);
  }
  const seek = stats(seeks);
  console.log(`  100 random seeks: median ${ms(seek.median)}, worst ${ms(seek.worst)} (goal ≤ 50 ms each)`);

  // What the checkpoints hold: the heap with them, less the heap once they are let go.
  const withCheckpoints = heapMb();
  const checkpoints = (session as unknown as { branch: { checkpoints: unknown[] } }).branch.checkpoints;
  const count = checkpoints.length;
  checkpoints.length = 0;
  const without = heapMb();
  console.log(`  recorded 1 h in ${recordMs.toFixed(0)} ms wall with ${commands} commands; ${count} checkpoints hold ${(withCheckpoints - without).toFixed(1)} MB (goal ≤ 20 MB); the session in all ${(withCheckpoints - before).toFixed(1)} MB`);

  const record = session.toRecord(8);
  const link200 = { ...record, log: record.log.slice(0, 200), end: record.log[199]!.at, playhead: record.log[199]!.at };
  for (let i = 0; i < 20; i++) decodeSession(encodeSession(link200)); // warm up
  const enc: number[] = [];
  const dec: number[] = [];
  let encoded = '';
  for (let i = 0; i < 100; i++) {
    let s = performance.now();
    encoded = encodeSession(link200);
    enc.push(performance.now() - s);
    s = performance.now();
    decodeSession(encoded);
    dec.push(performance.now() - s);
  }
  const e = stats(enc);
  const d = stats(dec);
  console.log(`  a 200-command link: ${encoded.length.toLocaleString('en')} characters; encode median ${ms(e.median)}, worst ${ms(e.worst)}; decode median ${ms(d.median)}, worst ${ms(d.worst)} (goal < 5 ms each)`);

  const whole = encodeSession(record);
  const o = performance.now();
  const decoded = decodeSession(whole);
  const opened = decoded.ok ? Session.open(decoded.value) : { ok: false as const, error: decoded.error };
  console.log(`  opening the whole hour from its link (${whole.length.toLocaleString('en')} characters, ${record.log.length} commands): ${(performance.now() - o).toFixed(0)} ms${opened.ok ? '' : ` — FAILED: ${opened.error}`}`);
}
