// Where everything sits on the diagram: a pure function from what is shown to positions.
//
// Stability is the point. A task keeps its slot for as long as it is on the diagram, so a task
// that comes or goes never makes another one jump; a new task takes the lowest free slot of its
// band (its service, or the standalone tasks of one family) in its Availability Zone. The slots
// live in a `LayoutMemory` that the caller passes back in next time — still a pure function:
// (what is shown, memory) → (positions, memory'). Bands and the number of columns only ever grow
// while the page lives, because shrinking them would move tasks that did not change.

/** wide: cards above AZs side by side; tall (a phone): cards beside AZs stacked; present (a
 *  projector): drawn as wide. Every edge runs from the bottom of its source to the top of its
 *  target (a task's anchor is the middle of its top), so a source must sit above what it points
 *  at: with the cards in columns beside the AZs (presenter mode's first layout) the service's and
 *  the load balancer's edges looped back up through the cards and the tasks (issue 11). */
export type Orientation = 'wide' | 'tall' | 'present';

export type Box = { x: number; y: number; width: number; height: number };

export type LayoutInput = {
  availabilityZones: readonly string[];
  /** Task definition ARNs, in the order their cards are drawn. */
  taskDefinitions: readonly string[];
  /** Service names, in the order their controller nodes are drawn. */
  services: readonly string[];
  /** Schedule names: controllers too (they start tasks), drawn after the services in their row. */
  schedules?: readonly string[];
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
  schedules: ReadonlyMap<string, Box>; // by schedule name
  loadBalancers: ReadonlyMap<string, Box>; // by ARN
  clients: Box | null;
  tasks: ReadonlyMap<string, Box>; // by task ARN
};

export const EMPTY_MEMORY: LayoutMemory = { slots: new Map(), bands: [], bandRows: new Map(), columns: 1 };

export const SIZES = Object.freeze({
  task: { width: 196, height: 100 },
  /** From three columns on (a busy cluster) tasks are drawn smaller, with less detail. */
  compactTask: { width: 136, height: 66 },
  taskDefinition: { width: 220, height: 104 },
  loadBalancer: { width: 240, height: 128 },
  clients: { width: 240, height: 84 },
  service: { width: 220, height: 122 }, // room for the rollout: its state and two lines of progress
  gap: 14,
  zonePadding: 14,
  /** A zone's label ("us-east-1a · 2 running") runs along its foot, as the cluster's and each
   *  band's do: every edge comes in from above to a task's top, and a label at the head of its box
   *  lay across the edges' path (issue 11: the load balancer's lines ran through "Cluster default"
   *  and the zones' names). diagram.css sets the labels at the foot. */
  zoneLabel: 34,
  /** Each band is labelled ("service web", "standalone · family:report") under its tasks. */
  bandLabel: 20,
  bandInset: 6,
  bandGap: 22,
  clusterPadding: 18,
  clusterLabel: 38,
  rowGap: 56,
  /** Above the cluster's top-right corner no card is drawn: the diagram's "Recently stopped" chip
   *  sits in its box's top-right corner, over the picture where the picture fills the box's width. */
  corner: 120,
});

export type Sizes = { readonly [K in keyof typeof SIZES]: (typeof SIZES)[K] extends number ? number : (typeof SIZES)[K] };

/** Presenter mode (present.css) sets every line of a node at 21 px and shows fewer of them. Its
 *  picture's height is what limits its fit on a 16:9 screen, so the height goes where the text is:
 *  wider tasks, where "DEPROVISIONING" or an ID needs the width (which costs no type size); a
 *  service's two-digit counts on two lines; a task definition's card only as tall as the two lines
 *  it keeps; narrower gaps; and no room for the bands' labels (hidden there: 20 px of height is too
 *  little for 20 px type). A compact task stays under 160 px wide: the node draws itself compact
 *  below that. */
export const PRESENT_SIZES: Sizes = Object.freeze({
  ...SIZES,
  task: { width: 226, height: 100 },
  compactTask: { width: 156, height: 66 },
  service: { width: 220, height: 148 },
  taskDefinition: { width: 220, height: 72 },
  bandLabel: 4,
  rowGap: 24,
});

export const sizesFor = (orientation: Orientation): Sizes => (orientation === 'present' ? PRESENT_SIZES : SIZES);

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
  const sizes = sizesFor(orientation);
  const { gap, zonePadding, zoneLabel, bandGap, clusterPadding, clusterLabel, bandLabel, bandInset } = sizes;
  const columns = memory.columns;
  const task = isCompact(memory) ? sizes.compactTask : sizes.task;

  // Cluster: AZs side by side (wide, present) or one above the other (tall).
  const tall = orientation === 'tall';
  const zoneInnerWidth = columns * task.width + (columns - 1) * gap;
  const zoneWidth = zoneInnerWidth + 2 * zonePadding;
  const bandHeight = (band: string) => {
    const rows = memory.bandRows.get(band) ?? 1;
    return bandLabel + rows * task.height + (rows - 1) * gap + bandInset;
  };
  const bandsInUse = memory.bands;
  const zoneBodyHeight = bandsInUse.length === 0 ? task.height : bandsInUse.reduce((h, b, i) => h + bandHeight(b) + (i > 0 ? bandGap : 0), 0);
  const zoneHeight = zonePadding + zoneBodyHeight + zoneLabel;
  const n = input.availabilityZones.length;
  const clusterWidth = tall ? 2 * clusterPadding + zoneWidth : 2 * clusterPadding + n * zoneWidth + (n - 1) * gap;
  const clusterHeight = clusterPadding + (tall ? n * zoneHeight + (n - 1) * gap : zoneHeight) + clusterLabel;

  const { taskDefinitions, services, schedules, loadBalancers, clients, cluster: at } = tall ? placeCardsBeside(input, sizes) : placeCardsAbove(input, clusterWidth, sizes);
  const cluster: Box = { ...at, width: clusterWidth, height: clusterHeight };

  const zones = new Map<string, Box>();
  input.availabilityZones.forEach((az, i) => {
    const x = cluster.x + clusterPadding + (tall ? 0 : i * (zoneWidth + gap));
    const y = cluster.y + clusterPadding + (tall ? i * (zoneHeight + gap) : 0);
    zones.set(az, { x, y, width: zoneWidth, height: zoneHeight });
  });

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
      bandBoxes.set(`${az} ${band}`, { x: zone.x + zonePadding - bandInset, y: zone.y + zonePadding + bandTop.get(band)!, width: zoneInnerWidth + 2 * bandInset, height: bandHeight(band) });
    }
  }

  const tasks = new Map<string, Box>();
  for (const t of input.tasks) {
    const slot = memory.slots.get(t.id)!;
    const area = bandBoxes.get(`${slot.az} ${slot.band}`);
    if (!area) continue; // an AZ the layout doesn't know: not drawn rather than drawn wrong
    const col = slot.index % columns;
    const row = Math.floor(slot.index / columns);
    tasks.set(t.id, { x: area.x + bandInset + col * (task.width + gap), y: area.y + bandInset + row * (task.height + gap), ...task });
  }

  return { memory, cluster, zones, bandBoxes, taskDefinitions, services, schedules, loadBalancers, clients, tasks };
}

type Cards = Pick<Layout, 'taskDefinitions' | 'services' | 'schedules' | 'loadBalancers' | 'clients'> & { cluster: { x: number; y: number } };

/** Wide (and present): everything that points into the cluster sits above it. The clients and the
 *  load balancer are a column over the cluster's left end, so traffic comes in from outside and
 *  drops into the zones from above, never across a card; the task definitions and the services are
 *  two rows centred over the rest, each service's edges falling to its tasks. Left, not right: the
 *  top-right corner is the "Recently stopped" chip's (SIZES.corner), and the cluster moves right
 *  rather than a card going there. */
function placeCardsAbove(input: LayoutInput, clusterWidth: number, sizes: Sizes): Cards {
  const { gap, rowGap, corner, service } = sizes;
  const loadBalancers = new Map<string, Box>();
  const lbIds = input.loadBalancers ?? [];
  let clients: Box | null = null;
  let lbColumn = { width: 0, height: 0 };
  if (lbIds.length > 0) {
    clients = { x: 0, y: 0, ...sizes.clients };
    lbIds.forEach((id, i) => loadBalancers.set(id, { x: 0, y: sizes.clients.height + rowGap + i * (sizes.loadBalancer.height + gap), ...sizes.loadBalancer }));
    lbColumn = { width: Math.max(sizes.loadBalancer.width, sizes.clients.width), height: sizes.clients.height + rowGap + lbIds.length * (sizes.loadBalancer.height + gap) - gap };
  }
  const cardsLeft = lbColumn.width > 0 ? lbColumn.width + rowGap : 0;
  const rowWidth = (count: number, width: number) => count * width + Math.max(0, count - 1) * gap;
  const scheduleIds = input.schedules ?? [];
  const controllers = input.services.length + scheduleIds.length;
  const widest = Math.max(rowWidth(input.taskDefinitions.length, sizes.taskDefinition.width), rowWidth(controllers, service.width));
  // The cluster starts far enough right that the widest row ends short of its top-right corner.
  const room = clusterWidth - (input.taskDefinitions.length + controllers > 0 ? corner : 0);
  const clusterX = Math.max(0, cardsLeft + widest - room);
  const taskDefinitions = new Map<string, Box>();
  const services = new Map<string, Box>();
  const schedules = new Map<string, Box>();
  /** One row of cards, each into its own map (services, then schedules, share the second row). */
  const row = (cards: readonly (readonly [string, Map<string, Box>])[], size: { width: number; height: number }, top: number) => {
    // Centred on the cluster where it can be; else as near as the column and the corner allow.
    const width = rowWidth(cards.length, size.width);
    const left = Math.max(cardsLeft, Math.min(clusterX + (clusterWidth - width) / 2, clusterX + room - width));
    cards.forEach(([id, into], i) => into.set(id, { x: left + i * (size.width + gap), y: top, ...size }));
    return cards.length === 0 ? 0 : size.height + rowGap;
  };
  const into = (ids: readonly string[], map: Map<string, Box>) => ids.map((id) => [id, map] as const);
  let rows = row(into(input.taskDefinitions, taskDefinitions), sizes.taskDefinition, 0);
  rows += row([...into(input.services, services), ...into(scheduleIds, schedules)], service, rows);
  return { taskDefinitions, services, schedules, loadBalancers, clients, cluster: { x: clusterX, y: Math.max(rows, lbColumn.height > 0 ? lbColumn.height + rowGap : 0) } };
}

/** Tall (a phone): the clients and the load balancer on top, then one column of cards, beside a
 *  cluster whose AZs are stacked. */
function placeCardsBeside(input: LayoutInput, sizes: Sizes): Cards {
  const { gap, rowGap } = sizes;
  const loadBalancers = new Map<string, Box>();
  const lbIds = input.loadBalancers ?? [];
  let clients: Box | null = null;
  let y = 0;
  if (lbIds.length > 0) {
    clients = { x: 0, y: 0, ...sizes.clients };
    lbIds.forEach((id, i) => loadBalancers.set(id, { x: 0, y: sizes.clients.height + rowGap + i * (sizes.loadBalancer.height + gap), ...sizes.loadBalancer }));
    y = sizes.clients.height + rowGap + lbIds.length * (sizes.loadBalancer.height + gap) + rowGap - gap;
  }
  const taskDefinitions = new Map<string, Box>();
  const services = new Map<string, Box>();
  for (const id of input.taskDefinitions) {
    taskDefinitions.set(id, { x: 0, y, ...sizes.taskDefinition });
    y += sizes.taskDefinition.height + gap;
  }
  if (input.taskDefinitions.length) y += rowGap - gap;
  for (const id of input.services) {
    services.set(id, { x: 0, y, ...sizes.service });
    y += sizes.service.height + gap;
  }
  const schedules = new Map<string, Box>();
  for (const id of input.schedules ?? []) {
    schedules.set(id, { x: 0, y, ...sizes.service });
    y += sizes.service.height + gap;
  }
  const cardColumn = Math.max(sizes.taskDefinition.width, sizes.service.width, lbIds.length > 0 ? Math.max(sizes.loadBalancer.width, sizes.clients.width) : 0);
  const anyCard = input.taskDefinitions.length + input.services.length + (input.schedules?.length ?? 0) + lbIds.length > 0;
  return { taskDefinitions, services, schedules, loadBalancers, clients, cluster: { x: anyCard ? cardColumn + rowGap : 0, y: 0 } };
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
