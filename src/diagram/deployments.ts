// What a service's deployments look like on the page: which of its tasks are the new ones and
// which the old (by the deployments' ages, so a rollback still calls the bad revision "new"), and
// the rollout in a few words ("web:2 — 2 of 4 running, 1 old draining"). Pure, shared by the
// projection (the service node, the task nodes' tags) and the inspector.

import { familyRevision, isDeploymentStuck, isPendingStatus, isRollingBack, type Service, type Task } from '../sim/index.ts';

/** How a task node marks the deployment its task belongs to while a service has more than one. */
export type DeploymentTag = 'new' | 'old';

/** The rollout as a person reads it: ECS's rolloutState, or a failed deployment being rolled back. */
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'ROLLING_BACK';

export type Rollout = {
  state: RolloutState;
  /** The state as the node shows it: ECS's word, "FAILED · rolling back" during a rollback. */
  stateText: string;
  /** "web:2 — 2 of 4 running, 1 old draining". */
  progress: string;
  /** More than one deployment: old tasks and new side by side. */
  deploying: boolean;
  /** The scheduler can neither start nor stop a task (event E16 is standing). */
  stuck: boolean;
};

/** Which deployment is the newest among those a service lists or still has tasks of, and whether
 *  its tasks are mixed with another deployment's. A deployment that has left the list (done with,
 *  or failed and rolled back) is dated by its first task, so the bad revision of a rollback stays
 *  "new" until its last task has stopped, and the tags never flip. */
export type DeploymentsView = { newest: string | null; mixed: boolean };

export function deploymentsView(service: Service, tasks: readonly Task[]): DeploymentsView {
  const born = new Map<string, number>();
  for (const d of service.deployments) born.set(d.id, d.createdAt);
  const live = new Set<string>();
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED' || t.serviceName !== service.serviceName) continue;
    live.add(t.startedBy);
    if (!service.deployments.some((d) => d.id === t.startedBy)) born.set(t.startedBy, Math.min(born.get(t.startedBy) ?? Infinity, t.createdAt));
  }
  let newest: string | null = null;
  let newestAt = -Infinity;
  for (const [id, at] of born) {
    if (at > newestAt || (at === newestAt && service.deployments.find((d) => d.id === id)?.status === 'PRIMARY')) {
      newest = id;
      newestAt = at;
    }
  }
  return { newest, mixed: service.deployments.length > 1 || live.size > 1 };
}

/** "new" or "old" for a task of a service whose tasks are mixed; null otherwise (nothing to tell apart). */
/** Whether deployment `id` is the new one of the view, or an old one. */
export const tagOf = (view: DeploymentsView, id: string): DeploymentTag => (id === view.newest ? 'new' : 'old');

export function deploymentTag(view: DeploymentsView | undefined, task: Task): DeploymentTag | null {
  if (!view?.mixed || task.serviceName === undefined) return null;
  return tagOf(view, task.startedBy);
}

/** The primary deployment's rollout, read from the service and its tasks (STOPPED ones are ignored). */
export function rolloutOf(service: Service, tasks: readonly Task[], view: DeploymentsView = deploymentsView(service, tasks)): Rollout {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY') ?? service.deployments[0];
  const deploying = view.mixed;
  const stuck = isDeploymentStuck(service);
  if (!primary) return { state: 'COMPLETED', stateText: 'COMPLETED', progress: '', deploying, stuck };
  const state: RolloutState = isRollingBack(primary) ? 'ROLLING_BACK' : primary.rolloutState;
  const stateText = state === 'ROLLING_BACK' ? 'FAILED · rolling back' : state;

  const behindLoadBalancer = service.loadBalancers.length > 0;
  let running = 0;
  let starting = 0;
  const others = { new: { running: 0, draining: 0, stopping: 0 }, old: { running: 0, draining: 0, stopping: 0 } };
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED' || t.serviceName !== service.serviceName) continue;
    if (t.startedBy === primary.id) {
      if (t.desiredStatus !== 'RUNNING') continue;
      if (t.lastStatus === 'RUNNING') running++;
      else if (isPendingStatus(t.lastStatus)) starting++;
      continue;
    }
    const side = others[tagOf(view, t.startedBy)];
    if (t.desiredStatus === 'RUNNING') side.running++;
    else if (t.lastStatus === 'DEACTIVATING' || (behindLoadBalancer && t.lastStatus === 'RUNNING')) side.draining++;
    else side.stopping++;
  }
  const parts = [`${running} of ${primary.desiredCount} running`];
  if (starting > 0) parts.push(`${starting} starting`);
  for (const tag of ['old', 'new'] as const) {
    const o = others[tag];
    if (o.running > 0) parts.push(`${o.running} ${tag} running`);
    if (o.draining > 0) parts.push(`${o.draining} ${tag} draining`);
    if (o.stopping > 0) parts.push(`${o.stopping} ${tag} stopping`);
  }
  const revision = familyRevision(primary.taskDefinition);
  const progress = `${state === 'ROLLING_BACK' ? `to ${revision}` : revision} — ${parts.join(', ')}`;
  return { state, stateText, progress, deploying, stuck };
}

/** The words a screen reader hears for the rollout, added to the service's name while it deploys. */
export const rolloutLabel = (r: Rollout) => `deployment ${r.stateText}: ${r.progress}${r.stuck ? ', stuck' : ''}`;
