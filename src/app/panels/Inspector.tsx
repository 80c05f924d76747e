// The inspector: every field the engine has for the selected task, service or task definition,
// under AWS's own names, with the actions that apply to it.

import { lazy, Suspense } from 'react';
import { usePane, useThrottledVersion } from '../../store/StoreContext.tsx';

// Each inspector loads when first needed (issue #3's JS budget): the first screen selects nothing.
const TaskInspector = lazy(() => import('./TaskInspector.tsx').then((m) => ({ default: m.TaskInspector })));
const LoadBalancerInspector = lazy(() => import('./LoadBalancerInspector.tsx').then((m) => ({ default: m.LoadBalancerInspector })));
const ServiceInspector = lazy(() => import('./ServiceInspector.tsx').then((m) => ({ default: m.ServiceInspector })));
const ScheduleInspector = lazy(() => import('./ScheduleInspector.tsx').then((m) => ({ default: m.ScheduleInspector })));
const TaskDefinitionInspector = lazy(() => import('./TaskDefinitionInspector.tsx').then((m) => ({ default: m.TaskDefinitionInspector })));
const loading = <p className="muted">Loading…</p>;

/** `onViewLogs`: where the page shows logs (the Logs tab), when it has them beside the inspector. */
export function Inspector({ onViewLogs }: { onViewLogs?: () => void } = {}) {
  useThrottledVersion();
  const selection = usePane((s) => s.selection);
  const world = usePane((s) => s.sim.world);
  if (!selection) {
    return (
      <div className="inspector empty">
        <p>Select a task, a service, a schedule or a task definition — on the diagram (click, or Tab to it and press Enter) or in the tasks table — to see all its fields here.</p>
      </div>
    );
  }
  if (selection.kind === 'task') {
    const task = world.tasks.get(selection.id);
    return task ? <Suspense fallback={loading}><TaskInspector world={world} task={task} onViewLogs={onViewLogs} /></Suspense> : <Gone what="This task" />;
  }
  if (selection.kind === 'service') {
    const service = world.services.get(selection.id);
    return service ? <Suspense fallback={loading}><ServiceInspector world={world} service={service} /></Suspense> : <Gone what="This service" />;
  }
  if (selection.kind === 'loadBalancer') {
    const lb = world.loadBalancers.get(selection.id);
    return lb ? <Suspense fallback={loading}><LoadBalancerInspector world={world} loadBalancer={lb} /></Suspense> : <Gone what="This load balancer" />;
  }
  if (selection.kind === 'schedule') {
    const sc = world.schedules.get(selection.id);
    return sc ? <Suspense fallback={loading}><ScheduleInspector world={world} schedule={sc} /></Suspense> : <Gone what="This schedule" />;
  }
  const td = world.taskDefinitions.get(selection.id);
  return td ? <Suspense fallback={loading}><TaskDefinitionInspector world={world} td={td} /></Suspense> : <Gone what="This task definition" />;
}

const Gone = ({ what }: { what: string }) => <p className="inspector empty">{what} is no longer in the cluster (ECS forgets stopped tasks after an hour).</p>;
