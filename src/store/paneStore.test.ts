import { describe, expect, it } from 'vitest';
import { isOnDiagram, nodeId, type TaskNodeData } from '../diagram/project.ts';
import { createPaneStore, newPaneSession, NODE_CHANGES_PER_FRAME, TRANSCRIPT_LIMIT, TYPED_HISTORY_LIMIT } from './paneStore.ts';

const createSimStore = ({ scenario, seed }: { scenario: string; seed: number }) => createPaneStore(newPaneSession(scenario, seed));
const settings = { seed: 1, scenario: 'busy' };

describe('the store keeps the diagram in step with the world', () => {
  it('spreads a burst of node changes over frames, and catches up with the world', () => {
    const store = createSimStore(settings);
    const tasksShown = () => store.getState().diagram.nodes.filter((n) => n.data.kind === 'task');
    // 200 tasks start together; their first health checks pass in the same moment.
    let t = 0;
    let maxChanged = 0;
    let previous = store.getState().diagram.nodes;
    while (t < 60_000) {
      t += 100;
      store.getState().advanceTo(t);
      const nodes = store.getState().diagram.nodes;
      const before = new Map(previous.map((n) => [n.id, n]));
      const changed = nodes.filter((n) => before.has(n.id) && before.get(n.id) !== n).length;
      maxChanged = Math.max(maxChanged, changed);
      previous = nodes;
    }
    expect(maxChanged).toBeLessThanOrEqual(NODE_CHANGES_PER_FRAME);
    // Once the world is quiet, the diagram catches up within the frames its backlog needs.
    let frames = 0;
    while (store.getState().diagramBehind) {
      store.getState().advanceTo((t += 100));
      expect(++frames).toBeLessThanOrEqual(Math.ceil(250 / NODE_CHANGES_PER_FRAME));
    }
    // Caught up: every node shows its task as the world has it now.
    const world = store.getState().sim.world;
    expect(store.getState().diagramBehind).toBe(false);
    for (const n of tasksShown()) expect((n.data as TaskNodeData).task).toBe(world.tasks.get((n.data as TaskNodeData).task.taskArn));
    expect(tasksShown().filter((n) => (n.data as TaskNodeData).task.healthStatus === 'HEALTHY')).toHaveLength(200);
  });

  it('draws 200 new tasks over a few frames, paused or not: the frame at once, the tasks a few at a time', () => {
    const store = createSimStore(settings);
    const shown = () => new Set(store.getState().diagram.nodes.map((n) => n.id));
    const taskCount = () => store.getState().diagram.nodes.filter((n) => n.data.kind === 'task').length;
    store.getState().advanceTo(5_000); // one frame of playback in which the services launch 200 tasks
    expect(store.getState().sim.world.tasks.size).toBe(200);
    const first = store.getState();
    // The cluster, its zones, the service bands and cards are there from the first frame…
    for (const kind of ['cluster', 'zone', 'band', 'service', 'taskDefinition']) expect(first.diagram.nodes.some((n) => n.data.kind === kind)).toBe(true);
    // …the tasks follow, no more per frame than a burst of changes may bring (the service cards'
    // new counts are changes too).
    expect(taskCount()).toBeGreaterThan(0);
    expect(taskCount()).toBeLessThanOrEqual(NODE_CHANGES_PER_FRAME);
    expect(first.diagramBehind).toBe(true);
    // No edge points at a task that is not drawn yet, and React Flow gets exactly what is drawn.
    for (const e of first.diagram.edges) expect(shown().has(e.source) && shown().has(e.target)).toBe(true);
    expect(first.flowNodes.map((n) => n.id)).toEqual(first.diagram.nodes.map((n) => n.id));
    // Time stands still (a paused embed): each frame's catch-up still brings the next tasks.
    let frames = 0;
    while (store.getState().diagramBehind) {
      store.getState().catchUp();
      frames++;
      expect(frames).toBeLessThan(50);
    }
    expect(store.getState().sim.now).toBe(5_000);
    expect(taskCount()).toBe(200);
    expect(frames).toBeLessThanOrEqual(Math.ceil(200 / NODE_CHANGES_PER_FRAME));
    // 50 tasks a service is a crowd: its edges to them are drawn only for the service pointed at.
    const taskEdges = () => store.getState().diagram.edges.filter((e) => e.id.includes('task:')).length;
    expect(taskEdges()).toBe(0);
    store.getState().select({ kind: 'service', id: 'web' });
    expect(taskEdges()).toBeGreaterThanOrEqual(50);
    store.getState().select(null);
    // Nothing more owed: a catch-up now changes nothing at all.
    const settled = store.getState();
    store.getState().catchUp();
    expect(store.getState()).toBe(settled);
  });

  it('at 64× a 200-task start changes more tasks than a frame may draw: each waits its turn, not for the ones before it', () => {
    const store = createSimStore(settings);
    // A frame at 64× is about 1.1 s of sim time. For each task, how many frames in a row its node
    // shows an older task than the world has.
    const since = new Map<string, number>();
    let longest = 0;
    for (let frame = 0; store.getState().sim.now < 240_000; frame++) {
      store.getState().advanceTo(store.getState().sim.now + 1_100);
      const { sim, nodeById } = store.getState();
      for (const t of sim.world.tasks.values()) {
        if (!isOnDiagram(t, sim.now)) continue;
        const data = nodeById.get(nodeId.task(t.taskArn))?.data as TaskNodeData | undefined;
        if (data?.task !== t) since.set(t.taskArn, since.get(t.taskArn) ?? frame);
        else if (since.has(t.taskArn)) {
          longest = Math.max(longest, frame - since.get(t.taskArn)!);
          since.delete(t.taskArn);
        }
      }
    }
    expect(since.size).toBe(0);
    // A turn comes round every ⌈200 / NODE_CHANGES_PER_FRAME⌉ frames, a little later when the
    // service and zone cards take some of a frame's changes. In reading order alone, the last
    // zone's tasks waited more than twice that.
    expect(longest).toBeLessThanOrEqual(Math.ceil((200 / NODE_CHANGES_PER_FRAME) * 1.25));
  });

  it('hands React Flow the same node objects when only what a node shows has changed', () => {
    const store = createSimStore({ ...settings, scenario: 'default' });
    store.getState().advanceTo(120_000);
    while (store.getState().diagramBehind) store.getState().catchUp(); // the frames that follow
    const before = store.getState().flowNodes;
    const victim = [...store.getState().sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    store.getState().dispatch({ type: 'stopTask', task: victim.taskArn });
    expect(store.getState().flowNodes).toBe(before); // nothing moved: React Flow has nothing to do
    const node = store.getState().nodeById.get(nodeId.task(victim.taskArn))!;
    expect((node.data as TaskNodeData).task.desiredStatus).toBe('STOPPED'); // the node's content did change
    store.getState().select({ kind: 'task', id: victim.taskArn });
    const after = store.getState().flowNodes;
    expect(after).not.toBe(before);
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual([nodeId.task(victim.taskArn)]);
  });

  it('shows what the user did at once, however much else changed', () => {
    const store = createSimStore({ ...settings, scenario: 'default' });
    store.getState().advanceTo(70_000);
    const victim = [...store.getState().sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    store.getState().dispatch({ type: 'stopTask', task: victim.taskArn });
    const node = store.getState().diagram.nodes.find((n) => n.id === nodeId.task(victim.taskArn))!;
    expect((node.data as TaskNodeData).task.desiredStatus).toBe('STOPPED');
  });

  it('resets to the scenario start, keeping the orientation', () => {
    const store = createSimStore({ ...settings, scenario: 'default' });
    store.getState().setOrientation('tall');
    store.getState().advanceTo(90_000);
    store.getState().select({ kind: 'service', id: 'web' });
    store.getState().reset();
    // The default scene opens warm, 65 s in (its opensAt).
    expect(store.getState().sim.now).toBe(65_000);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().orientation).toBe('tall');
  });

  it('a reset is a new session: the one left behind is untouched (Undo loads it back)', () => {
    const store = createSimStore({ ...settings, scenario: 'basic' });
    store.getState().advanceTo(40_000);
    store.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 2 });
    const before = store.getState().session;
    const epoch = store.getState().timeline.epoch;
    store.getState().reset();
    expect(store.getState().session).not.toBe(before);
    expect(store.getState().timeline).toEqual({ epoch: epoch + 1, cause: 'reset' });
    expect(store.getState().session.entries).toEqual([]);
    expect(before.entries).toHaveLength(1);
    store.getState().load(before);
    expect(store.getState().sim.now).toBe(40_000);
    expect(store.getState().timeline).toEqual({ epoch: epoch + 2, cause: 'open' }); // the pane's epochs only go up
  });

  it('a seek shows the moment sought: the same plans and events as the first time, the layout kept, a selection back when it exists again', () => {
    const store = createSimStore({ ...settings, scenario: 'default' });
    store.getState().advanceTo(70_000);
    const victim = [...store.getState().sim.world.tasks.values()].find((t) => t.serviceName === 'web')!;
    store.getState().dispatch({ type: 'stopTask', task: victim.taskArn });
    for (let t = 70_000; t < 150_000; t += 100) store.getState().advanceTo(t + 100);
    const replacement = [...store.getState().sim.world.tasks.values()].find((t) => t.serviceName === 'web' && t.createdAt > 60_000)!;
    store.getState().select({ kind: 'task', id: replacement.taskArn });
    const at150 = { plans: store.getState().plans, recent: store.getState().recent, slots: store.getState().diagram.memory };
    store.getState().dispatch({ type: 'updateService', service: 'nope', desiredCount: 1 });
    expect(store.getState().lastRejection).toMatch(/Service not found/);

    store.getState().seek(30_000); // before the replacement existed
    expect(store.getState().timeline.cause).toBe('seek');
    expect(store.getState().selection).toBeNull();
    expect(store.getState().lastRejection).toBeNull();
    store.getState().seek(150_000);
    expect(store.getState().selection).toEqual({ kind: 'task', id: replacement.taskArn });
    expect(store.getState().plans).toEqual(at150.plans);
    expect(store.getState().recent).toEqual(at150.recent);
    expect(store.getState().diagram.memory.slots).toEqual(at150.slots.slots);
  });
});

describe('the transcript: what the terminal shows of what was done', () => {
  const running = (store: ReturnType<typeof createSimStore>) => [...store.getState().sim.world.tasks.values()].find((t) => t.lastStatus === 'RUNNING' && t.serviceName === 'web')!;

  it('keeps an accepted command from the page with the world as it was just before it', () => {
    const store = createSimStore({ scenario: 'default', seed: 3 });
    store.getState().advanceTo(70_000);
    const task = running(store);
    store.getState().dispatch({ type: 'stopTask', task: task.taskArn });
    const [entry] = store.getState().transcript;
    expect(entry).toMatchObject({ kind: 'ui', at: 70_000, command: { type: 'stopTask', task: task.taskArn } });
    // The world before: the task was still running, though it is stopping now.
    if (entry?.kind !== 'ui') throw new Error('expected an entry from the page');
    expect(entry.before.tasks.get(task.taskArn)?.desiredStatus).toBe('RUNNING');
    expect(store.getState().sim.world.tasks.get(task.taskArn)?.desiredStatus).toBe('STOPPED');
  });

  it('leaves out a rejected command and one the terminal sent (it prints its own line), and keeps typed lines', () => {
    const store = createSimStore({ scenario: 'default', seed: 3 });
    store.getState().dispatch({ type: 'updateService', service: 'no-such-service', desiredCount: 2 });
    store.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 4 }, 'cli');
    expect(store.getState().transcript).toEqual([]);
    store.getState().typed({ line: 'aws ecs list-services', stdout: '{}\n', stderr: '', exitCode: 0 });
    expect(store.getState().transcript).toMatchObject([{ kind: 'cli', line: 'aws ecs list-services', exitCode: 0 }]);
  });

  it('keeps the newest TRANSCRIPT_LIMIT entries, in order, and starts afresh with another session', () => {
    const store = createSimStore({ scenario: 'default', seed: 3 });
    for (let i = 0; i < TRANSCRIPT_LIMIT + 5; i++) store.getState().typed({ line: `aws ecs list-services # ${i}`, stdout: '', stderr: '', exitCode: 0 });
    const lines = store.getState().transcript.map((e) => (e.kind === 'cli' ? e.line : ''));
    expect(lines).toHaveLength(TRANSCRIPT_LIMIT);
    expect(lines[0]).toBe('aws ecs list-services # 5');
    expect(lines.at(-1)).toBe(`aws ecs list-services # ${TRANSCRIPT_LIMIT + 4}`);
    // A seek keeps it (it is what was done); a reset is another session — but the lines typed are
    // still recalled, as a shell keeps its history.
    store.getState().seek(0);
    expect(store.getState().transcript).toHaveLength(TRANSCRIPT_LIMIT);
    store.getState().reset();
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().typedLines).toHaveLength(TYPED_HISTORY_LIMIT);
    expect(store.getState().typedLines.at(-1)).toBe(`aws ecs list-services # ${TRANSCRIPT_LIMIT + 4}`);
  });

  it('drops what was done in a future that acting in the past replaced', () => {
    const store = createSimStore({ scenario: 'default', seed: 3 });
    store.getState().advanceTo(70_000);
    store.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 4 });
    store.getState().advanceTo(90_000);
    store.getState().typed({ line: 'aws ecs list-tasks', stdout: '', stderr: '', exitCode: 0 });
    store.getState().seek(80_000);
    // Before the fork the history is the whole story; the fork at 80 s cuts what came after it.
    expect(store.getState().transcript.map((e) => e.at)).toEqual([70_000, 90_000]);
    store.getState().dispatch({ type: 'updateService', service: 'web', desiredCount: 2 });
    expect(store.getState().transcript.map((e) => e.at)).toEqual([70_000, 80_000]);
    // Not a forgotten line for Up, though: what was typed is still recalled.
    expect(store.getState().typedLines).toEqual(['aws ecs list-tasks']);
  });
});
