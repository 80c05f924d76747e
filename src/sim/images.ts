// The image registry, reduced to what a learner meets: a tag points at a digest, and pushing the
// tag again points it at a new one. ECS resolves a tag to its digest when a deployment starts (or
// when RunTask launches a task), and every task of that deployment runs that digest — so a push
// changes nothing that is running, and nothing new either until a new deployment
// (forceNewDeployment) resolves the tag again (API:ContainerImage, spec §2.5).
//
// Digests are derived from the image and its push count by a small hash, not drawn from the RNG:
// resolving an image never shifts the random sequence the rest of the world depends on.

import type { ImageRecord, Millis, World } from './model/index.ts';

const DIGEST_IN_REF = /@(sha256:[0-9a-f]{64})$/;

/** 64 hex digits from a string (FNV-1a, eight lanes): stable, well spread, not cryptographic. */
function hash64(text: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const digestOf = (image: string, pushes: number) => `sha256:${hash64(`${image}#${pushes}`)}`;

/** What the image points at now. An image named by digest (repo@sha256:…) is that digest, for
 *  good: pinning by digest is how you make a push change nothing by design. */
export function currentImage(world: World, image: string): ImageRecord {
  const known = world.images.get(image);
  if (known) return known;
  const pinned = DIGEST_IN_REF.exec(image)?.[1];
  return { image, digest: pinned ?? digestOf(image, 0), pushes: 0, pushedAt: 0 };
}

/** Resolve a tag to its digest (and remember it, so the registry shows what has been used). */
export function resolveImage(world: World, image: string): string {
  const record = currentImage(world, image);
  if (!world.images.has(image)) world.images.set(image, record);
  return record.digest;
}

export const isPinned = (image: string) => DIGEST_IN_REF.test(image);

/** Why the image can't be pushed to, or null: a digest names one build for good. */
export const pushImageProblem = (image: string): string | null =>
  isPinned(image) ? `${image} names a digest, and a digest never changes: push to a tag instead.` : null;

/** A new build pushed to the tag: it points at a new digest from now on. */
export function pushImage(world: World, image: string, now: Millis): ImageRecord {
  const pushes = currentImage(world, image).pushes + 1;
  const record: ImageRecord = { image, digest: digestOf(image, pushes), pushes, pushedAt: now };
  world.images.set(image, record);
  return record;
}

/** The short form the console shows: sha256: and the first 12 hex digits. */
export const shortDigest = (digest: string) => digest.slice(0, 19);
