// A blueprint's containers in start order and in words, and the node's name listing each
// container's state — read from the multi-container scenes.

import { describe, expect, it } from 'vitest';
import { findScenario, Simulation, type TaskDefinition } from '../sim/index.ts';
import { dependentsOf, logDestination, secretSource, startLayers, startOrderLine, waitsFor } from './containers.ts';
import { EMPTY_MEMORY } from './layout.ts';
import { projectDiagram } from './project.ts';

const scene = (name: string) => Simulation.create({ seed: 3, scenario: findScenario(name)! });
const definition = (sim: Simulation, arn: string): TaskDefinition => [...sim.world.taskDefinitions.values()].find((td) => td.taskDefinitionArn.endsWith(arn))!;

describe('containers in start order', () => {
  it('puts a dependency before what waits for it, and says what each waits for', () => {
    const sim = scene('init-job');
    const td = definition(sim, 'nightly:1');
    expect(startLayers(td).map((l) => l.map((c) => c.name))).toEqual([['fetch-config'], ['job']]);
    expect(startOrderLine(td)).toBe('fetch-config → job');
    const [init, job] = td.containerDefinitions;
    expect(waitsFor(init!)).toBeNull();
    expect(waitsFor(job!)).toBe('starts once fetch-config has exited with code 0 (SUCCESS)');
    expect(dependentsOf(td, 'fetch-config')).toEqual(['job']);
    expect(logDestination(job!)).toEqual({ group: '/ecs/nightly', region: 'us-east-1', stream: 'ecs/job/<task ID>' });
    expect(secretSource(job!.secrets[0]!.valueFrom)).toBe('Secrets Manager');
  });

  it('keeps containers that start together in one layer, in their order', () => {
    const sim = scene('sidecar');
    const td = definition(sim, 'web:1');
    expect(startOrderLine(td)).toBe('xray-daemon → web');
    const together = { ...td, containerDefinitions: td.containerDefinitions.map((c) => ({ ...c, dependsOn: [] })) };
    expect(startOrderLine(together)).toBe('web + xray-daemon');
  });

  it("names each container's state in the task node's accessible name", () => {
    const sim = scene('init-job');
    sim.advanceTo(60_000);
    const d = projectDiagram(sim.world, EMPTY_MEMORY, { focus: null, selected: null, orientation: 'wide' });
    expect(d.nodes.find((n) => n.type === 'taskDefinition' && n.ariaLabel.includes('nightly:1'))!.ariaLabel).toMatch(/containers fetch-config, then job$/);
    expect(d.nodes.find((n) => n.type === 'task')!.ariaLabel).toMatch(/containers fetch-config STOPPED exit code 0, job RUNNING$/);
  });
});
