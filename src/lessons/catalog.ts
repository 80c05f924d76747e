// What the first screen knows of the lessons without loading them: ids and titles, in course
// order, for the URL's ?lesson= and the lessons menu. The lessons themselves (index.ts) load when
// one is opened; lessons.test.ts checks this list against them.

/** `scene`: the scenario it starts from, so the page can show it before the lesson has loaded. */
export type CatalogEntry = { id: string; title: string; scene: string };

export const CATALOG: readonly CatalogEntry[] = [
  { id: 'anatomy', title: 'Anatomy: task definition, revision, task', scene: 'lesson-anatomy' },
  { id: 'one-off-job', title: 'A one-off job', scene: 'lesson-job' },
  { id: 'kill-a-task', title: 'Kill a task: service vs standalone', scene: 'lesson-kill' },
  { id: 'scale-across-zones', title: 'Scale out and in across Availability Zones', scene: 'lesson-scale' },
  { id: 'behind-a-load-balancer', title: 'Behind a load balancer', scene: 'lesson-load-balancer' },
  { id: 'running-is-not-healthy', title: 'RUNNING is not healthy', scene: 'lesson-health' },
  { id: 'stopping-takes-time', title: 'Stopping takes time', scene: 'lesson-stop' },
  { id: 'rolling-deployment', title: 'Roll out a new revision', scene: 'lesson-rolling' },
  { id: 'circuit-breaker', title: 'A bad deployment and the circuit breaker', scene: 'lesson-circuit-breaker' },
  { id: 'crash-loop-vs-wont-start', title: "Crash loop vs won't start", scene: 'lesson-crash-vs-start' },
  { id: 'immutable-revision', title: 'A revision is immutable', scene: 'lesson-immutable' },
];

export const catalogEntry = (id: string): CatalogEntry | undefined => CATALOG.find((c) => c.id === id);
