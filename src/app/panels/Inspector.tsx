// The inspector: every field the engine has for the selected task, service or task definition,
// under AWS's own names, with the actions that apply to it.

import { lazy, Suspense, useState, useId } from 'react';
import { familyRevision, shortId, type Service, type Task, type TaskDefinition, type World } from '../../sim/index.ts';
import { usePane, usePaneApi, useThrottledVersion, usePageApi } from '../../store/StoreContext.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';
import { readWholeNumber } from '../actions/Dialog.tsx';
import { taskActions } from '../actions/availability.ts';
import { targetReason, when } from '../format.ts';
import { servedBy } from '../trafficStats.ts';
import { HEALTH_ICON, STATUS_ICON, statusClass } from '../status.ts';

const LoadBalancerInspector = lazy(() => import('./LoadBalancerInspector.tsx').then((m) => ({ default: m.LoadBalancerInspector })));

export function Inspector() {
  useThrottledVersion();
  const selection = usePane((s) => s.selection);
  const world = usePane((s) => s.sim.world);
  if (!selection) {
    return (
      <div className="inspector empty">
        <p>Select a task, a service or a task definition — on the diagram (click, or Tab to it and press Enter) or in the tasks table — to see all its fields here.</p>
      </div>
    );
  }
  if (selection.kind === 'task') {
    const task = world.tasks.get(selection.id);
    return task ? <TaskInspector world={world} task={task} /> : <Gone what="This task" />;
  }
  if (selection.kind === 'service') {
    const service = world.services.get(selection.id);
    return service ? <ServiceInspector world={world} service={service} /> : <Gone what="This service" />;
  }
  if (selection.kind === 'loadBalancer') {
    const lb = world.loadBalancers.get(selection.id);
    return lb ? <Suspense fallback={<p className="muted">Loading…</p>}><LoadBalancerInspector world={world} loadBalancer={lb} /></Suspense> : <Gone what="This load balancer" />;
  }
  const td = world.taskDefinitions.get(selection.id);
  return td ? <TaskDefinitionInspector td={td} /> : <Gone what="This task definition" />;
}

const Gone = ({ what }: { what: string }) => <p className="inspector empty">{what} is no longer in the cluster (ECS forgets stopped tasks after an hour).</p>;

function Field({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function TaskInspector({ world, task: t }: { world: World; task: Task }) {
  const store = usePaneApi();
  const actions = taskActions(world, t);
  const dispatch = store.getState().dispatch;
  const id = shortId(t.taskId);
  return (
    <div className="inspector" data-testid="inspector">
      <h3>
        Task <code>{id}</code> <span className={`status ${statusClass(t.lastStatus)}`}><span aria-hidden="true">{STATUS_ICON[t.lastStatus]} </span>{t.lastStatus}</span>
      </h3>
      <p className="muted small">{t.serviceName ? `Started by service ${t.serviceName}, which replaces it if it stops.` : 'A standalone task, started by you: if it stops, nothing brings it back.'}</p>
      <div className="actions" role="group" aria-label={`Actions for task ${id}`}>
        <ActionButton availability={actions.stop} shortcut="S" onAction={() => dispatch({ type: 'stopTask', task: t.taskArn })}>Stop</ActionButton>
        <ActionButton availability={actions.crash} shortcut="C" onAction={() => dispatch({ type: 'crashContainer', task: t.taskArn, exitCode: 1 })}>Crash (exit 1)</ActionButton>
        <ActionButton availability={actions.oom} shortcut="O" onAction={() => dispatch({ type: 'oomKillContainer', task: t.taskArn })}>Out of memory (137)</ActionButton>
        <ActionButton availability={actions.failHealth} shortcut="H" onAction={() => dispatch({ type: 'failHealthChecks', task: t.taskArn })}>Fail health check</ActionButton>
        <ActionButton availability={actions.scale} onAction={() => t.serviceName && store.getState().select({ kind: 'service', id: t.serviceName })}>Scale its service</ActionButton>
        {world.loadBalancers.size > 0 && (
          <ActionButton availability={actions.loadBalancer} onAction={() => undefined}>Put behind the load balancer</ActionButton>
        )}
      </div>
      <TargetFields world={world} task={t} />
      <dl className="fields">
        <Field name="taskArn"><code className="wrap">{t.taskArn}</code></Field>
        <Field name="taskDefinitionArn">{familyRevision(t.taskDefinitionArn)}</Field>
        <Field name="lastStatus">{t.lastStatus}</Field>
        <Field name="desiredStatus">{t.desiredStatus}</Field>
        <Field name="healthStatus"><span aria-hidden="true">{HEALTH_ICON[t.healthStatus]} </span>{t.healthStatus}</Field>
        <Field name="group">{t.group}</Field>
        <Field name="startedBy">{t.startedBy}</Field>
        <Field name="availabilityZone">{t.availabilityZone}</Field>
        <Field name="launchType">{t.launchType}</Field>
        <Field name="cpu / memory">{t.cpu} / {t.memory}</Field>
        <Field name="stopCode">{t.stopCode ?? '—'}</Field>
        <Field name="stoppedReason">{t.stoppedReason ?? '—'}</Field>
        <Field name="createdAt">{when(world, t.createdAt)}</Field>
        <Field name="connectivityAt">{when(world, t.connectivityAt)}</Field>
        <Field name="pullStartedAt">{when(world, t.pullStartedAt)}</Field>
        <Field name="pullStoppedAt">{when(world, t.pullStoppedAt)}</Field>
        <Field name="startedAt">{when(world, t.startedAt)}</Field>
        <Field name="stoppingAt">{when(world, t.stoppingAt)}</Field>
        <Field name="executionStoppedAt">{when(world, t.executionStoppedAt)}</Field>
        <Field name="stoppedAt">{when(world, t.stoppedAt)}</Field>
        <Field name="version">{t.version}</Field>
      </dl>
      <h4>containers</h4>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Containers">
        <table>
          <thead>
            <tr><th scope="col">name</th><th scope="col">essential</th><th scope="col">lastStatus</th><th scope="col">exitCode</th><th scope="col">healthStatus</th><th scope="col">reason</th></tr>
          </thead>
          <tbody>
            {t.containers.map((c) => (
              <tr key={c.name} data-testid={`container-${c.name}`}>
                <th scope="row">{c.name}<br /><span className="muted small">{c.image}</span></th>
                <td>{String(c.essential)}</td>
                <td>{c.lastStatus}</td>
                <td>{c.exitCode ?? '—'}</td>
                <td>{c.healthStatus}</td>
                <td className="reason">{c.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TargetFields({ world, task }: { world: World; task: Task }) {
  for (const tg of world.targetGroups.values()) {
    const target = tg.targets.get(task.taskArn);
    if (!target) continue;
    return (
      <>
        <h4>load balancer target</h4>
        <dl className="fields" data-testid="target-fields">
          <Field name="target">{target.id}:{target.port} in {tg.targetGroupName}</Field>
          <Field name="state">{target.state}</Field>
          <Field name="reason">{targetReason(target)}</Field>
          <Field name="requests served">{servedBy(world.traffic, task.taskArn)}</Field>
        </dl>
      </>
    );
  }
  return null;
}

function ServiceInspector({ world, service: s }: { world: World; service: Service }) {
  return (
    <div className="inspector" data-testid="inspector">
      <h3>Service {s.serviceName} <span className="muted">({s.status})</span></h3>
      {s.status === 'ACTIVE' && <DesiredCountForm key={s.serviceName} service={s} max={world.config.maxDesiredCount} />}
      <dl className="fields">
        <Field name="serviceArn"><code className="wrap">{s.serviceArn}</code></Field>
        <Field name="status">{s.status}</Field>
        <Field name="taskDefinition">{familyRevision(s.taskDefinition)}</Field>
        <Field name="desiredCount">{s.desiredCount}</Field>
        <Field name="runningCount">{s.runningCount}</Field>
        <Field name="pendingCount">{s.pendingCount}</Field>
        <Field name="launchType">{s.launchType}</Field>
        <Field name="schedulingStrategy">{s.schedulingStrategy}</Field>
        <Field name="deploymentConfiguration">maximumPercent {s.deploymentConfiguration.maximumPercent}, minimumHealthyPercent {s.deploymentConfiguration.minimumHealthyPercent}</Field>
        <Field name="healthCheckGracePeriodSeconds">{s.healthCheckGracePeriodSeconds}</Field>
        <Field name="createdAt">{when(world, s.createdAt)}</Field>
      </dl>
      <h4>deployments</h4>
      <ul className="plain">
        {s.deployments.map((d) => (
          <li key={d.id}>
            <strong>{d.status}</strong> {d.id} · {familyRevision(d.taskDefinition)} · desired {d.desiredCount}, running {d.runningCount}, pending {d.pendingCount}, failed {d.failedTasks} · rolloutState {d.rolloutState}
          </li>
        ))}
      </ul>
      <h4>events <span className="muted small">(newest first, as the console shows them)</span></h4>
      <ol className="event-list">
        {s.events.map((e) => (
          <li key={e.id}><time className="muted">{when(world, e.createdAt)}</time> {e.message}</li>
        ))}
      </ol>
    </div>
  );
}

function DesiredCountForm({ service, max }: { service: Service; max: number }) {
  const store = usePaneApi();
  const [value, setValue] = useState(String(service.desiredCount));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const n = readWholeNumber(value, 0, max);
    if (n === null) {
      setError(`Enter a whole number from 0 to ${max}.`);
      return;
    }
    const { outcome } = store.getState().dispatch({ type: 'updateService', service: service.serviceName, desiredCount: n });
    setError(outcome.ok ? null : outcome.error.message);
  };
  const inputId = useId();
  const step = (by: number) => {
    const n = Math.max(0, Math.min(max, service.desiredCount + by));
    setValue(String(n));
    setError(null);
    store.getState().dispatch({ type: 'updateService', service: service.serviceName, desiredCount: n });
  };
  return (
    <form className="desired-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>desiredCount</label>
      <button type="button" onClick={() => step(-1)} aria-label="Decrease desired count by one" disabled={service.desiredCount === 0}>−</button>
      <input id={inputId} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${inputId}-error` : undefined} size={5} />
      <button type="button" onClick={() => step(1)} aria-label="Increase desired count by one">+</button>
      <button type="submit">Update service</button>
      {error && <p id={`${inputId}-error`} className="field-error">{error}</p>}
    </form>
  );
}

function TaskDefinitionInspector({ td }: { td: TaskDefinition }) {
  const open = usePageApi().getState().openDialog;
  const active = td.status === 'ACTIVE';
  const inactive = { enabled: false as const, reason: `${td.family}:${td.revision} is INACTIVE: deregistered definitions run nothing new.` };
  const { registeredAt: _r, deregisteredAt: _d, ...json } = td;
  return (
    <div className="inspector" data-testid="inspector">
      <h3>Task definition {td.family}:{td.revision} <span className="muted">({td.status})</span></h3>
      <p className="muted small">A blueprint: it runs nothing by itself. Revisions are immutable; a change is a new revision.</p>
      <div className="actions" role="group" aria-label={`Actions for ${td.family}:${td.revision}`}>
        <ActionButton availability={active ? { enabled: true } : inactive} onAction={() => open({ kind: 'runTask', taskDefinition: td.taskDefinitionArn })}>Run task…</ActionButton>
        <ActionButton availability={active ? { enabled: true } : inactive} onAction={() => open({ kind: 'createService', taskDefinition: td.taskDefinitionArn })}>Create service…</ActionButton>
        <ActionButton availability={{ enabled: true }} onAction={() => open({ kind: 'registerRevision', taskDefinition: td.taskDefinitionArn })}>Register new revision…</ActionButton>
      </div>
      <p className="muted small">As JSON (<code>app</code> and <code>sigterm</code> are the playground's: how the simulated program behaves).</p>
      <pre className="json" tabIndex={0} aria-label={`${td.family}:${td.revision} as JSON`}>{JSON.stringify(json, null, 2)}</pre>
    </div>
  );
}
