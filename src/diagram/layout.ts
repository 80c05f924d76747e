// Where everything sits on the diagram: a pure function from what is shown to positions.
//
// Stability is the point. A task keeps its slot for as long as it is on the diagram, so a task
// that comes or goes never makes another one jump; a new task takes the lowest free slot of its
// band (its service, or the standalone tasks of one family) in its Availability Zone. The slots
// live in a `LayoutMemory` that the caller passes back in next time — still a pure function:
// (what is shown, memory) → (positions, memory'). Bands and the number of columns only ever grow
// while the page lives, because shrinking them would move tasks that did not change.

/** wide: cards above AZs side by side; tall (a phone): cards beside AZs stacked; present (a
 *  projector, 16:9): AZs side by side with the cards in columns at their left, so the picture is
 *  as wide as the screen and its text as large as the height allows. */
export type Orientation = 'wide' | 'tall' | 'present';

export type Box = { x: number; y: number; width: number; height: number };

export type LayoutInput = {
  availabilityZones: readonly string[];
  /** Task definition ARNs, in the order their cards are drawn. */
  taskDefinitions: readonly string[];
  /** Service names, in the order their controller nodes are drawn. */
  services: readonly string[];
  /** Load balancer ARNs; the clients that call them are drawn above the first. */
  loadBalancers?: readonly string[];
  /** The tasks on the diagram, oldest first; `band` is the task's group. */
  tasks: readonly { id: string; az: string; band: string }[];
  /** Slots per AZ to keep ready for a band (a service's share of desiredCount plus room for
   *  replacements), so a service healing itself never has to grow the grid. */
  reserve?: ReadonlyMap<string, number>;
};

// Every keyed collection here is a Map: keys are ARNs, service names and task groups, which
// users choose (a standalone task's group may be "constructor"), and a plain object would find
// Object.prototype's members under such names.

export type Slot = { az: string; band: string; index: number };

export type LayoutMemory = {
  slots: ReadonlyMap<string, Slot>; // by task id
  /** Band keys in the order they first appeared: service bands first, then standalone ones. */
  bands: string[];
  /** Rows reserved per band (in every AZ): a floor, so a band never shrinks under a task. */
  bandRows: ReadonlyMap<string, number>;
  /** Task columns per AZ. */
  columns: number;
  /** The reservations this memory was made for (see LayoutInput.reserve). */
  reserveKey?: string;
};

export type Layout = {
  memory: LayoutMemory;
  cluster: Box;
  zones: ReadonlyMap<string, Box>;
  /** Each band's area inside each AZ, keyed `${az} ${band}`. */
  bandBoxes: ReadonlyMap<string, Box>;
  taskDefinitions: ReadonlyMap<string, Box>; // by ARN
  services: ReadonlyMap<string, Box>; // by service name
  loadBalancers: ReadonlyMap<string, Box>; // by ARN
  clients: Box | null;
  tasks: ReadonlyMap<string, Box>; // by task ARN
};

export const EMPTY_MEMORY: LayoutMemory = { slots: new Map(), bands: [], bandRows: new Map(), columns: 1 };

export const SIZES = {
  task: { width: 196, height: 100 },
  /** From three columns on (a busy cluster) tasks are drawn smaller, with less detail. */
  compactTask: { width: 136, height: 66 },
  taskDefinition: { width: 220, height: 104 },
  loadBalancer: { width: 240, height: 128 },
  clients: { width: 240, height: 84 },
  service: { width: 220, height: 122 }, // room for the rollout: its state and two lines of progress
  gap: 14,
  zonePadding: 14,
  zoneHeader: 34,
  /** Each band is labelled ("service web", "standalone · family:report") above its tasks. */
  bandLabel: 20,
  bandInset: 6,
  bandGap: 22,
  clusterPadding: 18,
  clusterHeader: 38,
  rowGap: 56,
} as const;

/** More columns as an AZ fills up: one for a handful of tasks, two, then three (compact) —
 *  three keeps 60 tasks at a 16:9 aspect, so fit-to-view stays readable on a projector. */
export function columnsFor(tasksInFullestBand: number): number {
  if (tasksInFullestBand <= 3) return 1;
  if (tasksInFullestBand <= 8) return 2;
  return 3;
}

export const isCompact = (memory: LayoutMemory) => memory.columns >= 3;

export function layoutDiagram(input: LayoutInput, previous: LayoutMemory, orientation: Orientation): Layout {
  const memory = assignSlots(input, previous);
  const { gap, zonePadding, zoneHeader, bandGap, clusterPadding, clusterHeader, rowGap, bandLabel, bandInset } = SIZES;
  const columns = memory.columns;
  const task = isCompact(memory) ? SIZES.compactTask : SIZES.task;

  // Cluster: AZs side by side (wide, present) or one above the other (tall).
  const sideBySide = orientation !== 'tall';
  const zoneInnerWidth = columns * task.width + (columns - 1) * gap;
  const zoneWidth = zoneInnerWidth + 2 * zonePadding;
  const bandHeight = (band: string) => {
    const rows = memory.bandRows.get(band) ?? 1;
    return bandLabel + rows * task.height + (rows - 1) * gap + bandInset;
  };
  const bandsInUse = memory.bands;
  const zoneBodyHeight = bandsInUse.length === 0 ? task.height : bandsInUse.reduce((h, b, i) => h + bandHeight(b) + (i > 0 ? bandGap : 0), 0);
  const zoneHeight = zoneHeader + zoneBodyHeight + zonePadding;

  // Cards: task definitions, then services. Wide: two rows above the cluster, centred on it.
  // Tall (a phone): one column of cards beside a cluster whose AZs are stacked.
  const n = input.availabilityZones.length;
  const clusterWidth = sideBySide ? 2 * clusterPadding + n * zoneWidth + (n - 1) * gap : 2 * clusterPadding + zoneWidth;
  const clusterHeight = sideBySide ? clusterHeader + zoneHeight + clusterPadding : clusterHeader + n * zoneHeight + (n - 1) * gap + clusterPadding;
  const cardColumn = Math.max(SIZES.taskDefinition.width, SIZES.service.width);
  const taskDefinitions = new Map<string, Box>();
  const services = new Map<string, Box>();
  let clusterTop = 0;
  let clusterLeft = 0;
  if (orientation === 'wide') {
    const row = (ids: readonly string[], size: { width: number; height: number }, top: number, into: Map<string, Box>) => {
      const width = ids.length * size.width + Math.max(0, ids.length - 1) * gap;
      const left = Math.max(0, (clusterWidth - width) / 2);
      ids.forEach((id, i) => into.set(id, { x: left + i * (size.width + gap), y: top, ...size }));
      return ids.length === 0 ? 0 : size.height + rowGap;
    };
    clusterTop += row(input.taskDefinitions, SIZES.taskDefinition, 0, taskDefinitions);
    clusterTop += row(input.services, SIZES.service, clusterTop, services);
  } else {
    let y = 0;
    for (const id of input.taskDefinitions) {
      taskDefinitions.set(id, { x: 0, y, ...SIZES.taskDefinition });
      y += SIZES.taskDefinition.height + gap;
    }
    if (input.taskDefinitions.length) y += rowGap - gap;
    for (const id of input.services) {
      services.set(id, { x: 0, y, ...SIZES.service });
      y += SIZES.service.height + gap;
    }
    clusterLeft = input.taskDefinitions.length + input.services.length > 0 ? cardColumn + rowGap : 0;
  }

  // Clients → load balancer: a column of their own, left of the cluster (wide) or above the
  // cards (tall), so traffic reads as coming in from outside. Left, not right: the picture's
  // top-right corner is where the diagram's "Recently stopped" panel sits, and there, above the
  // cluster and beside the centred cards, nothing is drawn (issue 11: it covered the Clients).
  const loadBalancers = new Map<string, Box>();
  let clients: Box | null = null;
  const lbIds = input.loadBalancers ?? [];
  if (lbIds.length > 0) {
    if (orientation !== 'tall') {
      clients = { x: 0, y: 0, ...SIZES.clients };
      lbIds.forEach((id, i) => loadBalancers.set(id, { x: 0, y: SIZES.clients.height + rowGap + i * (SIZES.loadBalancer.height + gap), ...SIZES.loadBalancer }));
      const shift = Math.max(SIZES.loadBalancer.width, SIZES.clients.width) + rowGap;
      for (const box of [...taskDefinitions.values(), ...services.values()]) box.x += shift;
      clusterLeft += shift;
    } else {
      const shift = SIZES.clients.height + rowGap + lbIds.length * (SIZES.loadBalancer.height + gap) + rowGap - gap;
      clients = { x: 0, y: 0, ...SIZES.clients };
      lbIds.forEach((id, i) => loadBalancers.set(id, { x: 0, y: SIZES.clients.height + rowGap + i * (SIZES.loadBalancer.height + gap), ...SIZES.loadBalancer }));
      for (const box of [...taskDefinitions.values(), ...services.values()]) box.y += shift;
      clusterLeft = Math.max(clusterLeft, Math.max(SIZES.loadBalancer.width, SIZES.clients.width) + rowGap);
    }
  }

  const zones = new Map<string, Box>();
  input.availabilityZones.forEach((az, i) => {
    const x = clusterLeft + clusterPadding + (sideBySide ? i * (zoneWidth + gap) : 0);
    const y = clusterTop + clusterHeader + (sideBySide ? 0 : i * (zoneHeight + gap));
    zones.set(az, { x, y, width: zoneWidth, height: zoneHeight });
  });
  const cluster: Box = { x: clusterLeft, y: clusterTop, width: clusterWidth, height: clusterHeight };

  const bandTop = new Map<string, number>();
  let offset = 0;
  for (const band of bandsInUse) {
    bandTop.set(band, offset);
    offset += bandHeight(band) + bandGap;
  }
  const bandBoxes = new Map<string, Box>();
  for (const az of input.availabilityZones) {
    const zone = zones.get(az)!;
    for (const band of bandsInUse) {
      bandBoxes.set(`${az} ${band}`, { x: zone.x + zonePadding - bandInset, y: zone.y + zoneHeader + bandTop.get(band)!, width: zoneInnerWidth + 2 * bandInset, height: bandHeight(band) });
    }
  }

  const tasks = new Map<string, Box>();
  for (const t of input.tasks) {
    const slot = memory.slots.get(t.id)!;
    const area = bandBoxes.get(`${slot.az} ${slot.band}`);
    if (!area) continue; // an AZ the layout doesn't know: not drawn rather than drawn wrong
    const col = slot.index % columns;
    const row = Math.floor(slot.index / columns);
    tasks.set(t.id, { x: area.x + bandInset + col * (task.width + gap), y: area.y + bandLabel + row * (task.height + gap), ...task });
  }

  return { memory, cluster, zones, bandBoxes, taskDefinitions, services, loadBalancers, clients, tasks };
}

/** Keep every shown task's slot; give new tasks the lowest free slot; forget tasks that left. */
export function assignSlots(input: LayoutInput, previous: LayoutMemory): LayoutMemory {
  // Nothing came or went and the reservations are the same: the memory stands as it is.
  const reserve = input.reserve ?? new Map<string, number>();
  const reserveKey = JSON.stringify([...reserve]);
  if (previous.reserveKey === reserveKey && input.tasks.length === previous.slots.size && input.tasks.every((t) => previous.slots.has(t.id)))
    return previous;
  const shown = new Set(input.tasks.map((t) => t.id));
  const slots = new Map<string, Slot>();
  const used = new Map<string, Set<number>>(); // `${az} ${band}` → taken indices
  const take = (az: string, band: string, index: number) => {
    const key = `${az} ${band}`;
    let set = used.get(key);
    if (!set) used.set(key, (set = new Set()));
    set.add(index);
  };
  for (const [id, slot] of previous.slots) {
    if (!shown.has(id)) continue;
    slots.set(id, slot);
    take(slot.az, slot.band, slot.index);
  }

  const bands = [...previous.bands];
  const serviceBands = new Set(input.services.map((s) => `service:${s}`));
  // A service's band exists as soon as it reserves room, before its first task arrives.
  for (const band of reserve.keys()) {
    if (!bands.includes(band) && serviceBands.has(band)) {
      const firstStandalone = bands.findIndex((b) => !serviceBands.has(b));
      if (firstStandalone >= 0) bands.splice(firstStandalone, 0, band);
      else bands.push(band);
    }
  }
  for (const t of input.tasks) {
    if (!bands.includes(t.band)) {
      // Service bands go above standalone ones, so a service's tasks sit under its controller.
      const firstStandalone = bands.findIndex((b) => !serviceBands.has(b));
      if (serviceBands.has(t.band) && firstStandalone >= 0) bands.splice(firstStandalone, 0, t.band);
      else bands.push(t.band);
    }
    if (slots.has(t.id)) continue;
    const taken = used.get(`${t.az} ${t.band}`);
    let index = 0;
    while (taken?.has(index)) index++;
    slots.set(t.id, { az: t.az, band: t.band, index });
    take(t.az, t.band, index);
  }

  // A band leaves once it is empty, unless its service still exists (it will have tasks again).
  const bandsWithTasks = new Set([...used.keys()].map((key) => key.slice(key.indexOf(' ') + 1)));
  const kept = bands.filter((b) => bandsWithTasks.has(b) || serviceBands.has(b));

  let fullest = 0;
  for (const set of used.values()) fullest = Math.max(fullest, Math.max(...set) + 1);
  for (const band of kept) fullest = Math.max(fullest, reserve.get(band) ?? 0);
  const columns = Math.max(previous.columns, columnsFor(fullest));
  const bandRows = new Map<string, number>();
  for (const band of kept) {
    let rows = Math.max(previous.columns === columns ? (previous.bandRows.get(band) ?? 1) : 1, Math.ceil((reserve.get(band) ?? 1) / columns));
    for (const [key, set] of used) {
      if (key.slice(key.indexOf(' ') + 1) === band) rows = Math.max(rows, Math.floor(Math.max(...set) / columns) + 1);
    }
    bandRows.set(band, rows);
  }
  return { slots, bands: kept, bandRows, columns, reserveKey };
}
