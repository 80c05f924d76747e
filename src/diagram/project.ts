// The projection from engine state to what the diagram draws: nodes with their positions and
// accessible names, and the edges between them. Pure (no React, no DOM): the view hands the result
// to React Flow, the tests read it directly. Shapes follow React Flow's Node and Edge so no
// conversion is needed, without this module depending on React Flow.

import { startLayers } from './containers.ts';
import { clockLabel, countTargetStates, resolveTaskDefinition, familyRevision, scheduleNameOf, shortId, type LoadBalancer, type Millis, type Schedule, type Service, type Target, type TargetGroup, type Task, type TaskDefinition, type World } from '../sim/index.ts';
import { deploymentsView, deploymentTag, rolloutLabel, rolloutOf, type DeploymentsView, type DeploymentTag, type Rollout, type RolloutState } from './deployments.ts';
import { layoutDiagram, type Box, type LayoutMemory, type Orientation } from './layout.ts';

/** What the user points at: the selection, or (when nothing is selected) what the pointer is over. */
export type Focus = { kind: 'task' | 'service' | 'taskDefinition' | 'loadBalancer' | 'schedule'; id: string } | null;

export type Emphasis = 'focus' | 'related' | 'none';

/** `deployment`: while its service has more than one deployment, whether the task is one of the
 *  newest deployment's ("new") or an older one's ("old"); null when there is nothing to tell apart. */
export type TaskNodeData = { kind: 'task'; task: Task; target: Target | null; emphasis: Emphasis; label: string; fading: boolean; deployment: DeploymentTag | null };
export type LoadBalancerNodeData = { kind: 'loadBalancer'; loadBalancer: LoadBalancer; targetGroup: TargetGroup; emphasis: Emphasis; label: string };
export type ClientsNodeData = { kind: 'clients'; loadBalancerArn: string; label: string };
/** The rollout in plain values (compared field by field when nodes are shared): its state, its
 *  progress in words, and whether old and new tasks are side by side. */
export type ServiceNodeData = { kind: 'service'; service: Service; emphasis: Emphasis; label: string; rolloutState: RolloutState; rolloutText: string; progress: string; deploying: boolean; stuck: boolean };
export type TaskDefinitionNodeData = { kind: 'taskDefinition'; taskDefinition: TaskDefinition; latest: boolean; emphasis: Emphasis; label: string };
/** `down`: the zone has an outage; `short`: Fargate has no capacity there (issue 13). */
export type ZoneNodeData = { kind: 'zone'; name: string; running: number; label: string; down: boolean; short: boolean };
/** A schedule (EventBridge Scheduler) and when it fires next, as the card shows it. */
export type ScheduleNodeData = { kind: 'schedule'; schedule: Schedule; emphasis: Emphasis; label: string; next: string };
export type ClusterNodeData = { kind: 'cluster'; name: string; label: string };
export type BandNodeData = { kind: 'band'; standalone: boolean; label: string };
export type NodeData = TaskNodeData | ServiceNodeData | ScheduleNodeData | TaskDefinitionNodeData | ZoneNodeData | ClusterNodeData | BandNodeData | LoadBalancerNodeData | ClientsNodeData;

export type DiagramNode = {
  id: string;
  type: NodeData['kind'];
  position: { x: number; y: number };
  width: number;
  height: number;
  data: NodeData;
  selected: boolean;
  selectable: boolean;
  focusable: boolean;
  draggable: false;
  zIndex: number;
  ariaLabel: string;
};

export type DiagramEdge = {
  id: string;
  source: string;
  target: string;
  /** 'traffic' edges carry request particles; `data.taskArn` names the target's task (none: clients → ALB). */
  type?: 'traffic';
  data?: { taskArn?: string; loadBalancerArn: string };
  className: string;
  focusable: false;
  selectable: false;
  zIndex: number;
};

export type Diagram = {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  memory: LayoutMemory;
  /** Stopped tasks that have left the diagram, newest first (they stay in the tasks table). */
  recentlyStopped: Task[];
};

/** Above this many targets, load balancer → target edges are drawn only on hover or selection. */
export const MAX_TARGET_EDGES = 12;

/** Above this many tasks of one service on the diagram, service → task edges are drawn only on hover or selection. */
export const MAX_SERVICE_EDGES = 12;

/** How long a STOPPED task stays on the diagram, faded, before it moves to "recently stopped". */
export const STOPPED_LINGER: Millis = 60_000;

export const nodeId = {
  task: (taskArn: string) => `task:${taskArn}`,
  service: (name: string) => `service:${name}`,
  taskDefinition: (arn: string) => `taskDefinition:${arn}`,
  loadBalancer: (arn: string) => `loadBalancer:${arn}`,
  schedule: (name: string) => `schedule:${name}`,
};

/** The inverse of nodeId: which entity a node id names (null for regions). */
export function focusOfNode(id: string): Focus {
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  if (kind === 'task' || kind === 'service' || kind === 'taskDefinition' || kind === 'loadBalancer' || kind === 'schedule') return { kind, id: id.slice(colon + 1) };
  return null;
}

/** Task IDs are lowercase hex: compared as plain strings, which is what localeCompare would
 *  decide for them, at a fraction of the cost (the projection sorts 200 tasks every frame). */
const byId = (a: Task, b: Task) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0);

export function isOnDiagram(task: Task, now: Millis): boolean {
  return task.lastStatus !== 'STOPPED' || (task.stoppedAt ?? now) > now - STOPPED_LINGER;
}

export function taskLabel(task: Task, target: Target | null = null, deployment: DeploymentTag | null = null): string {
  const owner = task.serviceName ? `service ${task.serviceName}` : `standalone, started by ${task.startedBy}, group ${task.group}`;
  const parts = [`Task ${shortId(task.taskId)}`, task.lastStatus];
  if (task.desiredStatus !== task.lastStatus && task.lastStatus !== 'STOPPED') parts.push(`desired ${task.desiredStatus}`);
  parts.push(owner, task.availabilityZone);
  if (task.healthStatus !== 'UNKNOWN') parts.push(`health ${task.healthStatus}`);
  if (target) parts.push(`target ${target.state}`);
  if (task.stopCode) parts.push(`stop code ${task.stopCode}`);
  // Several containers: each one's state (the selected node shows them under it).
  if (task.containers.length > 1)
    parts.push(`containers ${task.containers.map((c) => `${c.name} ${c.lastStatus}${c.exitCode !== null ? ` exit code ${c.exitCode}` : ''}`).join(', ')}`);
  // While old and new run side by side, which one this is (the node shows it as a tag).
  if (deployment) parts.push(`revision ${task.family}:${task.revision}, ${deployment} deployment`);
  return parts.join(', ');
}

export function serviceLabel(s: Service, rollout?: Rollout): string {
  const base = `Service ${s.serviceName}, ${s.status}, desired ${s.desiredCount}, running ${s.runningCount}, pending ${s.pendingCount}, task definition ${familyRevision(s.taskDefinition)}`;
  return rollout && (rollout.deploying || rollout.state !== 'COMPLETED') ? `${base}, ${rolloutLabel(rollout)}` : base;
}

export function taskDefinitionLabel(td: TaskDefinition): string {
  // Several containers: in start order, in words ("xray-daemon, then web").
  const containers = startLayers(td).map((l) => l.map((c) => c.name).join(' and ')).join(', then ');
  return `Task definition ${td.family}:${td.revision}, ${td.status}, ${cpuLabel(td.cpu)} ${memoryLabel(td.memory)}, ${td.containerDefinitions.length === 1 ? 'container' : 'containers'} ${containers}`;
}

/** When a schedule fires next, in the sim's clock: "next run 09:35:00", "disabled", "no more runs". */
export function nextRunText(s: Schedule): string {
  if (s.state === 'DISABLED') return 'disabled';
  return s.nextRunAt === null ? 'no more runs' : `next run ${clockLabel(s.nextRunAt)}`;
}

export function scheduleLabel(s: Schedule): string {
  return `Schedule ${s.name}, ${s.state}, ${s.scheduleExpression}${s.scheduleExpressionTimezone === 'UTC' ? '' : ` in ${s.scheduleExpressionTimezone}`}, runs ${familyRevision(s.target.taskDefinition)}, ${nextRunText(s)}, ${s.runCount} ${s.runCount === 1 ? 'run' : 'runs'} so far`;
}

export const cpuLabel = (cpu: string) => `${Number(cpu) / 1024} vCPU`;
export const memoryLabel = (memory: string) => (Number(memory) >= 1024 ? `${Number(memory) / 1024} GB` : `${memory} MiB`);

export function projectDiagram(
  world: World,
  memory: LayoutMemory,
  options: { focus: Focus; selected: Focus; orientation: Orientation },
  /** Last projection's nodes: a task node whose inputs are all the same is reused as it is, so a
   *  tick that changed three tasks allocates three nodes, not two hundred. */
  previous: readonly DiagramNode[] = [],
): Diagram {
  const before = new Map(previous.map((n) => [n.id, n]));
  const now = world.now;
  const allTasks = [...world.tasks.values()];
  const shownTasks = allTasks.filter((t) => isOnDiagram(t, now)).sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
  const recentlyStopped = allTasks
    .filter((t) => !isOnDiagram(t, now))
    .sort((a, b) => (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0) || byId(a, b));
  const services = [...world.services.values()]
    .filter((s) => s.status !== 'INACTIVE')
    .sort((a, b) => a.createdAt - b.createdAt || a.serviceName.localeCompare(b.serviceName));
  // Each service's live tasks (for its rollout's progress) and its newest deployment (for the tags).
  const liveByService = new Map<string, Task[]>();
  for (const t of allTasks) {
    if (t.serviceName === undefined || t.lastStatus === 'STOPPED') continue;
    const list = liveByService.get(t.serviceName);
    if (list) list.push(t);
    else liveByService.set(t.serviceName, [t]);
  }
  const views = new Map<string, DeploymentsView>(services.map((s) => [s.serviceName, deploymentsView(s, liveByService.get(s.serviceName) ?? [])]));

  // Cards: the newest ACTIVE revision of each family, plus any revision a shown task or service uses.
  const latest = new Map<string, TaskDefinition>();
  for (const td of world.taskDefinitions.values()) {
    if (td.status !== 'ACTIVE') continue;
    const seen = latest.get(td.family);
    if (!seen || seen.revision < td.revision) latest.set(td.family, td);
  }
  const inUse = new Set([...shownTasks.map((t) => t.taskDefinitionArn), ...services.map((s) => s.taskDefinition)]);
  const taskDefinitions = [...world.taskDefinitions.values()]
    .filter((td) => inUse.has(td.taskDefinitionArn) || latest.get(td.family) === td)
    .sort((a, b) => a.family.localeCompare(b.family) || a.revision - b.revision);

  const layout = layoutDiagram(
    {
      availabilityZones: world.config.availabilityZones,
      taskDefinitions: taskDefinitions.map((td) => td.taskDefinitionArn),
      services: services.map((s) => s.serviceName),
      tasks: shownTasks.map((t) => ({ id: t.taskArn, az: t.availabilityZone, band: t.group })),
      loadBalancers: [...world.loadBalancers.keys()],
      schedules: [...world.schedules.keys()],
      reserve: new Map(services.map((s) => [`service:${s.serviceName}`, reserveFor(s.desiredCount, world.config.availabilityZones.length)])),
    },
    memory,
    options.orientation,
  );

  const related = relatedTo(options.focus, world, shownTasks);
  // Each task's target, if a target group holds it.
  const targetOf = new Map<string, Target>();
  for (const tg of world.targetGroups.values()) for (const [arn, target] of tg.targets) targetOf.set(arn, target);
  const emphasis = (kind: NonNullable<Focus>['kind'], id: string): Emphasis =>
    options.focus?.kind === kind && options.focus.id === id ? 'focus' : related.size > 0 && related.has(`${kind}:${id}`) ? 'related' : 'none';
  const isSelected = (kind: NonNullable<Focus>['kind'], id: string) => options.selected?.kind === kind && options.selected.id === id;

  const nodes: DiagramNode[] = [];
  const region = (id: string, type: 'cluster' | 'zone' | 'band', box: Box, data: ClusterNodeData | ZoneNodeData | BandNodeData) =>
    nodes.push({ ...placed(id, type, box, data), selectable: false, focusable: false, zIndex: type === 'cluster' ? -3 : type === 'zone' ? -2 : -1 });

  region('cluster', 'cluster', layout.cluster, { kind: 'cluster', name: world.config.clusterName, label: `Cluster ${world.config.clusterName}` });
  for (const az of world.config.availabilityZones) {
    const running = shownTasks.filter((t) => t.availabilityZone === az && t.lastStatus === 'RUNNING').length;
    const zone = world.zones.get(az);
    const down = zone?.up === false;
    const short = zone?.capacityShort === true;
    const state = down ? ', down (an outage)' : short ? ', no Fargate capacity' : '';
    region(`zone:${az}`, 'zone', layout.zones.get(az)!, { kind: 'zone', name: az, running, down, short, label: `Availability Zone ${az}${state}, ${running} running` });
  }
  for (const az of world.config.availabilityZones) {
    for (const band of layout.memory.bands) {
      const standalone = !band.startsWith('service:');
      const label = standalone ? `standalone · ${band}` : `service ${band.slice('service:'.length)}`;
      region(`band:${az} ${band}`, 'band', layout.bandBoxes.get(`${az} ${band}`)!, { kind: 'band', standalone, label });
    }
  }
  for (const td of taskDefinitions) {
    const id = nodeId.taskDefinition(td.taskDefinitionArn);
    const data: TaskDefinitionNodeData = { kind: 'taskDefinition', taskDefinition: td, latest: latest.get(td.family) === td, emphasis: emphasis('taskDefinition', td.taskDefinitionArn), label: taskDefinitionLabel(td) };
    nodes.push({ ...placed(id, 'taskDefinition', layout.taskDefinitions.get(td.taskDefinitionArn)!, data), selected: isSelected('taskDefinition', td.taskDefinitionArn) });
  }
  if (layout.clients) {
    const first = world.loadBalancers.keys().next().value!;
    nodes.push({ ...placed('clients', 'clients', layout.clients, { kind: 'clients', loadBalancerArn: first, label: 'Clients on the internet, sending requests to the load balancer' }), selectable: false, focusable: false });
  }
  for (const lb of world.loadBalancers.values()) {
    const tg = world.targetGroups.get(lb.listener.defaultTargetGroupArn)!;
    const data: LoadBalancerNodeData = { kind: 'loadBalancer', loadBalancer: lb, targetGroup: tg, emphasis: emphasis('loadBalancer', lb.loadBalancerArn), label: `Load balancer ${lb.loadBalancerName}, target group ${tg.targetGroupName}: ${targetCounts(tg, ', ')}` };
    nodes.push({ ...placed(nodeId.loadBalancer(lb.loadBalancerArn), 'loadBalancer', layout.loadBalancers.get(lb.loadBalancerArn)!, data), selected: isSelected('loadBalancer', lb.loadBalancerArn) });
  }
  for (const s of services) {
    const rollout = rolloutOf(s, liveByService.get(s.serviceName) ?? [], views.get(s.serviceName));
    const data: ServiceNodeData = {
      kind: 'service',
      service: s,
      emphasis: emphasis('service', s.serviceName),
      label: serviceLabel(s, rollout),
      rolloutState: rollout.state,
      rolloutText: rollout.stateText,
      progress: rollout.progress,
      deploying: rollout.deploying,
      stuck: rollout.stuck,
    };
    nodes.push({ ...placed(nodeId.service(s.serviceName), 'service', layout.services.get(s.serviceName)!, data), selected: isSelected('service', s.serviceName) });
  }
  for (const sc of world.schedules.values()) {
    const data: ScheduleNodeData = { kind: 'schedule', schedule: sc, emphasis: emphasis('schedule', sc.name), label: scheduleLabel(sc), next: nextRunText(sc) };
    nodes.push({ ...placed(nodeId.schedule(sc.name), 'schedule', layout.schedules.get(sc.name)!, data), selected: isSelected('schedule', sc.name) });
  }
  // Tasks in reading order (AZ, band, slot), which is also the keyboard's Tab order.
  const zoneOrder = new Map(world.config.availabilityZones.map((az, i) => [az, i]));
  const bandOrder = new Map(layout.memory.bands.map((b, i) => [b, i]));
  const ordered = shownTasks
    .filter((t) => layout.tasks.has(t.taskArn))
    .sort((a, b) => {
      const sa = layout.memory.slots.get(a.taskArn)!;
      const sb = layout.memory.slots.get(b.taskArn)!;
      return (zoneOrder.get(sa.az) ?? 0) - (zoneOrder.get(sb.az) ?? 0) || (bandOrder.get(sa.band) ?? 0) - (bandOrder.get(sb.band) ?? 0) || sa.index - sb.index;
    });
  for (const t of ordered) {
    const target = targetOf.get(t.taskArn) ?? null;
    const id = nodeId.task(t.taskArn);
    const box = layout.tasks.get(t.taskArn)!;
    const e = emphasis('task', t.taskArn);
    const selected = isSelected('task', t.taskArn);
    const tag = deploymentTag(t.serviceName !== undefined ? views.get(t.serviceName) : undefined, t);
    const old = before.get(id);
    if (old?.data.kind === 'task' && old.data.task === t && old.data.target === target && old.data.emphasis === e && old.selected === selected &&
        old.data.deployment === tag && old.position.x === box.x && old.position.y === box.y && old.width === box.width && old.height === box.height) {
      nodes.push(old);
      continue;
    }
    const data: TaskNodeData = { kind: 'task', task: t, target, emphasis: e, label: taskLabel(t, target, tag), fading: t.lastStatus === 'STOPPED', deployment: tag };
    nodes.push({ ...placed(id, 'task', box, data), selected });
  }

  // The emphasised edges apart, to be drawn last (see the return).
  const edges: DiagramEdge[] = [];
  const litEdges: DiagramEdge[] = [];
  const edge = (source: string, target: string, className: string, emphasised: boolean) =>
    (emphasised ? litEdges : edges).push({ id: `${source}->${target}`, source, target, className: emphasised ? `${className} emphasised` : className, focusable: false, selectable: false, zIndex: 0 });
  for (const s of services) {
    const tdNode = nodeId.taskDefinition(s.taskDefinition);
    if (layout.taskDefinitions.has(s.taskDefinition)) edge(tdNode, nodeId.service(s.serviceName), 'edge-blueprint', emphasis('service', s.serviceName) !== 'none');
  }
  for (const lb of world.loadBalancers.values()) {
    const lbNode = nodeId.loadBalancer(lb.loadBalancerArn);
    if (layout.clients) edges.push({ id: `clients->${lbNode}`, source: 'clients', target: lbNode, type: 'traffic', data: { loadBalancerArn: lb.loadBalancerArn }, className: 'edge-traffic edge-clients', focusable: false, selectable: false, zIndex: 0 });
    const tg = world.targetGroups.get(lb.listener.defaultTargetGroupArn)!;
    // Past a dozen targets, one line per target is a tangle: draw them only for what the user
    // points at (each task node still shows its target state).
    const few = tg.targets.size <= MAX_TARGET_EDGES;
    for (const t of ordered) {
      const target = tg.targets.get(t.taskArn);
      if (!target) continue;
      const lit = emphasis('loadBalancer', lb.loadBalancerArn) !== 'none' || emphasis('task', t.taskArn) === 'focus';
      if (!few && !lit) continue;
      (lit ? litEdges : edges).push({ id: `${lbNode}->${nodeId.task(t.taskArn)}`, source: lbNode, target: nodeId.task(t.taskArn), type: 'traffic', data: { taskArn: t.taskArn, loadBalancerArn: lb.loadBalancerArn }, className: `edge-traffic edge-target target-${target.state}${lit ? ' emphasised' : ''}`, focusable: false, selectable: false, zIndex: 0 });
    }
  }
  // Past a dozen tasks in a service, its band already says whose they are, and 50 lines from
  // one card are a fan that hides the tasks and costs paint and DOM with every task: draw them
  // only for what the user points at (the service, or one of its tasks).
  const shownPerService = new Map<string, number>();
  const shownPerSchedule = new Map<string, number>();
  const scheduleOf = new Map<string, string>(); // task ARN → the schedule that started it, if it is on the diagram
  for (const t of ordered) {
    if (t.serviceName) shownPerService.set(t.serviceName, (shownPerService.get(t.serviceName) ?? 0) + 1);
    const sc = scheduleNameOf(t.startedBy);
    if (sc !== null && layout.schedules.has(sc)) {
      scheduleOf.set(t.taskArn, sc);
      shownPerSchedule.set(sc, (shownPerSchedule.get(sc) ?? 0) + 1);
    }
  }
  for (const sc of world.schedules.values()) {
    const td = resolveTaskDefinition(world, sc.target.taskDefinition);
    if (td && layout.taskDefinitions.has(td.taskDefinitionArn)) edge(nodeId.taskDefinition(td.taskDefinitionArn), nodeId.schedule(sc.name), 'edge-blueprint', emphasis('schedule', sc.name) !== 'none');
  }
  for (const t of ordered) {
    const taskEmphasised = emphasis('task', t.taskArn) !== 'none';
    const sc = scheduleOf.get(t.taskArn);
    if (sc !== undefined) {
      const lit = taskEmphasised && (options.focus?.kind === 'schedule' || options.focus?.kind === 'task');
      if (lit || (shownPerSchedule.get(sc) ?? 0) <= MAX_SERVICE_EDGES) edge(nodeId.schedule(sc), nodeId.task(t.taskArn), 'edge-service edge-schedule', lit);
    }
    if (t.serviceName && layout.services.has(t.serviceName)) {
      const lit = taskEmphasised && options.focus?.kind !== 'taskDefinition' && options.focus?.kind !== 'loadBalancer';
      if (lit || (shownPerService.get(t.serviceName) ?? 0) <= MAX_SERVICE_EDGES) edge(nodeId.service(t.serviceName), nodeId.task(t.taskArn), 'edge-service', lit);
    }
    // Blueprint → task links only for what the user points at, so the picture stays calm.
    const pointsAtBlueprint = options.focus?.kind === 'taskDefinition' && options.focus.id === t.taskDefinitionArn;
    const pointsAtTask = options.focus?.kind === 'task' && options.focus.id === t.taskArn;
    if ((pointsAtBlueprint || pointsAtTask) && layout.taskDefinitions.has(t.taskDefinitionArn)) {
      edge(nodeId.taskDefinition(t.taskDefinitionArn), nodeId.task(t.taskArn), 'edge-blueprint-task', true);
    }
  }

  // Every edge is drawn under the nodes (at one z-index the nodes' layer comes after the edges'), so
  // one that passes a card or a task on its way to a task further down goes behind it, not across
  // its text (issue 11); the emphasised ones last, over the other edges.
  return { nodes, edges: litEdges.length === 0 ? edges : [...edges, ...litEdges], memory: layout.memory, recentlyStopped };
}

/** How many targets are in each state, e.g. "3 healthy, 1 draining". */
export function targetCounts(tg: TargetGroup, separator: string): string {
  const counts = Object.entries(countTargetStates(tg));
  return counts.length === 0 ? 'no registered targets' : counts.map(([state, n]) => `${n} ${state}`).join(separator);
}

/** Slots per AZ for a service: its share of desiredCount, plus ~20 % (at least one) for the
 *  replacements that start while the tasks they replace are still winding down. */
export function reserveFor(desiredCount: number, zones: number): number {
  const share = Math.ceil(desiredCount / zones);
  return share + Math.max(1, Math.ceil(share * 0.2));
}

function placed(id: string, type: NodeData['kind'], box: Box, data: NodeData): DiagramNode {
  return {
    id,
    type,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    data,
    selected: false,
    selectable: true,
    focusable: true,
    draggable: false,
    zIndex: 0,
    ariaLabel: data.label,
  };
}

/** Node ids (`kind:id`) of everything linked to the focus: its blueprint, its service, its tasks. */
function relatedTo(focus: Focus, world: World, tasks: Task[]): Set<string> {
  const out = new Set<string>();
  if (!focus) return out;
  if (focus.kind === 'task') {
    const t = world.tasks.get(focus.id);
    if (t) {
      out.add(nodeId.taskDefinition(t.taskDefinitionArn));
      if (t.serviceName) out.add(nodeId.service(t.serviceName));
      const sc = scheduleNameOf(t.startedBy);
      if (sc !== null) out.add(nodeId.schedule(sc));
    }
  } else if (focus.kind === 'service') {
    const s = world.services.get(focus.id);
    if (s) out.add(nodeId.taskDefinition(s.taskDefinition));
    for (const t of tasks) if (t.serviceName === focus.id) out.add(nodeId.task(t.taskArn));
  } else if (focus.kind === 'schedule') {
    const sc = world.schedules.get(focus.id);
    const td = sc && resolveTaskDefinition(world, sc.target.taskDefinition);
    if (td) out.add(nodeId.taskDefinition(td.taskDefinitionArn));
    for (const t of tasks) if (scheduleNameOf(t.startedBy) === focus.id) out.add(nodeId.task(t.taskArn));
  } else if (focus.kind === 'loadBalancer') {
    const lb = world.loadBalancers.get(focus.id);
    const tg = lb && world.targetGroups.get(lb.listener.defaultTargetGroupArn);
    for (const t of tasks) if (tg?.targets.has(t.taskArn)) out.add(nodeId.task(t.taskArn));
  } else {
    for (const t of tasks) if (t.taskDefinitionArn === focus.id) out.add(nodeId.task(t.taskArn));
    for (const s of world.services.values()) if (s.taskDefinition === focus.id) out.add(nodeId.service(s.serviceName));
    for (const sc of world.schedules.values()) if (resolveTaskDefinition(world, sc.target.taskDefinition)?.taskDefinitionArn === focus.id) out.add(nodeId.schedule(sc.name));
  }
  return out;
}
