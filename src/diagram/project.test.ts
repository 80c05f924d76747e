import { describe, expect, it } from 'vitest';
import { Simulation, shortId, type Task } from '../sim/index.ts';
import { EMPTY_MEMORY, type LayoutMemory } from './layout.ts';
import { nodeId, projectDiagram, STOPPED_LINGER, type Focus, type TaskNodeData } from './project.ts';
import { edgesBetween, limitChanges, shareEdges, shareUnchanged, toFlowNodes } from './share.ts';

const project = (sim: Simulation, memory: LayoutMemory = EMPTY_MEMORY, focus: Focus = null, selected: Focus = null) =>
  projectDiagram(sim.world, memory, { focus, selected, orientation: 'wide' });
const taskNodes = (d: ReturnType<typeof project>) => d.nodes.filter((n) => n.type === 'task');
const webTasks = (sim: Simulation) => [...sim.world.tasks.values()].filter((t) => t.serviceName === 'web' && t.desiredStatus === 'RUNNING');

describe('projectDiagram', () => {
  it('draws the default scene: two blueprints, service web, its three tasks and the report job', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const d = project(sim);
    expect(d.nodes.filter((n) => n.type === 'taskDefinition').map((n) => n.ariaLabel)).toEqual([
      'Task definition report:1, ACTIVE, 0.25 vCPU 512 MiB, container report',
      'Task definition web:1, ACTIVE, 0.25 vCPU 512 MiB, container web',
    ]);
    expect(d.nodes.filter((n) => n.type === 'service').map((n) => n.ariaLabel)).toEqual([
      'Service web, ACTIVE, desired 3, running 3, pending 0, task definition web:1',
    ]);
    expect(d.nodes.filter((n) => n.type === 'zone').map((n) => n.id)).toEqual(['zone:us-east-1a', 'zone:us-east-1b', 'zone:us-east-1c']);
    const tasks = taskNodes(d);
    expect(tasks).toHaveLength(4);
    const web = webTasks(sim)[0]!;
    const node = tasks.find((n) => n.id === nodeId.task(web.taskArn))!;
    expect(node.ariaLabel).toBe(`Task ${shortId(web.taskId)}, RUNNING, service web, ${web.availabilityZone}, health HEALTHY, target healthy`);
    const report = [...sim.world.tasks.values()].find((t) => t.family === 'report')!;
    expect(tasks.find((n) => n.id === nodeId.task(report.taskArn))!.ariaLabel).toBe(
      `Task ${shortId(report.taskId)}, RUNNING, standalone, started by you, group family:report, ${report.availabilityZone}`,
    );
    // Each service task is linked to its service and, as a target, to the load balancer; the
    // standalone task to nothing at rest.
    const alb = nodeId.loadBalancer([...sim.world.loadBalancers.keys()][0]!);
    expect(d.edges.map((e) => e.id).sort()).toEqual(
      [
        `${nodeId.taskDefinition(sim.world.services.get('web')!.taskDefinition)}->${nodeId.service('web')}`,
        ...webTasks(sim).map((t) => `${nodeId.service('web')}->${nodeId.task(t.taskArn)}`),
        `clients->${alb}`,
        ...webTasks(sim).map((t) => `${alb}->${nodeId.task(t.taskArn)}`),
      ].sort(),
    );
    expect(d.nodes.find((n) => n.id === alb)!.ariaLabel).toBe('Load balancer web-alb, target group web-tg: 3 healthy');
    // Regions and the clients are neither focusable nor selectable; everything else is.
    for (const n of d.nodes) expect(n.focusable).toBe(!['zone', 'cluster', 'band', 'clients'].includes(n.type));
    // Each AZ labels its bands: the service's tasks, then the standalone ones.
    expect(d.nodes.filter((n) => n.id.startsWith('band:us-east-1a')).map((n) => n.data.label)).toEqual(['service web', 'standalone · family:report']);
  });

  it('orders tasks for the keyboard by AZ, then band, then slot', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const zones = taskNodes(project(sim)).map((n) => (n.data as TaskNodeData).task.availabilityZone);
    expect(zones).toEqual([...zones].sort());
  });

  it('shows desiredStatus when it differs, then fades the stopped task, then moves it to "recently stopped"', () => {
    const sim = Simulation.create({ seed: 7, scenario: 'basic' });
    sim.advanceBy(60_000);
    const victim = webTasks(sim)[0]!;
    let memory = project(sim).memory;
    sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    let d = project(sim, memory);
    memory = d.memory;
    expect(d.nodes.find((n) => n.id === nodeId.task(victim.taskArn))!.ariaLabel).toContain('RUNNING, desired STOPPED');

    sim.advanceBy(60_000); // STOPPING → DEPROVISIONING → STOPPED
    d = project(sim, memory);
    memory = d.memory;
    const stopped = sim.world.tasks.get(victim.taskArn)!;
    expect(stopped.lastStatus).toBe('STOPPED');
    const faded = d.nodes.find((n) => n.id === nodeId.task(victim.taskArn))!;
    expect((faded.data as TaskNodeData).fading).toBe(true);
    expect(faded.ariaLabel).toContain('stop code UserInitiated');

    sim.advanceTo(stopped.stoppedAt! + STOPPED_LINGER);
    d = project(sim, memory);
    expect(d.nodes.find((n) => n.id === nodeId.task(victim.taskArn))).toBeUndefined();
    expect(d.recentlyStopped.map((t: Task) => t.taskArn)).toContain(victim.taskArn);
    // The replacement is on the diagram, and the survivors never moved.
    expect(taskNodes(d).filter((n) => (n.data as TaskNodeData).task.serviceName === 'web')).toHaveLength(3);
  });

  it('keeps survivors in place through a kill and its replacement', () => {
    const sim = Simulation.create({ seed: 11 });
    sim.advanceBy(60_000);
    const first = project(sim);
    const [victim, ...survivors] = webTasks(sim);
    sim.dispatch({ type: 'stopTask', task: victim!.taskArn });
    let memory = first.memory;
    for (let i = 0; i < 20; i++) {
      sim.advanceBy(10_000);
      const d = project(sim, memory);
      memory = d.memory;
      for (const s of survivors) {
        expect(d.nodes.find((n) => n.id === nodeId.task(s.taskArn))!.position).toEqual(first.nodes.find((n) => n.id === nodeId.task(s.taskArn))!.position);
      }
    }
  });

  it('links a blueprint to its tasks only while the user points at it', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const web = sim.world.services.get('web')!;
    const atRest = project(sim).edges.filter((e) => e.className.includes('edge-blueprint-task'));
    expect(atRest).toEqual([]);
    const focus: Focus = { kind: 'taskDefinition', id: web.taskDefinition };
    const d = project(sim, EMPTY_MEMORY, focus);
    const links = d.edges.filter((e) => e.className.includes('edge-blueprint-task'));
    expect(links.map((e) => e.target).sort()).toEqual(webTasks(sim).map((t) => nodeId.task(t.taskArn)).sort());
    expect(d.nodes.find((n) => n.id === nodeId.service('web'))!.data).toMatchObject({ emphasis: 'related' });
    const report = d.nodes.find((n) => n.type === 'task' && (n.data as TaskNodeData).task.family === 'report')!;
    expect(report.data).toMatchObject({ emphasis: 'none' });
  });

  it('marks the selected node selected', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const selected: Focus = { kind: 'service', id: 'web' };
    const d = project(sim, EMPTY_MEMORY, selected, selected);
    expect(d.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([nodeId.service('web')]);
  });
});

describe('shareUnchanged', () => {
  it('hands back last time\'s object for a node that did not change', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const first = project(sim);
    const victim = webTasks(sim)[0]!;
    sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    const next = shareUnchanged(first.nodes, project(sim, first.memory).nodes);
    const changed = next.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    // The stopped task and the service (its counts) changed; the others are the same objects.
    expect(changed).toContain(nodeId.task(victim.taskArn));
    expect(changed).not.toContain(nodeId.task(webTasks(sim)[0]!.taskArn));
  });
});

describe('limitChanges', () => {
  const node = (id: string, type: string, v = 0) => ({ id, type, v });
  it('lets at most `max` changes through — a changed node keeps its old object, a new task waits — and never holds back the frame', () => {
    const before = [node('zone', 'zone'), node('a', 'task'), node('b', 'task')];
    const next = [node('zone', 'zone', 1), node('new-band', 'band'), node('a', 'task', 1), node('b', 'task', 1), node('c', 'task'), node('d', 'task')];
    const { nodes, behind } = limitChanges(before, next, 2);
    expect(behind).toBe(true);
    // zone and a are the first two changes; b keeps its old object; c and d are not drawn yet; the new band is.
    expect(nodes).toEqual([next[0], next[1], next[2], before[2]]);
    expect(limitChanges(before, next, 10)).toEqual({ nodes: next, behind: false });
    expect(limitChanges(before, before, 0)).toEqual({ nodes: before, behind: false });
  });
  it('drops the edges to a node that is not drawn yet, and hands back the same array when none is missing', () => {
    const edges = [{ id: 'e1', source: 's', target: 'a' }, { id: 'e2', source: 's', target: 'c' }];
    expect(edgesBetween(edges, [{ id: 's' }, { id: 'a' }])).toEqual([edges[0]]);
    expect(edgesBetween(edges, [{ id: 's' }, { id: 'a' }, { id: 'c' }])).toBe(edges);
  });
});

describe('toFlowNodes', () => {
  it('gives React Flow each node\'s size up front, keeps a size it measured, and names focusable nodes by their label', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    const d = project(sim);
    const flow = toFlowNodes('main', [], d.nodes);
    for (const [i, n] of flow.entries()) expect(n.measured).toEqual({ width: d.nodes[i]!.width, height: d.nodes[i]!.height });
    const task = flow.find((n) => n.type === 'task')!;
    expect(task.domAttributes).toEqual({ 'aria-labelledby': `main-label-${task.id}` });
    // Another pane showing the same world names the same node by another element.
    expect(toFlowNodes('twin', [], d.nodes).find((n) => n.id === task.id)!.domAttributes).toEqual({ 'aria-labelledby': `twin-label-${task.id}` });
    expect(flow.find((n) => n.type === 'zone')!.domAttributes).toBeUndefined();
    const remeasured = flow.map((n) => (n === task ? { ...n, measured: { width: 200, height: 101 } } : n));
    const selected = d.nodes.map((n) => (n.id === task.id ? { ...n, selected: true } : n));
    expect(toFlowNodes('main', remeasured, selected).find((n) => n.id === task.id)!.measured).toEqual({ width: 200, height: 101 });
  });
});

describe('sharing across ticks', () => {
  it('hands back the very same arrays when a tick changed nothing on the diagram', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(120_000);
    const first = project(sim);
    const again = project(sim, first.memory);
    expect(shareUnchanged(first.nodes, again.nodes)).toBe(first.nodes);
    // Given the last nodes, the projection itself reuses every unchanged task node (no garbage).
    const reused = projectDiagram(sim.world, first.memory, { focus: null, selected: null, orientation: 'wide' }, first.nodes);
    for (const n of reused.nodes.filter((x) => x.type === 'task')) expect(n).toBe(first.nodes.find((f) => f.id === n.id));
    expect(shareEdges(first.edges, again.edges)).toBe(first.edges);
    // A stop changes the stopped task's node and keeps every edge object that did not change.
    const victim = webTasks(sim)[0]!;
    sim.dispatch({ type: 'stopTask', task: victim.taskArn });
    const after = project(sim, first.memory);
    const edges = shareEdges(first.edges, after.edges);
    expect(edges.filter((e, i) => e === first.edges[i]).length).toBe(first.edges.length);
    expect(shareUnchanged(first.nodes, after.nodes)).not.toBe(first.nodes);
  });
});

describe('load balancer edges at scale', () => {
  it('draws one edge per target for a few targets, and only the pointed-at ones past a dozen', () => {
    const sim = Simulation.create({ seed: 3, scenario: 'rush' });
    sim.advanceBy(90_000);
    const d = project(sim);
    const targetEdges = (x: typeof d) => x.edges.filter((e) => e.className.includes('edge-target'));
    expect(targetEdges(d)).toEqual([]);
    const alb = [...sim.world.loadBalancers.keys()][0]!;
    const focus: Focus = { kind: 'loadBalancer', id: alb };
    expect(targetEdges(project(sim, d.memory, focus))).toHaveLength(30);
    const one = webTasks(sim)[0]!;
    expect(targetEdges(project(sim, d.memory, { kind: 'task', id: one.taskArn })).map((e) => e.data?.taskArn)).toEqual([one.taskArn]);
  });
});

describe('service edges at scale', () => {
  it('draws service → task edges for a dozen tasks, and past that only for the service or task pointed at', () => {
    const sim = Simulation.create({ seed: 3, scenario: 'busy' });
    sim.advanceBy(90_000);
    const d = project(sim);
    const serviceEdges = (x: typeof d, service: string) => x.edges.filter((e) => e.source === nodeId.service(service));
    expect(serviceEdges(d, 'web')).toEqual([]);
    expect(serviceEdges(project(sim, d.memory, { kind: 'service', id: 'web' }), 'web')).toHaveLength(50);
    const one = [...sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    expect(serviceEdges(project(sim, d.memory, { kind: 'task', id: one.taskArn }), 'web').map((e) => e.target)).toEqual([nodeId.task(one.taskArn)]);
    // A small service keeps its edges at rest.
    const small = Simulation.create({ seed: 3 });
    small.advanceBy(60_000);
    expect(serviceEdges(project(small), 'web')).toHaveLength(3);
  });
});

describe('names a user chose that are also Object.prototype members', () => {
  // A standalone task's group is the user's to name (RunTask's group), and it keys a band.
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('lays out a service and a task group named %s like any other', (name) => {
    const sim = Simulation.create({ seed: 2 });
    expect(sim.dispatch({ type: 'createService', serviceName: name, taskDefinition: 'web:1', desiredCount: 2 }).outcome.ok).toBe(true);
    expect(sim.dispatch({ type: 'runTask', taskDefinition: 'report:1', group: name }).outcome.ok).toBe(true);
    sim.advanceBy(60_000);
    const d = project(sim, EMPTY_MEMORY, { kind: 'service', id: name });
    const boxes = d.nodes.map((n) => [n.position.x, n.position.y, n.width, n.height]).flat();
    expect(boxes.every(Number.isFinite)).toBe(true);
    // Service bands first, then the standalone ones.
    expect(d.memory.bands.slice(0, 2).sort()).toEqual([`service:${name}`, 'service:web'].sort());
    expect(d.memory.bands.slice(2).sort()).toEqual(['family:report', name].sort());
    expect(d.nodes.find((n) => n.id === nodeId.service(name))?.ariaLabel).toBe(`Service ${name}, ACTIVE, desired 2, running 2, pending 0, task definition web:1`);
    expect(d.edges.filter((e) => e.source === nodeId.service(name))).toHaveLength(2);
    expect(taskNodes(d)).toHaveLength(3 + 2 + 2);
  });
});

describe('a deployment on the diagram', () => {
  it('tags each task new or old, names its revision, and says the rollout on the service', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'rolling' });
    sim.advanceTo(80_000);
    const rest = project(sim);
    expect(taskNodes(rest).map((n) => (n.data as TaskNodeData).deployment)).toEqual([null, null, null, null]);
    expect(rest.nodes.find((n) => n.id === nodeId.service('web'))!.ariaLabel).toBe('Service web, ACTIVE, desired 4, running 4, pending 0, task definition web:1');
    sim.advanceTo(130_000);
    const d = project(sim, rest.memory);
    const byRevision = (rev: number) => taskNodes(d).filter((n) => (n.data as TaskNodeData).task.revision === rev);
    expect(byRevision(2).map((n) => (n.data as TaskNodeData).deployment)).toEqual(['new', 'new', 'new', 'new']);
    expect(byRevision(1).map((n) => (n.data as TaskNodeData).deployment)).toEqual(['old', 'old', 'old', 'old']);
    expect(byRevision(2)[0]!.ariaLabel).toMatch(/, revision web:2, new deployment$/);
    const service = d.nodes.find((n) => n.id === nodeId.service('web'))!;
    expect(service.data).toMatchObject({ rolloutState: 'IN_PROGRESS', rolloutText: 'IN_PROGRESS', progress: 'web:2 — 4 of 4 running, 4 old running', deploying: true });
    expect(service.ariaLabel).toBe('Service web, ACTIVE, desired 4, running 8, pending 0, task definition web:2, deployment IN_PROGRESS: web:2 — 4 of 4 running, 4 old running');
  });

  it('reuses every task node when nothing changed mid-deployment, and re-makes one only when its tag or task does', () => {
    const sim = Simulation.create({ seed: 1, scenario: 'rolling' });
    sim.advanceTo(89_500);
    const before = project(sim);
    sim.advanceTo(90_000); // the update: every old task gains its "old" tag, nothing else moves
    const tagged = projectDiagram(sim.world, before.memory, { focus: null, selected: null, orientation: 'wide' }, before.nodes);
    for (const n of taskNodes(tagged)) {
      expect(n).not.toBe(before.nodes.find((b) => b.id === n.id));
      expect((n.data as TaskNodeData).deployment).toBe('old');
    }
    const again = projectDiagram(sim.world, tagged.memory, { focus: null, selected: null, orientation: 'wide' }, tagged.nodes);
    for (const n of taskNodes(again)) expect(n).toBe(tagged.nodes.find((b) => b.id === n.id));
    expect(shareUnchanged(tagged.nodes, again.nodes)).toBe(tagged.nodes);
  });
});

describe('schedules and zone faults on the diagram (issue 13)', () => {
  it('draws a schedule as a card linked to its blueprint and to the tasks it started, with its next run', async () => {
    await import('../sim/schedules.ts');
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    expect(sim.dispatch({ type: 'createSchedule', name: 'nightly', scheduleExpression: 'rate(5 minutes)', target: { taskDefinition: 'report' } }).outcome.ok).toBe(true);
    sim.advanceTo(2 * 60_000 + 30_000);
    const d = project(sim);
    const card = d.nodes.find((n) => n.id === nodeId.schedule('nightly'))!;
    expect(card.ariaLabel).toBe('Schedule nightly, ENABLED, rate(5 minutes), runs report, next run T+07:00, 1 run so far');
    const run = [...sim.world.tasks.values()].find((t) => t.startedBy === 'chronos-schedule/nightly')!;
    expect(d.edges.map((e) => e.id)).toContain(`${nodeId.schedule('nightly')}->${nodeId.task(run.taskArn)}`);
    expect(d.edges.map((e) => e.id)).toContain(`${nodeId.taskDefinition(run.taskDefinitionArn)}->${nodeId.schedule('nightly')}`);
    expect(taskNodes(d).find((n) => n.id === nodeId.task(run.taskArn))!.ariaLabel).toContain('standalone, started by chronos-schedule/nightly');
    // Pointing at the schedule lights its tasks.
    const focused = project(sim, d.memory, { kind: 'schedule', id: 'nightly' });
    expect(focused.nodes.find((n) => n.id === nodeId.task(run.taskArn))!.data).toMatchObject({ emphasis: 'related' });
  });

  it('says in words which zone is down and which is out of capacity', () => {
    const sim = Simulation.create({ seed: 7 });
    sim.advanceBy(60_000);
    sim.dispatch({ type: 'zoneOutage', availabilityZone: 'us-east-1b' });
    sim.dispatch({ type: 'capacityShortage', availabilityZone: 'us-east-1c' });
    const zones = project(sim).nodes.filter((n) => n.type === 'zone');
    expect(zones.map((z) => z.data)).toMatchObject([{ down: false, short: false }, { down: true, short: false }, { down: false, short: true }]);
    expect(zones[1]!.ariaLabel).toMatch(/^Availability Zone us-east-1b, down \(an outage\), \d+ running$/);
    expect(zones[2]!.ariaLabel).toMatch(/^Availability Zone us-east-1c, no Fargate capacity, \d running$/);
  });
});
