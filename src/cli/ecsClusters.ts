// aws ecs: the cluster (ListClusters, DescribeClusters, CreateCluster). The playground has one,
// "default", with Fargate capacity only: no container instances. Its counts are what
// DescribeClusters reports, counted as the engine counts a service's (runningCount: lastStatus
// RUNNING; pendingCount: PROVISIONING, PENDING, ACTIVATING).

import { isPendingStatus, type World } from '../sim/index.ts';
import { clusterArnOf, get, str, type Handler } from './context.ts';
import { playgroundRefusal } from './format.ts';

/** A Cluster (API:Cluster), in the model's order: only what the playground has. */
function clusterShape(world: World) {
  let running = 0;
  let pending = 0;
  for (const t of world.tasks.values()) {
    if (t.lastStatus === 'RUNNING') running++;
    else if (isPendingStatus(t.lastStatus)) pending++;
  }
  let services = 0;
  for (const s of world.services.values()) if (s.status === 'ACTIVE') services++;
  return {
    clusterArn: clusterArnOf(world),
    clusterName: world.config.clusterName,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: services,
    statistics: [],
    tags: [],
  };
}

export const listClusters: Handler = (_input, ctx) => ({ response: { clusterArns: [clusterArnOf(ctx.host.world())] } });

export const describeClusters: Handler = (input, ctx) => {
  const world = ctx.host.world();
  const given = get(input, 'clusters');
  const refs = Array.isArray(given) ? (given as string[]) : [world.config.clusterName];
  const clusters: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (const ref of refs) {
    if (ref === world.config.clusterName || ref === clusterArnOf(world)) clusters.push(clusterShape(world));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : `arn:aws:ecs:${world.config.region}:${world.config.accountId}:cluster/${ref}`, reason: 'MISSING' });
  }
  return { response: { clusters, failures } };
};

/** CreateCluster of a name that exists answers with that cluster, as ECS does; the playground
 *  cannot make a second one. */
export const createCluster: Handler = (input, ctx) => {
  const world = ctx.host.world();
  const name = str(input, 'clusterName') ?? 'default';
  if (name !== world.config.clusterName)
    return playgroundRefusal(`The playground has one cluster, ${world.config.clusterName}, and cannot create ${name.slice(0, 64)}: say --cluster-name ${world.config.clusterName}, or leave it out.`);
  return { response: { cluster: clusterShape(world) } };
};
