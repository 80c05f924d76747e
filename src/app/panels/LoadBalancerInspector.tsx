// The load balancer as the EC2 console shows it: listener, target group, its health check and
// attributes (each with AWS's default beside it), and the registered targets with their health.

import { useState, type FormEvent } from 'react';
import { DEFAULT_DEREGISTRATION_DELAY, HEALTH_CHECK_LIMITS, shortId, taskIdOf, TARGET_GROUP_HEALTH_CHECK_DEFAULTS, type LoadBalancer, type RoutingAlgorithm, type TargetGroup, type World } from '../../sim/index.ts';
import { usePaneApi } from '../../store/StoreContext.tsx';
import { describedBy, FormField, readWholeNumber } from '../actions/Dialog.tsx';
import { targetReason } from '../format.ts';
import { servedBy } from '../trafficStats.ts';
import { Term } from '../glossary/Term.tsx';
import { TermField } from '../glossary/TermField.tsx';

export function LoadBalancerInspector({ world, loadBalancer: lb }: { world: World; loadBalancer: LoadBalancer }) {
  const tg = world.targetGroups.get(lb.listener.defaultTargetGroupArn)!;
  const targets = [...tg.targets.values()];
  return (
    <div className="inspector" data-testid="inspector">
      <h3><Term id="loadBalancer">Load balancer</Term> {lb.loadBalancerName}</h3>
      <p className="muted small">
        Only a <Term id="service">service</Term> registers tasks here, and deregisters them (<Term id="draining">draining</Term>) before they stop. A task you run yourself never joins.
      </p>
      <dl className="fields">
        <div className="field"><dt>loadBalancerArn</dt><dd><code className="wrap">{lb.loadBalancerArn}</code></dd></div>
        <div className="field"><dt>DNSName</dt><dd>{lb.dnsName}</dd></div>
        <div className="field"><dt>listener</dt><dd>{lb.listener.protocol}:{lb.listener.port} → forward to {tg.targetGroupName}</dd></div>
        <TermField name="targetGroupArn" term="targetGroup"><code className="wrap">{tg.targetGroupArn}</code></TermField>
        <div className="field"><dt>targetType</dt><dd>{tg.targetType} (awsvpc: each task's own address)</dd></div>
      </dl>
      <h4>targets</h4>
      {targets.length === 0 ? <p className="muted">No registered targets: requests get <Term id="http503">503</Term>.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Targets">
          <table>
            <thead>
              <tr>
                <th scope="col">target</th>
                <th scope="col">task</th>
                <th scope="col"><Term id="availabilityZone">AZ</Term></th>
                <th scope="col"><Term id="targetHealth">state</Term></th>
                <th scope="col">reason</th>
                <th scope="col">served</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((t) => (
                <tr key={t.taskArn} data-testid={`target-${shortId(taskIdOf(t.taskArn))}`}>
                  <th scope="row">{t.id}:{t.port}</th>
                  <td><code>{shortId(taskIdOf(t.taskArn))}</code></td>
                  <td>{t.availabilityZone}</td>
                  <td className={`target-${t.state}`}>{t.state}</td>
                  <td className="reason">{targetReason(t)}</td>
                  <td>{servedBy(world.traffic, t.taskArn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TargetGroupForm key={tg.targetGroupArn} targetGroup={tg} />
    </div>
  );
}

type Fields = { intervalSeconds: string; timeoutSeconds: string; healthyThresholdCount: string; unhealthyThresholdCount: string; deregistrationDelaySeconds: string };
const LABELS: Record<keyof Fields, string> = {
  intervalSeconds: 'Health check interval (s)',
  timeoutSeconds: 'Timeout (s)',
  healthyThresholdCount: 'Healthy threshold',
  unhealthyThresholdCount: 'Unhealthy threshold',
  deregistrationDelaySeconds: 'Deregistration delay (s)',
};
const DEFAULTS: Record<keyof Fields, number> = { ...TARGET_GROUP_HEALTH_CHECK_DEFAULTS, deregistrationDelaySeconds: DEFAULT_DEREGISTRATION_DELAY };
const RANGES: Record<keyof Fields, readonly [number, number]> = { ...HEALTH_CHECK_LIMITS, deregistrationDelaySeconds: [0, 3600] };

function TargetGroupForm({ targetGroup: tg }: { targetGroup: TargetGroup }) {
  const store = usePaneApi();
  const [fields, setFields] = useState<Fields>({
    intervalSeconds: String(tg.healthCheck.intervalSeconds),
    timeoutSeconds: String(tg.healthCheck.timeoutSeconds),
    healthyThresholdCount: String(tg.healthCheck.healthyThresholdCount),
    unhealthyThresholdCount: String(tg.healthCheck.unhealthyThresholdCount),
    deregistrationDelaySeconds: String(tg.deregistrationDelaySeconds),
  });
  const [algorithm, setAlgorithm] = useState<RoutingAlgorithm>(tg.algorithm);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields | 'form', string>>>({});
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    const values = {} as Record<keyof Fields, number>;
    for (const key of Object.keys(fields) as (keyof Fields)[]) {
      const [min, max] = RANGES[key];
      const n = readWholeNumber(fields[key], min, max);
      if (n === null) next[key] = `A whole number from ${min} to ${max}.`;
      else values[key] = n;
    }
    if (!next.timeoutSeconds && !next.intervalSeconds && values.timeoutSeconds >= values.intervalSeconds) next.timeoutSeconds = 'Must be smaller than the interval.';
    setSaved(false);
    if (Object.keys(next).length) return setErrors(next);
    const { deregistrationDelaySeconds, ...healthCheck } = values;
    const { outcome } = store.getState().dispatch({ type: 'modifyTargetGroup', targetGroup: tg.targetGroupArn, healthCheck, deregistrationDelaySeconds, algorithm });
    setErrors(outcome.ok ? {} : { form: outcome.error.message });
    setSaved(outcome.ok);
  };
  return (
    <form className="tg-form" onSubmit={submit} noValidate data-testid="target-group-form">
      <h4>target group settings</h4>
      {errors.form && <p className="notice" role="alert">{errors.form}</p>}
      <div className="form-grid">
        {(Object.keys(LABELS) as (keyof Fields)[]).map((key) => (
          <FormField key={key} id={`tg-${key}`} label={LABELS[key]} error={errors[key]} hint={`AWS default: ${DEFAULTS[key]}`}>
            <input id={`tg-${key}`} inputMode="numeric" value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} {...describedBy(`tg-${key}`, errors[key], true)} />
          </FormField>
        ))}
        <FormField id="tg-algorithm" label="Routing algorithm" hint="AWS default: round robin">
          <select id="tg-algorithm" value={algorithm} onChange={(e) => setAlgorithm(e.target.value as RoutingAlgorithm)} aria-describedby="tg-algorithm-hint">
            <option value="round_robin">round robin</option>
            <option value="least_outstanding_requests">least outstanding requests</option>
          </select>
        </FormField>
      </div>
      <p className="muted small">A new target needs one passing check; an unhealthy one needs the healthy threshold. Stopping tasks wait out the deregistration delay before <Term id="sigterm">SIGTERM</Term>.</p>
      <div className="form-actions">
        {saved && <span role="status">Saved.</span>}
        <button type="submit">Save target group</button>
      </div>
    </form>
  );
}
