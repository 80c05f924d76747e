import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import type { ScriptCommand } from '../sim/index.ts';
import { decodeSession, encodeSession, fromBase64Url, MAX_LINK_LENGTH, toBase64Url } from './link.ts';
import { MAX_LOG_ENTRIES, type LogEntry, type SessionRecord } from './record.ts';

/** A task ARN with a random-looking ID: the least compressible thing a log holds. */
function taskArn(i: number): string {
  let x = (i + 1) * 2654435761;
  let hex = '';
  for (let k = 0; k < 32; k++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    hex += (x >> 16).toString(16).slice(-1);
  }
  return `arn:aws:ecs:us-east-1:123456789012:task/default/${hex}`;
}

/** What a person does in a session: stop tasks, scale, inject faults, change traffic, run jobs. */
function realisticCommand(i: number): ScriptCommand {
  switch (i % 5) {
    case 0:
      return { type: 'stopTask', task: taskArn(i), reason: 'Stopped from the playground' };
    case 1:
      return { type: 'updateService', service: 'web', desiredCount: 2 + (i % 4) };
    case 2:
      return { type: 'crashContainer', task: taskArn(i), container: 'web', exitCode: 1 };
    case 3:
      return { type: 'setTraffic', loadBalancer: 'web-alb', ratePerSecond: 20 + i };
    default:
      return { type: 'runTask', taskDefinition: 'report', count: 1 };
  }
}

function realisticSession(commands: number): SessionRecord {
  const log: LogEntry[] = Array.from({ length: commands }, (_, i) => ({ at: 5_000 + i * 17_321, command: realisticCommand(i) }));
  const end = 5_000 + commands * 17_321 + 60_000;
  return { version: 3, scenario: 'default', seed: 3_141_592_653, log, playhead: end - 30_000, end, speed: 4 };
}

/** A link holding any JSON text, made the way encodeSession makes one. */
const linkOf = (json: string) => '1' + toBase64Url(zlibSync(new TextEncoder().encode(json)));

describe('encodeSession and decodeSession', () => {
  it('round-trips a realistic session', () => {
    const record = realisticSession(20);
    expect(decodeSession(encodeSession(record))).toEqual({ ok: true, value: record });
  });

  it('fits a 20-command session in under 2,000 characters, URL-safe', () => {
    const link = encodeSession(realisticSession(20));
    console.log(`20-command link: ${link.length} characters; 200 commands: ${encodeSession(realisticSession(200)).length}`);
    expect(link.length).toBeLessThan(2_000);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('leaves out anything else the caller’s object holds', () => {
    const record = { ...realisticSession(2), markers: ['not part of the link'] };
    expect(decodeSession(encodeSession(record))).toEqual({ ok: true, value: realisticSession(2) });
  });

  it('accepts surrounding whitespace from a copy and paste', () => {
    const record = realisticSession(3);
    expect(decodeSession(`  ${encodeSession(record)}\n`)).toEqual({ ok: true, value: record });
  });
});

describe('a bad link says what is wrong', () => {
  const good = encodeSession(realisticSession(20));
  const error = (text: string) => {
    const result = decodeSession(text);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error;
  };

  it.each([
    ['empty', '', /no session in it/],
    ['only whitespace', '   ', /no session in it/],
    ['too long', '1' + 'A'.repeat(MAX_LINK_LENGTH), /100,001 characters long; a session link is at most 100,000/],
    ['from a newer link format', '2' + good.slice(1), /newer version of ECS Playground \(link format 2\); this page reads format 1/],
    ['not ours at all', 'hello-world', /not an ECS Playground session link/],
    ['a character outside base64url', good.slice(0, 40) + '+' + good.slice(41), /"\+" at position 41/],
    ['percent-encoded', good.slice(0, 40) + '%20' + good.slice(40), /"%" at position 41/],
    ['cut one character past a group', good.slice(0, 1 + 4 * 100 + 1), /cut short/],
    ['cut in the middle', good.slice(0, Math.floor(good.length / 2)), /cut short/],
    ['cut to a few bytes', good.slice(0, 6), /cut short/],
    ['a changed character', good.slice(0, 300) + (good[300] === 'A' ? 'B' : 'A') + good.slice(301), /damaged/],
    ['characters added in the middle', good.slice(0, 300) + 'AAAA' + good.slice(300), /damaged/],
    ['characters added at the end', good + 'AAAA', /damaged/],
    ['not zlib', '1' + toBase64Url(new TextEncoder().encode('{"version":1} is not compressed')), /damaged/],
  ])('%s', (_name, text, message) => {
    expect(error(text)).toMatch(message);
  });

  it('a surrogate pair is quoted whole', () => {
    expect(error(good.slice(0, 10) + '😀' + good.slice(10))).toMatch(/"😀" at position 11/);
  });

  it('text inside that is not JSON', () => {
    expect(error(linkOf('{"version": 1,'))).toMatch(/not a session \(it is not JSON text\)/);
  });

  it('bytes inside that are not UTF-8', () => {
    expect(error('1' + toBase64Url(zlibSync(new Uint8Array([0x22, 0xff, 0xfe, 0x22]))))).toMatch(/not JSON text/);
  });

  it('a session from a newer format, word for word', () => {
    expect(error(linkOf(JSON.stringify({ ...realisticSession(1), version: 4, branches: [] })))).toBe(
      'This link was made by a newer version of ECS Playground (session format 4); this page reads format 3.',
    );
  });

  it('an invalid session, with where', () => {
    const record = realisticSession(5);
    const json = JSON.stringify({ ...record, log: record.log.map((e, i) => (i === 3 ? { ...e, command: { type: 'stopTask' } } : e)) });
    expect(error(linkOf(json))).toBe('The link\'s session is not valid: log[3]: stopTask needs "task"');
  });

  it('a zip bomb is refused at the cap', () => {
    // 8 MB of spaces packs into 8 KB (deflate's best is ~1,000:1); the cap is 2 MB.
    const bomb = linkOf(' '.repeat(8 * 1024 * 1024));
    expect(error(bomb)).toBe('The link unpacks to more than 2 MB, more than any session holds, so it was not opened.');
  });

  it('a session at the command limit unpacks under the cap', () => {
    // Too long for a URL, but the unpacking cap must not be what refuses it.
    expect(JSON.stringify(realisticSession(MAX_LOG_ENTRIES)).length).toBeLessThan(2 * 1024 * 1024);
  });

  it.each([
    ['__proto__ as the scenario', { scenario: '__proto__' }, /"scenario" must be one of default,.* not "__proto__"/],
    ['constructor as the scenario', { scenario: 'constructor' }, /not "constructor"/],
  ])('%s', (_name, change, message) => {
    expect(error(linkOf(JSON.stringify({ ...realisticSession(1), ...change })))).toMatch(message);
  });

  it.each(['__proto__', 'constructor', 'toString'])('a "%s" key in the JSON is an unknown field', (key) => {
    const json = JSON.stringify(realisticSession(1)).replace('{', `{"${key}":{"version":2},`);
    expect(error(linkOf(json))).toMatch(new RegExp(`the session has an unknown field "${key}"`));
    const inCommand = JSON.stringify(realisticSession(1)).replace('{"type"', `{"${key}":{},"type"`);
    expect(error(linkOf(inCommand))).toMatch(new RegExp(`log\\[0\\]: stopTask has an unknown field "${key}"`));
  });
});

describe('base64url', () => {
  it.each([[[]], [[0]], [[255, 254]], [[1, 2, 3]], [[0, 16, 131, 16, 81, 135, 32]]])('round-trips %j', (bytes) => {
    const text = toBase64Url(new Uint8Array(bytes));
    expect(text).not.toMatch(/[=+/]/);
    expect(Array.from(fromBase64Url(text) as Uint8Array)).toEqual(bytes);
  });

  it('matches the standard encoding', () => {
    const bytes = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const standard = Buffer.from(bytes).toString('base64url');
    expect(toBase64Url(bytes)).toBe(standard);
  });
});
