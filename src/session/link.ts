// A share link carries the whole session record in the URL's fragment (`#s=…`); the autosave
// keeps the same encoding:
//
//   "1" + base64url(zlib(UTF-8 JSON of the record))
//
// The first character is the link format, so a later format (a preset dictionary, a binary log)
// can change everything after it and an old page still says "made by a newer version". zlib
// (deflate with an Adler-32 trailer) rather than raw deflate: the 6 bytes buy a checksum, so a
// link damaged in copying is told apart from a link cut short, and never half-decodes into a
// different session. fflate was chosen over lz-string because deflate packs this JSON smaller,
// and because its streaming inflater lets us stop at a size cap: lz-string's decoder has no
// bound, and a 100,000-character link of it can unpack to hundreds of MB.
//
// Links are untrusted input: decodeSession never throws, and every failure has its own message
// for the person who clicked the link.
//
// The page imports this module (and fflate with it) only dynamically, when a link or a saved
// session first needs it: it is not part of the first screen's JavaScript (issue #3's budget).

import { Inflate, zlibSync } from 'fflate';
import { NEWER_VERSION, type SessionRecord } from './record.ts';
import { parseSessionRecord } from './recordParse.ts';

export const LINK_FORMAT = '1';
/** Longer than any browser keeps in a URL bar comfortably; longer input is refused unread. */
export const MAX_LINK_LENGTH = 100_000;
/** A session at its 5,000-command limit is well under this; a zip bomb stops here. */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024;
/** Inflate this much at a time, so output past the cap is never more than one step's worth
 *  (deflate expands at most ~1,032×, so ~1 MB). */
const INFLATE_STEP = 1024;

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

const MESSAGES = {
  empty: 'The link has no session in it: the part after "s=" is empty. Copy the whole link again.',
  tooLong: (n: number, max: number) => `The link is ${n.toLocaleString('en-US')} characters long; a session link is at most ${max.toLocaleString('en-US')}, so it was not opened.`,
  newer: (format: string) => `${NEWER_VERSION} (link format ${format}); this page reads format ${LINK_FORMAT}.`,
  notOurs: 'This is not an ECS Playground session link: it does not start as one does. Check that you copied the right link.',
  badCharacter: (c: string, at: number) => `The link has a character that cannot be in a session link (${JSON.stringify(c)} at position ${at + 1}). It may have been changed in copying: copy the whole link again.`,
  truncated: 'The link is cut short: its end is missing. Copy the whole link again, or ask for a new one.',
  damaged: 'The link is damaged: part of it was changed in copying, so its checksum does not match. Copy the whole link again, or ask for a new one.',
  tooBig: `The link unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, more than any session holds, so it was not opened.`,
  notJson: 'The link unpacked, but what is inside is not a session (it is not JSON text). It was not made by ECS Playground.',
  invalid: (error: string) => `The link's session is not valid: ${error}`,
};

export function encodeSession(record: SessionRecord): string {
  // Spelled out field by field: anything else the caller's object holds stays out of the link
  // (a decoder refuses unknown fields).
  const { version, scenario, seed, playhead, end, speed, log } = record;
  const json = JSON.stringify({ version, scenario, seed, playhead, end, speed, log: log.map(({ at, command }) => ({ at, command })) });
  return LINK_FORMAT + toBase64Url(zlibSync(new TextEncoder().encode(json), { level: 9 }));
}

/** `maxLength`: a link's limit by default; the autosave, which no URL carries, allows more. */
export function decodeSession(text: string, maxLength = MAX_LINK_LENGTH): Result<SessionRecord> {
  if (typeof text !== 'string') return { ok: false, error: MESSAGES.empty };
  const link = text.trim();
  if (link === '') return { ok: false, error: MESSAGES.empty };
  if (link.length > maxLength) return { ok: false, error: MESSAGES.tooLong(link.length, maxLength) };
  const format = link[0]!;
  if (format !== LINK_FORMAT) return { ok: false, error: /[2-9]/.test(format) ? MESSAGES.newer(format) : MESSAGES.notOurs };

  const bytes = fromBase64Url(link.slice(1));
  if (typeof bytes === 'number') {
    const at = bytes + 1;
    return { ok: false, error: MESSAGES.badCharacter(String.fromCodePoint(link.codePointAt(at)!), at) };
  }
  if (bytes === null) return { ok: false, error: MESSAGES.truncated };
  const unpacked = unzlibCapped(bytes);
  if (typeof unpacked === 'string') return { ok: false, error: MESSAGES[unpacked] };

  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked));
  } catch {
    return { ok: false, error: MESSAGES.notJson };
  }
  const parsed = parseSessionRecord(raw);
  if (parsed.ok || parsed.error.startsWith(NEWER_VERSION)) return parsed;
  return { ok: false, error: MESSAGES.invalid(parsed.error) };
}

// ---- zlib with a cap ----------------------------------------------------------------------------

/** RFC 1950: a 2-byte header (deflate, no preset dictionary), deflate data, Adler-32 of the output. */
function unzlibCapped(data: Uint8Array): Uint8Array | 'truncated' | 'damaged' | 'tooBig' {
  if (data.length < 7) return 'truncated';
  const cmf = data[0]!, flg = data[1]!;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return 'damaged';
  const body = data.subarray(2, -4);

  const parts: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= MAX_UNPACKED_BYTES) parts.push(chunk);
  });
  try {
    for (let i = 0; i < body.length && size <= MAX_UNPACKED_BYTES; i += INFLATE_STEP)
      inflate.push(body.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= body.length);
  } catch (e) {
    // fflate's error code 0 is "unexpected EOF": the data stops before the deflate stream does.
    return (e as { code?: unknown }).code === 0 ? 'truncated' : 'damaged';
  }
  if (size > MAX_UNPACKED_BYTES) return 'tooBig';

  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  const expected = ((data[data.length - 4]! << 24) | (data[data.length - 3]! << 16) | (data[data.length - 2]! << 8) | data[data.length - 1]!) >>> 0;
  return adler32(out) === expected ? out : 'damaged';
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be summed before b could pass 2^32 (RFC 1950's NMAX).
  for (let i = 0; i < data.length; ) {
    const stop = Math.min(i + 5552, data.length);
    for (; i < stop; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// ---- base64url (RFC 4648 §5, no padding) --------------------------------------------------------
// Written out rather than via atob/btoa, which accept padding and whitespace and need a binary
// string: this decoder is strict and says where a bad character is.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '') + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '');
  }
  return out;
}

/** The bytes; or the index of the first character outside the alphabet; or null when the length
 *  cannot be base64 (one character past a whole group: the text was cut). */
export function fromBase64Url(text: string): Uint8Array | number | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUE[c]! < 0) return i;
  }
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (VALUE[text.charCodeAt(i)]! << 18) | (VALUE[text.charCodeAt(i + 1)]! << 12) | ((VALUE[text.charCodeAt(i + 2)] ?? 0) << 6) | (VALUE[text.charCodeAt(i + 3)] ?? 0);
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
