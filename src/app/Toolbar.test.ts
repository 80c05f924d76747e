import { describe, expect, it } from 'vitest';
import { compression } from './Toolbar.tsx';

describe('compression', () => {
  it('says how long a minute of ECS takes at each speed', () => {
    expect(compression(1)).toBe('real ECS time');
    expect(compression(16)).toBe('1 min of ECS takes 3.8 s');
    expect(compression(64)).toBe('1 min of ECS takes 0.9 s');
    expect(compression(2)).toBe('1 min of ECS takes 30 s');
    expect(compression(0.25)).toBe('1 min of ECS takes 4 min');
  });
});
