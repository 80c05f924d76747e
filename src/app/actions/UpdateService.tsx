// "Update service": the revision, desiredCount, the rolling percentages, the circuit breaker, the
// grace period and force new deployment, each with AWS's default beside it. One form, shown in the
// service inspector and in a dialog (the service node's "Update…", or U). Submitting dispatches one
// updateService with only what was changed; the engine's message, if it refuses, sits next to the
// field it names.

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { circuitBreakerThreshold, familyRevision, type Service, type TaskDefinition, type World } from '../../sim/index.ts';
import { usePageApi, usePane, usePaneApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { describedBy, Dialog, FormField } from './Dialog.tsx';
import {
  buildUpdate,
  currentValues,
  describeOutcome,
  fieldOfMessage,
  readNumber,
  revisionChoices,
  rollingLimits,
  UPDATE_DEFAULTS,
  type ErrorPlace,
  type NumberField,
  type UpdateValues,
} from './updateService.ts';
import { scaleBy } from './scale.ts';

/** The fields in the order the form shows them. */
const FORM_ORDER: ErrorPlace[] = ['taskDefinition', 'desiredCount', 'minimumHealthyPercent', 'maximumPercent', 'healthCheckGracePeriodSeconds', 'circuitBreaker', 'forceNewDeployment'];

type Props = {
  world: World;
  service: Service;
  /** In the inspector the count also has − and + (they apply at once, like the node's). */
  inline?: boolean;
  /** A revision chosen before the form opened: it starts as an edit, as if picked in the select. */
  initialTaskDefinition?: string | undefined;
  onDone?: () => void;
};

export function UpdateServiceForm({ world, service, inline = false, initialTaskDefinition, onDone }: Props) {
  const store = usePaneApi();
  const uid = useId();
  const id = (field: string) => `${uid}-${field}`;
  const [edits, setEdits] = useState<Partial<UpdateValues>>(() => (initialTaskDefinition ? { taskDefinition: initialTaskDefinition } : {}));
  const [errors, setErrors] = useState<Partial<Record<ErrorPlace, string>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const now = currentValues(service);
  const value = <K extends keyof UpdateValues>(key: K): UpdateValues[K] => (edits[key] ?? now[key]) as UpdateValues[K];
  const edit = <K extends keyof UpdateValues>(key: K, v: UpdateValues[K]) => {
    setEdits((e) => ({ ...e, [key]: v }));
    setStatus(null);
  };
  const choices = revisionChoices(world, service);
  const maxCount = world.config.maxDesiredCount;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Compare with the service as it is at this moment, not as it was when the form was drawn.
    const live = store.getState().sim.world.services.get(service.serviceName) ?? service;
    const command = buildUpdate(live, edits);
    if (!command) {
      setErrors({});
      setStatus('Nothing to change: every field is as the service has it.');
      return;
    }
    const { outcome } = store.getState().dispatch(command);
    if (!outcome.ok) {
      setStatus(null);
      // Every problem by its field (the engine reports them all at once), and focus on the first.
      const messages = outcome.error.fieldErrors?.map((f) => f.message) ?? [outcome.error.message];
      const next: Partial<Record<ErrorPlace, string>> = {};
      for (const m of messages) {
        const place = fieldOfMessage(m);
        next[place] = next[place] ? `${next[place]} ${m}` : m;
      }
      setErrors(next);
      // The first in the form's own order, whatever order the engine checked them in.
      const first = FORM_ORDER.find((f) => next[f] !== undefined);
      if (first) requestAnimationFrame(() => document.getElementById(id(first))?.focus());
      return;
    }
    setErrors({});
    setEdits({});
    setStatus(describeOutcome(command, store.getState().sim.world.services.get(service.serviceName)));
    onDone?.();
  };
  const step = (by: number) => {
    const command = scaleBy(service, by, maxCount);
    const n = command.desiredCount!;
    setEdits(({ desiredCount: _drop, ...rest }) => rest);
    setErrors({});
    const { outcome } = store.getState().dispatch(command);
    setStatus(outcome.ok ? `desiredCount ${n}: a scaling event, no new deployment.` : null);
    if (!outcome.ok) setErrors({ desiredCount: outcome.error.message });
  };

  const limits = rollingLimits(value('desiredCount'), value('minimumHealthyPercent'), value('maximumPercent'));
  const typedCount = readNumber(value('desiredCount'));
  const threshold = circuitBreakerThreshold(Number.isInteger(typedCount) ? typedCount : service.desiredCount);
  const numberField = (field: NumberField, label: string, hint: string, extra?: { wide?: boolean; around?: ((input: ReactNode) => ReactNode) | undefined }) => {
    const input = (
      <input
        id={id(field)}
        inputMode="numeric"
        autoComplete="off"
        value={value(field)}
        onChange={(e) => edit(field, e.target.value)}
        {...describedBy(id(field), errors[field], true)}
      />
    );
    return (
      <div className={extra?.wide ? 'span-all' : undefined}>
        <FormField id={id(field)} label={label} error={errors[field]} hint={hint}>
          {extra?.around ? extra.around(input) : input}
        </FormField>
      </div>
    );
  };

  return (
    <form className={inline ? 'update-form inline' : 'update-form'} onSubmit={submit} noValidate data-testid={inline ? 'update-service-form' : 'update-service-dialog-form'}>
      {errors.form && <p className="notice" role="alert">{errors.form}</p>}
      <div className="form-grid">
        <div className="span-all">
          <FormField id={id('taskDefinition')} label="taskDefinition (revision)" error={errors.taskDefinition} hint={`Now ${familyRevision(service.taskDefinition)}. Another revision starts a deployment; a revision itself never changes.`}>
            <select id={id('taskDefinition')} value={value('taskDefinition')} onChange={(e) => edit('taskDefinition', e.target.value)} {...describedBy(id('taskDefinition'), errors.taskDefinition, true)}>
              <optgroup label={`${choices.family} (this service's family)`}>
                {choices.own.map((td) => <option key={td.taskDefinitionArn} value={td.taskDefinitionArn}>{revisionLabel(td, service)}</option>)}
              </optgroup>
              {choices.others.length > 0 && (
                <optgroup label="Other task definitions">
                  {choices.others.map((td) => <option key={td.taskDefinitionArn} value={td.taskDefinitionArn}>{revisionLabel(td, service)}</option>)}
                </optgroup>
              )}
            </select>
          </FormField>
        </div>
        {numberField('desiredCount', 'desiredCount', 'Changed alone, it scales the current deployment: no new one starts.', {
          wide: inline,
          around: inline
            ? (input) => (
                <div className="stepper">
                  <button type="button" onClick={() => step(-1)} aria-label="Decrease desired count by one" disabled={service.desiredCount === 0}>−</button>
                  {input}
                  <button type="button" onClick={() => step(1)} aria-label="Increase desired count by one">+</button>
                </div>
              )
            : undefined,
        })}
        {numberField('minimumHealthyPercent', 'minimumHealthyPercent', `Percent of desiredCount kept healthy while old tasks stop. ${UPDATE_DEFAULTS.minimumHealthyPercent}.`)}
        {numberField('maximumPercent', 'maximumPercent', `Percent of desiredCount running or starting at once. ${UPDATE_DEFAULTS.maximumPercent}.`)}
        {limits && <p className="span-all limits small" data-testid="rolling-limits">{limits}</p>}
        {numberField('healthCheckGracePeriodSeconds', 'healthCheckGracePeriodSeconds', `Seconds after a task starts during which failing health checks are ignored. ${UPDATE_DEFAULTS.healthCheckGracePeriodSeconds}.`, { wide: true })}
        <fieldset className={errors.circuitBreaker ? 'form-field span-all invalid' : 'form-field span-all'} aria-describedby={`${id('circuitBreaker')}-hint`}>
          <legend>deploymentCircuitBreaker</legend>
          <div className="checks">
            <label className="check">
              <input type="checkbox" checked={value('circuitBreakerEnable')} onChange={(e) => edit('circuitBreakerEnable', e.target.checked)} aria-invalid={errors.circuitBreaker ? true : undefined} /> enable
            </label>
            <label className="check">
              <input type="checkbox" checked={value('circuitBreakerRollback')} onChange={(e) => edit('circuitBreakerRollback', e.target.checked)} aria-invalid={errors.circuitBreaker ? true : undefined} /> rollback
            </label>
          </div>
          <p className="hint" id={`${id('circuitBreaker')}-hint`}>
            {UPDATE_DEFAULTS.circuitBreaker}. On, a deployment fails after {threshold} failed tasks (half of desiredCount, 3 to 200); with rollback, ECS goes back to the last deployment that completed.
          </p>
          {errors.circuitBreaker && <p className="field-error" role="alert">{errors.circuitBreaker}</p>}
        </fieldset>
        <div className={errors.forceNewDeployment ? 'form-field span-all invalid' : 'form-field span-all'}>
          <label className="check">
            <input type="checkbox" checked={value('forceNewDeployment')} onChange={(e) => edit('forceNewDeployment', e.target.checked)} aria-describedby={`${id('forceNewDeployment')}-hint`} /> forceNewDeployment
          </label>
          <p className="hint" id={`${id('forceNewDeployment')}-hint`}>{UPDATE_DEFAULTS.forceNewDeployment}. A new deployment of the same revision: its tasks resolve the image tags again.</p>
          {errors.forceNewDeployment && <p className="field-error" role="alert">{errors.forceNewDeployment}</p>}
        </div>
      </div>
      <div className="form-actions">
        {status && <span role="status" className="small update-status">{status}</span>}
        <button type="submit" className={inline ? undefined : 'primary'}>Update service</button>
      </div>
    </form>
  );
}

function revisionLabel(td: TaskDefinition, service: Service): string {
  const notes = [td.taskDefinitionArn === service.taskDefinition ? 'current' : '', td.status === 'INACTIVE' ? 'INACTIVE' : ''].filter(Boolean);
  return `${td.family}:${td.revision}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** The dialog, for the service the page asked about (its `updateService` dialog request). */
export function UpdateServiceDialog({ service: name, initial }: { service: string; initial: string | undefined }) {
  useThrottledVersion();
  const world = usePane((s) => s.sim.world);
  const close = usePageApi().getState().openDialog;
  const service = world.services.get(name);
  return (
    <Dialog title={`Update service ${name}`} wide>
      {service && service.status === 'ACTIVE' ? (
        <>
          <p className="muted small">Like the console's Update service: change what you need, leave the rest. A new revision or force new deployment starts a deployment; desiredCount alone scales.</p>
          <UpdateServiceForm world={world} service={service} initialTaskDefinition={initial} onDone={() => close(null)} />
        </>
      ) : (
        <p role="alert">Service {name} is {service ? service.status : 'gone'}: only an ACTIVE service can be updated.</p>
      )}
    </Dialog>
  );
}
