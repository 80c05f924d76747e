// A small seeded PRNG (sfc32, from PractRand) whose whole state is four 32-bit integers kept in
// the world, so a snapshot carries it and a restored world draws the same numbers.

import type { RngState } from './model/index.ts';

/** Spread a 32-bit seed over four words (splitmix32), then discard the first draws. */
export function seedRng(seed: number): RngState {
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advance the state in place and return the next unsigned 32-bit integer. */
export function nextUint32(s: RngState): number {
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = s[1] ^ (s[1] >>> 9);
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/** A float in [0, 1). */
export function nextFloat(s: RngState): number {
  return nextUint32(s) / 4294967296;
}

/** An integer in [0, n). */
export function nextInt(s: RngState, n: number): number {
  return Math.floor(nextFloat(s) * n);
}

export function hex(s: RngState, length: number): string {
  let out = '';
  while (out.length < length) out += nextUint32(s).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

export function digits(s: RngState, length: number): string {
  let out = String(1 + nextInt(s, 9)); // no leading zero
  while (out.length < length) out += String(nextInt(s, 10));
  return out;
}
