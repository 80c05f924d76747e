import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, layoutDiagram, PRESENT_SIZES, SIZES, sizesFor, type Box, type Layout, type LayoutInput, type LayoutMemory } from './layout.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
type T = LayoutInput['tasks'][number];
const input = (tasks: T[], services = ['web']): LayoutInput => ({ availabilityZones: AZS, taskDefinitions: ['td-web', 'td-report'], services, tasks });
const task = (id: string, az: string, band = 'service:web'): T => ({ id, az, band });

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

function checkGeometry(layout: Layout, tasks: readonly T[]) {
  const boxes = tasks.map((t) => layout.tasks.get(t.id)!);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${tasks[i]!.id} overlaps ${tasks[j]!.id}`).toBe(false);
  }
  tasks.forEach((t, i) => expect(inside(boxes[i]!, layout.zones.get(t.az)!), `${t.id} inside ${t.az}`).toBe(true));
  for (const zone of layout.zones.values()) expect(inside(zone, layout.cluster)).toBe(true);
  // Cards sit outside the cluster and never overlap each other.
  const cards = [...layout.taskDefinitions.values(), ...layout.services.values()];
  for (const c of cards) expect(overlaps(c, layout.cluster)).toBe(false);
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i]!, cards[j]!)).toBe(false);
}

describe('layoutDiagram', () => {
  it('puts each task in its own AZ, service tasks above standalone ones', () => {
    const tasks = [task('r', 'us-east-1a', 'family:report'), task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c')];
    const layout = layoutDiagram(input(tasks), EMPTY_MEMORY, 'wide');
    checkGeometry(layout, tasks);
    expect(layout.memory.bands).toEqual(['service:web', 'family:report']);
    expect(layout.tasks.get('a')!.y).toBeLessThan(layout.tasks.get('r')!.y);
    // Wide: the AZs sit side by side, in order.
    expect(layout.zones.get('us-east-1a')!.x).toBeLessThan(layout.zones.get('us-east-1b')!.x);
    expect(layout.zones.get('us-east-1b')!.y).toBe(layout.zones.get('us-east-1a')!.y);
  });

  it('draws the clients and the load balancer as a column over the cluster\'s left end, leaving the top-right corner clear for the Recently stopped chip', () => {
    const tasks = [task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c')];
    const layout = layoutDiagram({ ...input(tasks), loadBalancers: ['alb'] }, EMPTY_MEMORY, 'wide');
    checkGeometry(layout, tasks);
    const clients = layout.clients!;
    const alb = layout.loadBalancers.get('alb')!;
    expect(alb.x).toBe(clients.x);
    expect(alb.y).toBeGreaterThan(clients.y + clients.height);
    // Over the cluster's left end, left of every card.
    expect(alb.x).toBeLessThan(layout.zones.get('us-east-1a')!.x + layout.zones.get('us-east-1a')!.width);
    for (const card of [...layout.taskDefinitions.values(), ...layout.services.values()]) expect(card.x).toBeGreaterThan(alb.x + alb.width);
    // Above the cluster, the corner is empty (the chip there is ~120 px wide at this size's fit).
    const right = layout.cluster.x + layout.cluster.width;
    const corner: Box = { x: right - SIZES.corner, y: 0, width: SIZES.corner, height: layout.cluster.y };
    for (const card of [clients, alb, ...layout.taskDefinitions.values(), ...layout.services.values()]) expect(overlaps(card, corner)).toBe(false);
  });

  it.each(['wide', 'present'] as const)('draws every edge downwards (%s): each card sits above every task, so no edge loops back up through the picture', (orientation) => {
    const tasks = [task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c'), task('a2', 'us-east-1a'), task('r', 'us-east-1a', 'family:report')];
    const layout = layoutDiagram({ ...input(tasks), loadBalancers: ['alb'] }, EMPTY_MEMORY, orientation);
    checkGeometry(layout, tasks);
    const top = Math.min(...[...layout.tasks.values()].map((t) => t.y));
    for (const card of [layout.clients!, ...layout.loadBalancers.values(), ...layout.taskDefinitions.values(), ...layout.services.values()]) {
      expect(card.y + card.height).toBeLessThanOrEqual(layout.cluster.y);
      // Room for the edge to bend: it leaves the card's bottom and falls to the task's top.
      expect(top - (card.y + card.height)).toBeGreaterThanOrEqual(sizesFor(orientation).rowGap);
    }
    // The task definitions' row is above the services' (an edge from each to its service).
    for (const td of layout.taskDefinitions.values()) expect(td.y + td.height).toBeLessThan(layout.services.get('web')!.y);
  });

  it('sets the labels at the foot of their boxes, under the tasks, where no edge runs (every edge ends at a task\'s top)', () => {
    const tasks = [task('a', 'us-east-1a'), task('a2', 'us-east-1a'), task('b', 'us-east-1b'), task('r', 'us-east-1a', 'family:report')];
    for (const orientation of ['wide', 'tall', 'present'] as const) {
      const layout = layoutDiagram({ ...input(tasks), loadBalancers: ['alb'] }, EMPTY_MEMORY, orientation);
      // Band, zone and cluster each keep a strip under what they hold for their label, and none
      // above: a band's first row starts at its top (past a small inset), its top at its zone's.
      for (const t of tasks) {
        const box = layout.tasks.get(t.id)!;
        const band = layout.bandBoxes.get(`${t.az} ${t.band}`)!;
        expect(band.y + band.height - (box.y + box.height)).toBeGreaterThanOrEqual(sizesFor(orientation).bandLabel);
        expect((box.y - band.y - SIZES.bandInset) % (box.height + SIZES.gap)).toBe(0);
      }
      for (const [az, zone] of layout.zones) {
        const bands = [...layout.bandBoxes].filter(([key]) => key.startsWith(`${az} `)).map(([, b]) => b);
        expect(Math.min(...bands.map((b) => b.y)) - zone.y).toBe(SIZES.zonePadding);
        expect(zone.y + zone.height - Math.max(...bands.map((b) => b.y + b.height))).toBeGreaterThanOrEqual(SIZES.zoneLabel);
      }
      const lowest = Math.max(...[...layout.zones.values()].map((z) => z.y + z.height));
      expect(layout.cluster.y + layout.cluster.height - lowest).toBeGreaterThanOrEqual(SIZES.clusterLabel);
      expect(layout.zones.get('us-east-1a')!.y - layout.cluster.y).toBe(SIZES.clusterPadding);
    }
  });

  it('stacks the AZs beside a column of cards in the tall orientation, for a phone', () => {
    const tasks = [task('a', 'us-east-1a'), task('b', 'us-east-1b')];
    const layout = layoutDiagram(input(tasks), EMPTY_MEMORY, 'tall');
    checkGeometry(layout, tasks);
    expect(layout.zones.get('us-east-1b')!.x).toBe(layout.zones.get('us-east-1a')!.x);
    expect(layout.zones.get('us-east-1b')!.y).toBeGreaterThan(layout.zones.get('us-east-1a')!.y);
    expect(layout.services.get('web')!.x + layout.services.get('web')!.width).toBeLessThan(layout.cluster.x);
    // The whole picture is closer to a phone's portrait shape than the wide one is.
    const wide = layoutDiagram(input(tasks), EMPTY_MEMORY, 'wide');
    const aspect = (l: typeof layout) => (l.cluster.x + l.cluster.width) / Math.max(l.cluster.y + l.cluster.height, ...[...l.services.values()].map((b) => b.y + b.height));
    expect(aspect(layout)).toBeLessThan(aspect(wide));
  });

  it('draws the projector\'s picture as the wide one, its cards as wide as its 21 px lines need and no taller, so the picture is no taller', () => {
    const tasks = [task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c'), task('r', 'us-east-1a', 'family:report'), task('l', 'us-east-1b', 'family:legacy')];
    const present = layoutDiagram({ ...input(tasks), loadBalancers: ['alb'] }, EMPTY_MEMORY, 'present');
    const wide = layoutDiagram({ ...input(tasks), loadBalancers: ['alb'] }, EMPTY_MEMORY, 'wide');
    checkGeometry(present, tasks);
    expect(present.tasks.get('a')!.width).toBe(PRESENT_SIZES.task.width);
    expect(present.tasks.get('a')!.width).toBeGreaterThan(wide.tasks.get('a')!.width);
    expect(present.services.get('web')!.height).toBe(PRESENT_SIZES.service.height);
    expect(present.zones.get('us-east-1b')!.y).toBe(present.zones.get('us-east-1a')!.y);
    // On a 16:9 screen the height limits the fit: what the wider cards cost is width.
    const bottom = (l: Layout) => l.cluster.y + l.cluster.height;
    expect(bottom(present)).toBeLessThan(bottom(wide));
  });

  it('centres the cards above the cluster in the wide orientation', () => {
    const layout = layoutDiagram(input([task('a', 'us-east-1a')]), EMPTY_MEMORY, 'wide');
    const web = layout.services.get('web')!;
    expect(Math.abs(web.x + web.width / 2 - (layout.cluster.x + layout.cluster.width / 2))).toBeLessThan(1);
  });

  it('keeps every other task where it was when one stops and a replacement starts', () => {
    const before = [task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c')];
    const first = layoutDiagram(input(before), EMPTY_MEMORY, 'wide');
    // b is replaced: the replacement appears while b is still winding down, then b leaves.
    const during = layoutDiagram(input([...before, task('b2', 'us-east-1b')]), first.memory, 'wide');
    const after = layoutDiagram(input([task('a', 'us-east-1a'), task('c', 'us-east-1c'), task('b2', 'us-east-1b')]), during.memory, 'wide');
    for (const id of ['a', 'c']) {
      expect(during.tasks.get(id)).toEqual(first.tasks.get(id));
      expect(after.tasks.get(id)).toEqual(first.tasks.get(id));
    }
    expect(after.tasks.get('b2')).toEqual(during.tasks.get('b2'));
    expect(after.memory.slots.get('b')).toBeUndefined();
  });

  it('reuses the lowest free slot, so a heal-and-kill cycle does not drift', () => {
    let memory: LayoutMemory = EMPTY_MEMORY;
    memory = layoutDiagram(input([task('a', 'us-east-1a'), task('b', 'us-east-1a')]), memory, 'wide').memory;
    memory = layoutDiagram(input([task('b', 'us-east-1a')]), memory, 'wide').memory;
    const layout = layoutDiagram(input([task('b', 'us-east-1a'), task('c', 'us-east-1a')]), memory, 'wide');
    expect(layout.memory.slots.get('c')!.index).toBe(0);
    expect(layout.memory.slots.get('b')!.index).toBe(1);
  });

  it('adds columns as AZs fill up, and keeps 60 tasks readable', () => {
    const tasks = Array.from({ length: 60 }, (_, i) => task(`t${i}`, AZS[i % 3]!));
    const layout = layoutDiagram(input(tasks), EMPTY_MEMORY, 'wide');
    checkGeometry(layout, tasks);
    expect(layout.memory.columns).toBe(3);
    // At the zoom that fits 1280×720 (a 840×560 canvas), a compact task card is still ~80 px wide.
    const zoom = Math.min(840 / layout.cluster.width, 560 / (layout.cluster.y + layout.cluster.height));
    expect(zoom * SIZES.compactTask.width).toBeGreaterThan(75);
    expect(layout.tasks.get('t0')!.width).toBe(SIZES.compactTask.width);
  });

  it('reserves room for replacements, so healing never grows the grid or moves a band below', () => {
    const tasks = [task('a', 'us-east-1a'), task('b', 'us-east-1b'), task('c', 'us-east-1c'), task('r', 'us-east-1a', 'family:report')];
    const reserve = new Map([['service:web', 2]]);
    const before = layoutDiagram({ ...input(tasks), reserve }, EMPTY_MEMORY, 'wide');
    expect(before.memory.bandRows.get('service:web')).toBe(2);
    const during = layoutDiagram({ ...input([...tasks, task('a2', 'us-east-1a')]), reserve }, before.memory, 'wide');
    for (const t of tasks) expect(during.tasks.get(t.id)).toEqual(before.tasks.get(t.id));
    expect(during.tasks.get('a2')!.y).toBeLessThan(during.tasks.get('r')!.y);
  });

  it('drops the band of a service that is gone once its tasks have left', () => {
    const one = layoutDiagram(input([task('a', 'us-east-1a'), task('w', 'us-east-1a', 'service:worker')], ['web', 'worker']), EMPTY_MEMORY, 'wide');
    expect(one.memory.bands).toEqual(['service:web', 'service:worker']);
    const two = layoutDiagram(input([task('a', 'us-east-1a')], ['web']), one.memory, 'wide');
    expect(two.memory.bands).toEqual(['service:web']);
    // …but a service at zero tasks keeps its band, ready for its next task.
    const three = layoutDiagram(input([], ['web']), two.memory, 'wide');
    expect(three.memory.bands).toEqual(['service:web']);
  });

  it('property: tasks never overlap; a task keeps its slot, and its place unless the grid grew', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constantFrom(...AZS), band: fc.constantFrom('service:web', 'service:api', 'family:report') }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.constantFrom('wide' as const, 'tall' as const, 'present' as const), (ops, orientation) => {
        let memory: LayoutMemory = EMPTY_MEMORY;
        let shown: T[] = [];
        let previous: Layout | null = null;
        let next = 0;
        for (const o of ops) {
          if ('add' in o) shown = [...shown, task(`t${next++}`, o.add, o.band)];
          else if (shown.length) shown = shown.filter((_, i) => i !== o.remove % shown.length);
          const layout = layoutDiagram(input(shown, ['web', 'api']), memory, orientation);
          checkGeometry(layout, shown);
          if (previous) {
            const prev: Layout = previous;
            for (const t of shown) if (prev.memory.slots.get(t.id)) expect(layout.memory.slots.get(t.id)).toEqual(prev.memory.slots.get(t.id));
            // Only a grid that grew (more columns, a band with more rows, a new band) moves a task.
            const sameGrid =
              prev.memory.columns === layout.memory.columns &&
              JSON.stringify(prev.memory.bands) === JSON.stringify(layout.memory.bands) &&
              layout.memory.bands.every((b) => prev.memory.bandRows.get(b) === layout.memory.bandRows.get(b));
            if (sameGrid) for (const t of shown) if (prev.tasks.get(t.id)) expect(layout.tasks.get(t.id)).toEqual(prev.tasks.get(t.id));
          }
          memory = layout.memory;
          previous = layout;
        }
      }),
      { numRuns: 300 },
    );
  });
});
