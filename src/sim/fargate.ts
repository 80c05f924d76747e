// Valid Fargate task sizes (Linux), spec §2.4: task cpu in units → the memory values (MiB) it allows.



const range = (from: number, to: number, step: number) =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)], // platform 1.4.0+
  [16384, range(32768, 122880, 8192)], // platform 1.4.0+
]);

export const isValidFargateSize = (cpu: number, memory: number) =>
  FARGATE_SIZES.get(cpu)?.includes(memory) ?? false;

/** Task cpu as AWS accepts it: "256" units, or "0.25 vCPU" / "1 vCPU". NaN when unreadable. */
export function parseCpu(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const v = value.trim();
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpu$/i.exec(v);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  return /^\d+$/.test(v) ? Number(v) : NaN;
}

/** Task memory as AWS accepts it: "512" MiB, or "1 GB" / "0.5GB". NaN when unreadable. */
export function parseMemory(value: unknown): number {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value !== 'string') return NaN;
  const v = value.trim();
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(v);
  if (gb) return Math.round(Number(gb[1]) * 1024);
  return /^\d+$/.test(v) ? Number(v) : NaN;
}

export function describeAllowedMemory(cpu: number): string {
  const allowed = FARGATE_SIZES.get(cpu);
  if (!allowed) return `Task cpu must be one of ${[...FARGATE_SIZES.keys()].join(', ')} units.`;
  const list = allowed.length <= 4 ? allowed.join(', ') : `${allowed[0]} to ${allowed[allowed.length - 1]} in steps of ${allowed[1]! - allowed[0]!}`;
  return `With cpu ${cpu}, memory must be ${list} (MiB).`;
}
