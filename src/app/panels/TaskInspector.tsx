// The task's inspector: every field the engine has for it, under AWS's own names, with the
// actions that apply to it (loaded when a task is first selected).

import { familyRevision, scheduleNameOf, shortId, tasksOfService, type Task, type World } from '../../sim/index.ts';
import { usePaneApi } from '../../store/StoreContext.tsx';
import { deploymentsView, deploymentTag } from '../../diagram/deployments.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import { taskActions } from '../actions/availability.ts';
import { Digest } from '../Digest.tsx';
import { targetReason, when } from '../format.ts';
import { servedBy } from '../trafficStats.ts';
import { CONTAINER_ICON, HEALTH_ICON, STATUS_ICON, statusClass } from '../status.ts';
import { plural } from '../format.ts';
import { waitsFor } from '../../diagram/containers.ts';
import { Field } from './Field.tsx';
import { Term } from '../glossary/Term.tsx';
import { TermField } from '../glossary/TermField.tsx';

export function TaskInspector({ world, task: t, onViewLogs }: { world: World; task: Task; onViewLogs?: (() => void) | undefined }) {
  const store = usePaneApi();
  const actions = taskActions(world, t);
  const dispatch = store.getState().dispatch;
  const id = shortId(t.taskId);
  const definition = world.taskDefinitions.get(t.taskDefinitionArn);
  // With several containers each gets its own fault button: crash the sidecar, not the server.
  const several = t.containers.length > 1;
  return (
    <div className="inspector" data-testid="inspector">
      <h3>
        Task <code>{id}</code> <span className={`status ${statusClass(t.lastStatus)}`}><span aria-hidden="true">{STATUS_ICON[t.lastStatus]} </span><Term id="lifecycle">{t.lastStatus}</Term></span>
      </h3>
      <p className="muted small">
        {t.serviceName
          ? <>Started by <Term id="service">service</Term> {t.serviceName}, which replaces it if it stops.</>
          : <>A <Term id="standaloneTask">standalone task</Term>, {scheduleNameOf(t.startedBy) !== null
              ? <>started by schedule {scheduleNameOf(t.startedBy)} (startedBy <code>{t.startedBy}</code>): if it stops, nothing brings it back; the schedule&apos;s next run starts a new one.</>
              : 'started by you: if it stops, nothing brings it back.'}</>}
      </p>
      <div className="actions" role="group" aria-label={`Actions for task ${id}`}>
        <ActionButton availability={actions.stop} shortcut="S" onAction={() => dispatch({ type: 'stopTask', task: t.taskArn })}>Stop</ActionButton>
        <ActionButton availability={actions.crash} shortcut="C" onAction={() => dispatch({ type: 'crashContainer', task: t.taskArn, exitCode: 1 })}>Crash (exit 1)</ActionButton>
        <ActionButton availability={actions.oom} shortcut="O" onAction={() => dispatch({ type: 'oomKillContainer', task: t.taskArn })}>Out of memory (137)</ActionButton>
        <ActionButton availability={actions.failHealth} shortcut="H" onAction={() => dispatch({ type: 'failHealthChecks', task: t.taskArn })}>Fail health check</ActionButton>
        <ActionButton availability={actions.hang} shortcut="G" onAction={() => dispatch({ type: 'hangContainer', task: t.taskArn })}>Hang (stops answering)</ActionButton>
        <ActionButton availability={actions.scale} onAction={() => t.serviceName && store.getState().select({ kind: 'service', id: t.serviceName })}>Scale its service</ActionButton>
        {world.loadBalancers.size > 0 && (
          <ActionButton availability={actions.loadBalancer} onAction={() => undefined}>Put behind the load balancer</ActionButton>
        )}
      </div>
      <TargetFields world={world} task={t} />
      <dl className="fields">
        <Field name="taskArn"><code className="wrap">{t.taskArn}</code></Field>
        <TermField name="taskDefinitionArn" term="taskDefinition">{familyRevision(t.taskDefinitionArn)}</TermField>
        <TermField name="lastStatus" term="lastStatus">{t.lastStatus}</TermField>
        <TermField name="desiredStatus" term="desiredStatus">{t.desiredStatus}</TermField>
        <TermField name="healthStatus" term="healthStatus"><span aria-hidden="true">{HEALTH_ICON[t.healthStatus]} </span>{t.healthStatus}</TermField>
        <TermField name="group" term="group">{t.group}</TermField>
        <TermField name="startedBy" term="startedBy"><StartedBy world={world} task={t} /></TermField>
        <TermField name="availabilityZone" term="availabilityZone">{t.availabilityZone}</TermField>
        <Field name="launchType">{t.launchType}</Field>
        <Field name="cpu / memory">{t.cpu} / {t.memory}</Field>
        {/* The code itself explains itself too: EssentialContainerExited is what a learner asks about. */}
        <TermField name="stopCode" term="stopCode">{t.stopCode ? <Term id={t.stopCode}>{t.stopCode}</Term> : '—'}</TermField>
        <TermField name="stoppedReason" term="stoppedReason">{t.stoppedReason ?? '—'}</TermField>
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
      {onViewLogs && definition?.containerDefinitions.some((c) => c.logConfiguration) && (
        <p className="small">
          Its containers write to CloudWatch Logs (awslogs), and the logs outlive the task. <button type="button" onClick={onViewLogs} data-control="view-logs">View its logs</button>
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Containers">
        <table>
          <thead>
            <tr>
              <th scope="col">name, image and <Term id="imageTagDigest">imageDigest</Term></th>
              <th scope="col"><Term id="essentialContainer">essential</Term></th>
              <th scope="col">lastStatus</th>
              <th scope="col"><Term id="exitCode">exitCode</Term></th>
              <th scope="col">healthStatus</th>
              <th scope="col">reason</th>
              {several && <th scope="col">fault</th>}
            </tr>
          </thead>
          <tbody>
            {t.containers.map((c) => {
              const def = definition?.containerDefinitions.find((d) => d.name === c.name);
              const waits = def && waitsFor(def);
              return (
                <tr key={c.name} data-testid={`container-${c.name}`} data-last-status={c.lastStatus}>
                  <th scope="row">
                    {c.name}<br /><span className="muted small">{c.image}</span><br /><Digest digest={c.imageDigest} />
                    {waits && <><br /><span className="muted small">{waits}</span></>}
                  </th>
                  <td>{String(c.essential)}</td>
                  <td>
                    <span aria-hidden="true">{CONTAINER_ICON[c.lastStatus]} </span>{c.lastStatus}
                    {c.restartCount ? <><br /><span className="muted small">restarted in place {plural(c.restartCount, 'time')}</span></> : null}
                  </td>
                  <td>{c.exitCode ?? '—'}</td>
                  <td>{c.healthStatus}</td>
                  <td className="reason">{c.reason ?? '—'}</td>
                  {several && (
                    <td>
                      <ActionButton
                        availability={c.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' ? { enabled: true } : { enabled: false, reason: `${c.name} is ${c.lastStatus}${t.desiredStatus === 'STOPPED' ? ' and the task is stopping' : ''}: only a running container can crash.` }}
                        control="crash-container"
                        onAction={() => dispatch({ type: 'crashContainer', task: t.taskArn, container: c.name, exitCode: 1 })}
                      >
                        Crash {c.name}
                      </ActionButton>
                    </td>
                  )}
                </tr>
              );
            })}
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
          <TermField name="target" term="targetGroup">{target.id}:{target.port} in {tg.targetGroupName}</TermField>
          <TermField name="state" term="targetHealth">{target.state}</TermField>
          <Field name="reason">{targetReason(target)}</Field>
          <Field name="requests served">{servedBy(world.traffic, task.taskArn)}</Field>
        </dl>
      </>
    );
  }
  return null;
}

/** The deployment that started a service task, as the service lists it now (or that it is gone). */
function StartedBy({ world, task }: { world: World; task: Task }) {
  const service = task.serviceName !== undefined ? world.services.get(task.serviceName) : undefined;
  if (!service) return <>{task.startedBy}</>;
  const d = service.deployments.find((x) => x.id === task.startedBy);
  const tag = deploymentTag(deploymentsView(service, tasksOfService(world, service.serviceName)), task);
  return (
    <>
      <code className="wrap">{task.startedBy}</code>
      <span className="muted">
        {' '}
        {d ? `(deployment ${d.status}, ${familyRevision(d.taskDefinition)}, ${d.rolloutState}${tag ? `: the ${tag} tasks` : ''})` : '(a deployment that has finished)'}
      </span>
    </>
  );
}
