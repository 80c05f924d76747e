// A service as the console shows it: its rollout, its deployments (id, status, rolloutState and
// its reason, the revision, the counts, when), the Update service form, its fields and its events.
// Loaded when a service is first selected.

import { circuitBreakerThreshold, currentImage, familyRevision, isPinned, orderDeployments, tasksOfService, type Deployment, type Service, type World } from '../../sim/index.ts';
import { usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { deploymentsView, rolloutOf, tagOf, type DeploymentsView } from '../../diagram/deployments.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import type { Availability } from '../actions/availability.ts';
import { UpdateServiceForm } from '../actions/UpdateService.tsx';
import { Digest } from '../Digest.tsx';
import { plural, when } from '../format.ts';
import { ROLLOUT_ICON } from '../status.ts';
import { Field } from './Field.tsx';
import { Term } from '../glossary/Term.tsx';
import { TermField } from '../glossary/TermField.tsx';

export function ServiceInspector({ world, service: s }: { world: World; service: Service }) {
  const store = usePaneApi();
  const open = usePageApi().getState().openDialog;
  const tasks = tasksOfService(world, s.serviceName);
  const view = deploymentsView(s, tasks);
  const rollout = rolloutOf(s, tasks, view);
  const active: Availability = s.status === 'ACTIVE' ? { enabled: true } : { enabled: false, reason: `Service ${s.serviceName} is ${s.status}: only an ACTIVE service can be updated.` };
  const dc = s.deploymentConfiguration;
  return (
    <div className="inspector" data-testid="inspector">
      <h3><Term id="service">Service</Term> {s.serviceName} <span className="muted">({s.status})</span></h3>
      <p className="rollout-summary" data-testid="inspector-rollout">
        <span className={`rollout rollout-${rollout.state.toLowerCase()}`}><span aria-hidden="true">{ROLLOUT_ICON[rollout.state]} </span>{rollout.stateText}</span> {rollout.progress}
        {rollout.stuck && <strong className="stuck"> Stuck: minimumHealthyPercent and maximumPercent leave no room to start or stop a task (see the events).</strong>}
      </p>
      <div className="actions" role="group" aria-label={`Actions for service ${s.serviceName}`}>
        <ActionButton availability={active} shortcut="U" onAction={() => open({ kind: 'updateService', service: s.serviceName })}>Update service…</ActionButton>
        <ActionButton availability={active} control="force-deployment" onAction={() => store.getState().dispatch({ type: 'updateService', service: s.serviceName, forceNewDeployment: true })}>Force new deployment</ActionButton>
      </div>
      <NewerBuilds world={world} service={s} />
      <ZoneBalance world={world} service={s} />
      <h4><Term id="deployment">deployments</Term></h4>
      <p className="small" data-testid="circuit-breaker">
        <span className="mono"><Term id="circuitBreaker">deploymentCircuitBreaker</Term></span>{' '}
        {dc.deploymentCircuitBreaker.enable
          ? `on, rollback ${dc.deploymentCircuitBreaker.rollback ? 'on' : 'off'}: a deployment fails after ${plural(circuitBreakerThreshold(s.desiredCount), 'failed task')}${dc.deploymentCircuitBreaker.rollback ? ' and ECS rolls back to the last one that completed' : ''}.`
          : <>off (the AWS default): a deployment whose tasks keep failing keeps on trying, <Term id="throttle">throttled</Term>.</>}
      </p>
      <ol className="deployments">
        {/* The first deployment's status and rolloutState explain themselves: one term, one tab stop. */}
        {orderDeployments(s.deployments).map((d, i) => <DeploymentItem key={d.id} world={world} service={s} deployment={d} view={view} explain={i === 0} />)}
      </ol>
      {s.status === 'ACTIVE' && (
        <>
          <h4>update service</h4>
          <UpdateServiceForm key={s.serviceName} world={world} service={s} inline />
        </>
      )}
      <h4>fields</h4>
      <dl className="fields">
        <Field name="serviceArn"><code className="wrap">{s.serviceArn}</code></Field>
        <Field name="status">{s.status}</Field>
        <TermField name="taskDefinition" term="taskDefinition">{familyRevision(s.taskDefinition)}</TermField>
        <TermField name="desiredCount" term="desiredCount">{s.desiredCount}</TermField>
        <Field name="runningCount">{s.runningCount}</Field>
        <Field name="pendingCount">{s.pendingCount}</Field>
        <Field name="launchType">{s.launchType}</Field>
        <Field name="schedulingStrategy">{s.schedulingStrategy}</Field>
        <Field name="deploymentConfiguration">
          <Term id="maximumPercent">maximumPercent</Term> {dc.maximumPercent}, <Term id="minimumHealthyPercent">minimumHealthyPercent</Term> {dc.minimumHealthyPercent}, deploymentCircuitBreaker {`{ enable: ${dc.deploymentCircuitBreaker.enable}, rollback: ${dc.deploymentCircuitBreaker.rollback} }`}
        </Field>
        <Field name="availabilityZoneRebalancing">
          {s.availabilityZoneRebalancing ?? 'DISABLED'}{' '}
          {s.status === 'ACTIVE' && (
            <button type="button" className="link" onClick={() => store.getState().dispatch({ type: 'updateService', service: s.serviceName, availabilityZoneRebalancing: s.availabilityZoneRebalancing === 'ENABLED' ? 'DISABLED' : 'ENABLED' })}>
              {s.availabilityZoneRebalancing === 'ENABLED' ? 'Disable' : 'Enable'}
            </button>
          )}
        </Field>
        <TermField name="healthCheckGracePeriodSeconds" term="healthCheckGracePeriod">{s.healthCheckGracePeriodSeconds}</TermField>
        <Field name="createdAt">{when(world, s.createdAt)}</Field>
      </dl>
      <h4>events <span className="muted small">(newest first, as the console shows them)</span></h4>
      <ol className="event-list">
        {s.events.map((e) => (
          <li key={e.id}><time className="muted">{when(world, e.createdAt)}</time> {e.message}</li>
        ))}
      </ol>
    </div>
  );
}

function DeploymentItem({ world, service, deployment: d, view, explain }: { world: World; service: Service; deployment: Deployment; view: DeploymentsView; explain: boolean }) {
  const revision = familyRevision(d.taskDefinition);
  const tag = view.mixed ? tagOf(view, d.id) : null;
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
  const judged = breaker.enable && d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS';
  return (
    <li className={`deployment deployment-${d.status.toLowerCase()}`} data-testid={`deployment-${revision}`}>
      <p className="deployment-head">
        <strong>{explain ? <Term id="primaryActive">{d.status}</Term> : d.status}</strong> · {revision} ·{' '}
        <span className={`rollout rollout-${d.rolloutState.toLowerCase()}`}>{explain ? <Term id="rolloutState">{d.rolloutState}</Term> : d.rolloutState}</span>
        {tag && <span className="muted"> · the {tag} tasks</span>}
      </p>
      <dl className="deploy-counts">
        <div><dt>desired</dt><dd>{d.desiredCount}</dd></div>
        <div><dt>pending</dt><dd>{d.pendingCount}</dd></div>
        <div><dt>running</dt><dd>{d.runningCount}</dd></div>
        <div><dt>failed</dt><dd>{d.failedTasks}</dd></div>
      </dl>
      {judged && (
        <p className="small muted">
          {d.succeeded ? 'One of its tasks ran healthy, so the circuit breaker no longer judges this deployment: failedTasks stays 0.' : `The circuit breaker trips at ${circuitBreakerThreshold(service.desiredCount)} failed tasks.`}
        </p>
      )}
      <dl className="fields">
        <Field name="id"><code className="wrap">{d.id}</code></Field>
        <Field name="rolloutStateReason">{d.rolloutStateReason}</Field>
        <Field name="containerImages">
          {d.containerImages.map((c) => (
            <span key={c.containerName} className="image-line">{c.containerName}: <span className="wrap-anywhere">{c.image}</span> <Digest digest={c.imageDigest} /></span>
          ))}
        </Field>
        <Field name="createdAt">{when(world, d.createdAt)}</Field>
        <Field name="updatedAt">{when(world, d.updatedAt)}</Field>
      </dl>
    </li>
  );
}

/** A tag pushed again after the primary deployment resolved it: nothing changes until a new deployment. */
function NewerBuilds({ world, service }: { world: World; service: Service }) {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  const stale = (primary?.containerImages ?? []).filter((c) => !isPinned(c.image) && currentImage(world, c.image).digest !== c.imageDigest);
  if (stale.length === 0 || service.status !== 'ACTIVE') return null;
  return (
    <p className="notice tone-info small" data-testid="newer-build">
      {stale.map((c) => (
        <span key={c.containerName}>
          A newer build of <code>{c.image}</code> was pushed (<Digest digest={currentImage(world, c.image).digest} />), but this deployment runs <Digest digest={c.imageDigest} />.{' '}
        </span>
      ))}
      Running tasks keep the digest they started with, and so do replacements: Force new deployment to roll the new build out.
    </p>
  );
}

/** How the service's tasks sit across the zones that are up, and, when they are uneven, why (spec §5.9). */
function ZoneBalance({ world, service: s }: { world: World; service: Service }) {
  const live = tasksOfService(world, s.serviceName).filter((t) => t.desiredStatus === 'RUNNING');
  const up = world.config.availabilityZones.filter((az) => world.zones.get(az)?.up !== false);
  if (live.length === 0 || up.length < 2) return null;
  const counts = up.map((az) => live.filter((t) => t.availabilityZone === az).length);
  const uneven = Math.max(...counts) - Math.min(...counts) > 1;
  const spread = up.map((az, i) => `${counts[i]} in ${az}`).join(', ');
  const down = world.config.availabilityZones.filter((az) => !up.includes(az));
  return (
    <p className="small" data-testid="zone-balance">
      Across the zones: {spread}{down.length ? ` (${down.join(', ')} down)` : ''}.{' '}
      {s.rebalancingSince !== undefined
        ? 'Availability Zone rebalancing is in progress: ECS starts a task in the emptiest zone, then stops one in the fullest.'
        : uneven && s.availabilityZoneRebalancing === 'ENABLED'
          ? 'Uneven: with availabilityZoneRebalancing ENABLED, ECS will move tasks to even it out.'
          : uneven
            ? 'Uneven, and it stays so: availabilityZoneRebalancing is DISABLED, so ECS spreads new tasks but never moves running ones. Enable it below to rebalance.'
            : ''}
    </p>
  );
}
