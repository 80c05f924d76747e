// "Schedule a task" (EventBridge Scheduler's CreateSchedule with an ECS RunTask target, spec §4.1)
// and "Zone faults" (an Availability Zone outage, a Fargate capacity shortage: issue 13). Part of
// the lazily loaded dialogs; the schedule form brings the expression parser with it.

import { useState, type FormEvent } from 'react';
import { checkTimeZone, describeExpression, nextFiring, parseScheduleExpression } from '../../sim/schedules.ts';
import { clockLabel, familyRevision, type Command, type TaskDefinition, type World } from '../../sim/index.ts';
import { usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { describedBy, Dialog, FormField, readWholeNumber } from './Dialog.tsx';

const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney'];
const EXAMPLES = ['rate(5 minutes)', 'rate(1 hour)', 'cron(0 2 * * ? *)', 'cron(0/15 9-17 ? * MON-FRI *)'];

/** The next few firings of an expression from now, in the sim's clock, or what is wrong with it. */
function preview(world: World, expression: string, timeZone: string): { ok: true; words: string; next: string[] } | { ok: false; field: 'expression' | 'timezone'; message: string } {
  const parsed = parseScheduleExpression(expression);
  if (!parsed.ok) return { ok: false, field: 'expression', message: parsed.problems.map((p) => p.message).join(' ') };
  const zone = checkTimeZone(timeZone);
  if (zone) return { ok: false, field: 'timezone', message: zone.message };
  const epoch = world.config.epochMs;
  const next: string[] = [];
  for (let after = epoch + world.now; next.length < 3; ) {
    const at = nextFiring(parsed.expression, { afterEpochMs: after, startEpochMs: epoch + world.now, timeZone });
    if (at === null) break;
    next.push(clockLabel(at - epoch));
    after = at;
  }
  return { ok: true, words: describeExpression(parsed.expression, timeZone), next };
}

export function CreateScheduleForm({ initial }: { initial: string | undefined }) {
  const store = usePaneApi();
  const page = usePageApi();
  usePane((s) => s.version);
  const world = usePane((s) => s.sim.world);
  const definitions: TaskDefinition[] = [...world.taskDefinitions.values()].filter((td) => td.status === 'ACTIVE').sort((a, b) => a.family.localeCompare(b.family) || b.revision - a.revision);
  const families = [...new Set(definitions.map((d) => d.family))];
  const [name, setName] = useState(() => (world.schedules.has('nightly-report') ? '' : 'nightly-report'));
  const [expression, setExpression] = useState('rate(5 minutes)');
  const [timeZone, setTimeZone] = useState('UTC');
  const [td, setTd] = useState(initial ?? families.find((f) => f === 'report') ?? families[0] ?? '');
  const [count, setCount] = useState('1');
  const [errors, setErrors] = useState<{ name?: string; expression?: string; timezone?: string; count?: string; form?: string }>({});
  const shown = preview(world, expression, timeZone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!NAME.test(name)) next.name = 'A schedule name has 1 to 64 letters, numbers, hyphens (-), underscores (_) and periods (.).';
    else if (world.schedules.has(name)) next.name = `A schedule named ${name} already exists.`;
    if (!shown.ok) next[shown.field] = shown.message;
    const n = readWholeNumber(count, 1, 10);
    if (n === null) next.count = 'taskCount must be a whole number from 1 to 10.';
    if (Object.keys(next).length || n === null) return setErrors(next);
    const command: Command = { type: 'createSchedule', name, scheduleExpression: expression, ...(timeZone !== 'UTC' ? { scheduleExpressionTimezone: timeZone } : {}), target: { taskDefinition: td, taskCount: n } };
    const { outcome } = store.getState().dispatch(command);
    if (!outcome.ok) return setErrors({ form: outcome.error.message });
    page.getState().openDialog(null);
    store.getState().select({ kind: 'schedule', id: name });
  };
  return (
    <Dialog title="Schedule a task">
      <p className="muted small">
        An EventBridge Scheduler schedule whose target is RunTask: at each time its expression names, it starts standalone tasks of a task definition. They are not a
        service&apos;s: if one fails, nothing starts it again until the next run.
      </p>
      <form onSubmit={submit} noValidate>
        {errors.form && <p className="notice" role="alert">{errors.form}</p>}
        <FormField id="sch-name" label="Schedule name" error={errors.name}>
          <input id="sch-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy('sch-name', errors.name)} />
        </FormField>
        <FormField id="sch-expr" label="Schedule expression" error={errors.expression} hint={shown.ok ? `${shown.words}. ${shown.next.length ? `Next: ${shown.next.join(', ')}` : 'It will not fire again.'}` : `For example ${EXAMPLES.join(', ')}.`}>
          <input id="sch-expr" className="mono" value={expression} onChange={(e) => setExpression(e.target.value)} autoComplete="off" spellCheck={false} list="sch-examples" {...describedBy('sch-expr', errors.expression, true)} />
        </FormField>
        <datalist id="sch-examples">{EXAMPLES.map((x) => <option key={x} value={x} />)}</datalist>
        <FormField id="sch-tz" label="Time zone" error={errors.timezone} hint="The expression is read in this zone; UTC unless you choose one.">
          <input id="sch-tz" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} autoComplete="off" spellCheck={false} list="sch-zones" {...describedBy('sch-tz', errors.timezone, true)} />
        </FormField>
        <datalist id="sch-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        <FormField id="sch-td" label="Task definition (the latest ACTIVE revision at each run)">
          <select id="sch-td" value={td} onChange={(e) => setTd(e.target.value)}>
            {families.map((f) => <option key={f} value={f}>{f}</option>)}
            {definitions.map((d) => <option key={d.taskDefinitionArn} value={d.taskDefinitionArn}>{familyRevision(d.taskDefinitionArn)} (this revision only)</option>)}
          </select>
        </FormField>
        <FormField id="sch-count" label="Tasks a run (1–10)" error={errors.count}>
          <input id="sch-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} {...describedBy('sch-count', errors.count)} />
        </FormField>
        <div className="form-actions"><button type="submit" className="primary">Create schedule</button></div>
      </form>
    </Dialog>
  );
}

const LASTS: readonly [string, number | undefined][] = [['until you end it', undefined], ['5 minutes', 5], ['10 minutes', 10], ['30 minutes', 30]];

/** Take a zone down or bring it back; make Fargate run out of capacity in a zone, or all, and back. */
export function ZoneFaultsDialog() {
  const store = usePaneApi();
  usePane((s) => s.version);
  const world = usePane((s) => s.sim.world);
  const [lasts, setLasts] = useState('0');
  const [result, setResult] = useState<string | null>(null);
  const duration = LASTS[Number(lasts)]?.[1];
  const withDuration = duration === undefined ? {} : { durationSeconds: duration * 60 };
  const run = (command: Command, done: string) => {
    const { outcome } = store.getState().dispatch(command);
    setResult(outcome.ok ? done : outcome.error.message);
  };
  const zones = [...world.zones.values()];
  const allShort = zones.every((z) => z.capacityShort);
  const until = (at: number | null) => (at === null ? '' : ` until ${clockLabel(at)}`);
  return (
    <Dialog title="Zone faults">
      <p className="muted small">
        These happen on AWS&apos;s side, not through an API. A zone that goes down takes its tasks with it (stop code InfrastructureHealth); a service starts
        replacements in the zones that are left, and a standalone task is simply gone. With no Fargate capacity in a zone, launches there fail (“Capacity is
        unavailable at this time”) while the tasks already running there carry on.
      </p>
      <div className="form-field">
        <label htmlFor="fault-lasts">A fault lasts</label>
        <select id="fault-lasts" value={lasts} onChange={(e) => setLasts(e.target.value)}>
          {LASTS.map(([label], i) => <option key={label} value={i}>{label}</option>)}
        </select>
      </div>
      <ul className="zone-faults" aria-label="Availability Zones">
        {zones.map((z) => (
          <li key={z.availabilityZone} data-testid={`zone-fault-${z.availabilityZone}`}>
            <span className="zone-name">{z.availabilityZone}</span>
            <span className="zone-state">{!z.up ? `✕ down${until(z.downUntil)}` : z.capacityShort ? `⚠ no Fargate capacity${until(z.shortUntil)}` : '✓ up, with capacity'}</span>
            {z.up ? (
              <button type="button" onClick={() => run({ type: 'zoneOutage', availabilityZone: z.availabilityZone, ...withDuration }, `${z.availabilityZone} is down.`)}>Take {z.availabilityZone} down</button>
            ) : (
              <button type="button" onClick={() => run({ type: 'zoneRecovery', availabilityZone: z.availabilityZone }, `${z.availabilityZone} is back.`)}>Bring {z.availabilityZone} back</button>
            )}
            {z.capacityShort ? (
              <button type="button" onClick={() => run({ type: 'capacityRecovery', availabilityZone: z.availabilityZone }, `Fargate capacity is back in ${z.availabilityZone}.`)}>Capacity back in {z.availabilityZone}</button>
            ) : (
              <button type="button" onClick={() => run({ type: 'capacityShortage', availabilityZone: z.availabilityZone, ...withDuration }, `Fargate has no capacity in ${z.availabilityZone}.`)}>No capacity in {z.availabilityZone}</button>
            )}
          </li>
        ))}
      </ul>
      <div className="actions">
        {allShort ? (
          <button type="button" onClick={() => run({ type: 'capacityRecovery' }, 'Fargate capacity is back in every zone.')}>Capacity back everywhere</button>
        ) : (
          <button type="button" onClick={() => run({ type: 'capacityShortage', ...withDuration }, 'Fargate has no capacity in any zone.')}>No capacity in any zone</button>
        )}
      </div>
      <p role="status" className="small">{result}</p>
    </Dialog>
  );
}
