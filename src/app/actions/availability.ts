// Which actions make sense for a task right now, and — when one doesn't — why, in words a learner
// can use. Impossible actions are shown disabled with this reason rather than hidden, because the
// reason is often the lesson ("nothing replaces a standalone task"). availability.test.ts checks
// these rules against the engine: enabled here ⇔ the engine accepts the command.

import { activeTargetsOf, RUN_TASK_NO_LOAD_BALANCER, shortId, type Task, type World } from '../../sim/index.ts';

export type Availability = { enabled: true } | { enabled: false; reason: string };
export type TaskActionName = 'stop' | 'crash' | 'oom' | 'failHealth' | 'hang' | 'scale' | 'loadBalancer';

const yes: Availability = { enabled: true };
const no = (reason: string): Availability => ({ enabled: false, reason });

export function taskActions(world: World, task: Task): Record<TaskActionName, Availability> {
  const id = shortId(task.taskId);
  const stop = task.desiredStatus === 'STOPPED'
    ? no(task.lastStatus === 'STOPPED' ? `Task ${id} has already stopped.` : `Task ${id} is already on its way to STOPPED.`)
    : yes;
  const notRunning =
    task.desiredStatus === 'STOPPED'
      ? `Task ${id} is stopping: faults hit RUNNING tasks only.`
      : task.lastStatus !== 'RUNNING'
        ? `Task ${id} is ${task.lastStatus}: its containers are not running yet.`
        : null;
  const essential = task.containers.find((c) => c.essential);
  const essentialDown = essential && essential.lastStatus !== 'RUNNING' ? `Container ${essential.name} has already stopped.` : null;
  const crash = notRunning ? no(notRunning) : essentialDown ? no(essentialDown) : yes;
  const definition = world.taskDefinitions.get(task.taskDefinitionArn);
  // The container checked: one with a health check, or (behind a load balancer) the essential one.
  const behindLoadBalancer = activeTargetsOf(world, task.taskArn).length > 0;
  const checked = definition?.containerDefinitions.find((d) => d.essential && d.healthCheck) ?? (behindLoadBalancer ? definition?.containerDefinitions.find((d) => d.essential) : undefined);
  const failHealth = notRunning
    ? no(notRunning)
    : !checked
      ? no(`${task.family}:${task.revision} has no container health check and no load balancer checks it, so nothing would notice a failure. Register a revision with a healthCheck.`)
      : task.containers.find((c) => c.name === checked.name)?.lastStatus !== 'RUNNING'
        ? no(`Container ${checked.name} has already stopped.`)
        : yes;
  const scale = task.serviceName
    ? yes
    : no(`A standalone task was started by ${task.startedBy === 'you' ? 'you' : task.startedBy}, not by a service: nothing scales it, and nothing replaces it if it stops.`);
  // Nothing puts a task behind a load balancer by hand: a service does it for its own tasks.
  const service = task.serviceName !== undefined ? world.services.get(task.serviceName) : undefined;
  const loadBalancer = !service
    ? no(`A task you run yourself can't join a load balancer. ${RUN_TASK_NO_LOAD_BALANCER}`)
    : service.loadBalancers.length > 0
      ? no(`Service ${service.serviceName} registers its tasks itself: this one ${behindLoadBalancer ? 'is a target already' : 'is registered when it runs, and deregistered before it stops'}.`)
      : no(`Service ${service.serviceName} has no load balancer: a service gets one when it is created (its loadBalancers).`);
  // A hung app is found out by the same checks that notice a failing one (ALB or container).
  return { stop, crash, oom: crash, failHealth, hang: failHealth, scale, loadBalancer };
}
