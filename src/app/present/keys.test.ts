import { describe, expect, it } from 'vitest';
import { focusKind, NO_LESSON_BACK, presenterKey, type KeyInput } from './keys.ts';

const base: KeyInput = { key: 'x', modifier: false, repeat: false, focus: 'page', mode: 'present', dialog: false, selection: false, lesson: false };
const key = (k: string, over: Partial<KeyInput> = {}) => presenterKey({ ...base, key: k, ...over });

describe('presenterKey: switching presenter mode', () => {
  it('P enters from the full page and leaves presenter mode; Escape leaves it too', () => {
    expect(key('p', { mode: 'full' })).toEqual({ kind: 'enter' });
    expect(key('P', { mode: 'full' })).toEqual({ kind: 'enter' });
    expect(key('p')).toEqual({ kind: 'leave' });
    expect(key('Escape')).toEqual({ kind: 'leave' });
  });

  it('Escape clears a selection first (the page has it), and means nothing on the full page', () => {
    expect(key('Escape', { selection: true })).toBeNull();
    expect(key('Escape', { mode: 'full' })).toBeNull();
  });

  it('an embedded figure has no presenter mode: P and every presenter key do nothing there', () => {
    for (const k of ['p', 'P', 'Escape', 'PageDown', 'ArrowRight', 'w', 'W']) expect(key(k, { mode: 'embed' })).toBeNull();
  });
});

describe("presenterKey: the room's answer", () => {
  it('1–9 answer a lesson\'s question (0-based), once per press, and mean nothing without a lesson or outside presenter mode', () => {
    expect(key('1', { lesson: true })).toEqual({ kind: 'answer', choice: 0 });
    expect(key('3', { lesson: true, focus: 'radio' })).toEqual({ kind: 'answer', choice: 2 });
    expect(key('2', { lesson: true, repeat: true })).toEqual({ kind: 'swallow' });
    expect(key('0', { lesson: true })).toBeNull();
    expect(key('1')).toBeNull();
    expect(key('1', { lesson: true, mode: 'full' })).toBeNull();
    expect(key('1', { lesson: true, focus: 'text' })).toBeNull();
  });
});

describe('presenterKey: the clicker', () => {
  it('PageDown, → and ↓ step a lesson on; PageUp, ← and ↑ back', () => {
    for (const k of ['PageDown', 'ArrowRight', 'ArrowDown']) expect(key(k, { lesson: true })).toEqual({ kind: 'next' });
    for (const k of ['PageUp', 'ArrowLeft', 'ArrowUp']) expect(key(k, { lesson: true })).toEqual({ kind: 'back' });
  });

  it('with no lesson open, forward steps the clock and back says why it cannot', () => {
    expect(key('PageDown')).toEqual({ kind: 'step' });
    expect(key('ArrowRight')).toEqual({ kind: 'step' });
    expect(key('PageUp')).toEqual({ kind: 'say', text: NO_LESSON_BACK });
  });

  it('leaves the arrows to a control that uses them: the timeline, a radio group, tabs, the diagram, a select, a text field', () => {
    for (const focus of ['range', 'radio', 'tab', 'diagram', 'select', 'text'] as const) {
      for (const k of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) expect(key(k, { focus, lesson: true })).toBeNull();
    }
  });

  it('leaves PageUp / PageDown to the timeline, a select and a text field, but not to a radio group or a node', () => {
    for (const focus of ['range', 'select', 'text'] as const) expect(key('PageDown', { focus, lesson: true })).toBeNull();
    for (const focus of ['radio', 'diagram', 'tab', 'control', 'page'] as const) expect(key('PageDown', { focus, lesson: true })).toEqual({ kind: 'next' });
  });

  it('on a button the arrows are the clicker’s (a button has no use for them)', () => {
    expect(key('ArrowRight', { focus: 'control', lesson: true })).toEqual({ kind: 'next' });
  });

  it('a held key does not race through the steps: its repeats are swallowed', () => {
    expect(key('PageDown', { repeat: true, lesson: true })).toEqual({ kind: 'swallow' });
    expect(key('w', { repeat: true })).toEqual({ kind: 'swallow' });
    expect(key('p', { repeat: true })).toEqual({ kind: 'swallow' });
  });

  it('is not presenter mode’s on the full page: the arrows and pages keep their usual meaning', () => {
    for (const k of ['PageDown', 'PageUp', 'ArrowRight', 'w']) expect(key(k, { mode: 'full', lesson: true })).toBeNull();
  });
});

describe('presenterKey: whack-a-task and what is never ours', () => {
  it('W whacks, wherever focus is but in a text field or a select', () => {
    for (const focus of ['page', 'control', 'diagram', 'range', 'radio', 'tab'] as const) expect(key('w', { focus })).toEqual({ kind: 'whack' });
    expect(key('W', { focus: 'text' })).toBeNull();
    expect(key('W', { focus: 'select' })).toBeNull();
  });

  it('a dialog keeps its keys, and Ctrl / Meta / Alt combinations are the browser’s', () => {
    for (const k of ['p', 'Escape', 'PageDown', 'w']) {
      expect(key(k, { dialog: true, lesson: true })).toBeNull();
      expect(key(k, { modifier: true, lesson: true })).toBeNull();
    }
  });

  it('other keys pass through to the page’s shortcuts (R resets, Space plays, S stops)', () => {
    for (const k of ['r', 'R', ' ', 's', 'Enter', 'Tab', '?', 'constructor', '__proto__']) expect(key(k, { lesson: true })).toBeNull();
  });
});

describe('focusKind', () => {
  /** An element as far as focusKind asks: which selector it would match with closest(). */
  const el = (matches: (selector: string) => boolean) => ({ closest: (s: string) => (matches(s) ? {} : null) }) as unknown as Element;
  it('names what the focused element does with keys', () => {
    expect(focusKind(null)).toBe('page');
    expect(focusKind(el((s) => s.includes('input[type="range"]')))).toBe('range');
    expect(focusKind(el((s) => s.includes('input[type="radio"]')))).toBe('radio');
    expect(focusKind(el((s) => s.includes('textarea')))).toBe('text');
    expect(focusKind(el((s) => s === 'select'))).toBe('select');
    expect(focusKind(el((s) => s.includes('[role="tab"]')))).toBe('tab');
    expect(focusKind(el((s) => s === '.react-flow'))).toBe('diagram');
    expect(focusKind(el((s) => s.includes('button')))).toBe('control');
    expect(focusKind(el(() => false))).toBe('page');
  });
});
