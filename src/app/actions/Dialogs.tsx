// The forms behind "Run task", "Create service", "Schedule task", "Zone faults" and "Register new revision", the shortcuts list,
// the scene picker and the share dialog. Loaded lazily: the first screen doesn't need them.

import { useState, type FormEvent } from 'react';
import { inputOf } from '../../sim/json.ts';
import { FARGATE_SIZES, familyRevision, validateTaskDefinition, type ContainerDefinitionInput, type FieldError, type TaskDefinition, type TaskDefinitionInput } from '../../sim/index.ts';
import type { DialogRequest } from '../../store/pageStore.ts';
import { usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { describedBy, Dialog, FormField, readWholeNumber } from './Dialog.tsx';
import { EmbedDialog } from '../embed/EmbedDialog.tsx';
import { LessonsDialog } from '../lesson/LessonsDialog.tsx';
import { ScenesDialog, ShareDialog } from './SessionDialogs.tsx';
import { RegisterJsonDialog } from '../register/RegisterJsonDialog.tsx';
import { UpdateServiceDialog } from './UpdateService.tsx';
import { CreateScheduleForm, ZoneFaultsDialog } from './ScheduleDialogs.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export default function Dialogs({ request }: { request: DialogRequest }) {
  switch (request.kind) {
    case 'runTask':
      return <RunTaskForm initial={request.taskDefinition} />;
    case 'createService':
      return <CreateServiceForm initial={request.taskDefinition} />;
    case 'registerRevision':
      return <RegisterRevisionForm initial={request.taskDefinition} />;
    case 'registerJson':
      return <RegisterJsonDialog taskDefinition={request.taskDefinition} />;
    case 'updateService':
      return <UpdateServiceDialog service={request.service} initial={request.taskDefinition} />;
    case 'shortcuts':
      return <ShortcutsList />;
    case 'scenes':
      return <ScenesDialog />;
    case 'share':
      return <ShareDialog />;
    case 'lessons':
      return <LessonsDialog />;
    case 'embed':
      return <EmbedDialog />;
    case 'createSchedule':
      return <CreateScheduleForm initial={request.taskDefinition} />;
    case 'zoneFaults':
      return <ZoneFaultsDialog />;
  }
}

function useActiveDefinitions(): TaskDefinition[] {
  usePane((s) => s.version);
  const world = usePane((s) => s.sim.world);
  return [...world.taskDefinitions.values()]
    .filter((td) => td.status === 'ACTIVE')
    .sort((a, b) => a.family.localeCompare(b.family) || b.revision - a.revision);
}

function DefinitionSelect({ id, value, onChange, definitions }: { id: string; value: string; onChange: (v: string) => void; definitions: TaskDefinition[] }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {definitions.map((td) => <option key={td.taskDefinitionArn} value={td.taskDefinitionArn}>{familyRevision(td.taskDefinitionArn)}</option>)}
    </select>
  );
}

/** A whole number from `min` to `max`, or a message saying what is wrong. */
function wholeNumber(text: string, min: number, max: number, what: string): number | string {
  const n = readWholeNumber(text, min, max);
  if (n !== null) return n;
  return readWholeNumber(text, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) === null ? `${what} must be a whole number from ${min} to ${max}.` : `${what} must be from ${min} to ${max}.`;
}

function FormError({ message }: { message: string | null }) {
  return message ? <p className="notice" role="alert">{message}</p> : null;
}

function RunTaskForm({ initial }: { initial: string | undefined }) {
  const store = usePaneApi();
  const page = usePageApi();
  const definitions = useActiveDefinitions();
  const [td, setTd] = useState(initial ?? definitions.find((d) => d.family === 'report')?.taskDefinitionArn ?? definitions[0]?.taskDefinitionArn ?? '');
  const [count, setCount] = useState('1');
  const [behindLb, setBehindLb] = useState(false);
  const lb = store.getState().sim.world.loadBalancers.values().next().value;
  const tg = lb && store.getState().sim.world.targetGroups.get(lb.listener.defaultTargetGroupArn);
  const [errors, setErrors] = useState<{ count?: string; form?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = wholeNumber(count, 1, 10, 'Count');
    if (typeof n === 'string') return setErrors({ count: n });
    // Asking for a load balancer is allowed, so the engine can say why RunTask refuses it.
    const loadBalancers = behindLb && tg ? { loadBalancers: [{ targetGroup: tg.targetGroupName }] } : {};
    const { outcome } = store.getState().dispatch({ type: 'runTask', taskDefinition: td, count: n, ...loadBalancers });
    if (!outcome.ok) return setErrors({ form: outcome.error.message });
    page.getState().openDialog(null);
  };
  return (
    <Dialog title="Run task">
      <p className="muted small">RunTask starts standalone tasks. They do their job and stop; if one fails, nothing replaces it, and it can't join a load balancer.</p>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form ?? null} />
        <FormField id="run-td" label="Task definition">
          <DefinitionSelect id="run-td" value={td} onChange={setTd} definitions={definitions} />
        </FormField>
        <FormField id="run-count" label="Number of tasks (1–10)" error={errors.count}>
          <input id="run-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} {...describedBy('run-count', errors.count)} />
        </FormField>
        {lb && (
          <label className="check">
            <input type="checkbox" checked={behindLb} onChange={(e) => setBehindLb(e.target.checked)} /> Put it behind {lb.loadBalancerName}
          </label>
        )}
        <div className="form-actions"><button type="submit" className="primary">Run task</button></div>
      </form>
    </Dialog>
  );
}

function CreateServiceForm({ initial }: { initial: string | undefined }) {
  const store = usePaneApi();
  const page = usePageApi();
  const definitions = useActiveDefinitions();
  const max = store.getState().sim.world.config.maxDesiredCount;
  const [td, setTd] = useState(initial ?? definitions.find((d) => d.family === 'web')?.taskDefinitionArn ?? definitions[0]?.taskDefinitionArn ?? '');
  const [name, setName] = useState('');
  const [count, setCount] = useState('2');
  const [errors, setErrors] = useState<{ name?: string; count?: string; form?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) next.name = 'Up to 255 letters, numbers, hyphens and underscores.';
    else if (store.getState().sim.world.services.get(name)?.status === 'ACTIVE') next.name = `A service named ${name} already exists.`;
    const n = wholeNumber(count, 0, max, 'desiredCount');
    if (typeof n === 'string') next.count = n;
    if (next.name || next.count || typeof n === 'string') return setErrors(next);
    const { outcome } = store.getState().dispatch({ type: 'createService', serviceName: name, taskDefinition: td, desiredCount: n });
    if (!outcome.ok) return setErrors({ form: outcome.error.message });
    page.getState().openDialog(null);
    store.getState().select({ kind: 'service', id: name });
  };
  return (
    <Dialog title="Create service">
      <p className="muted small">A service keeps desiredCount tasks of one task definition running, spread over the Availability Zones, and replaces any that stop.</p>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form ?? null} />
        <FormField id="svc-name" label="Service name" error={errors.name}>
          <input id="svc-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy('svc-name', errors.name)} />
        </FormField>
        <FormField id="svc-td" label="Task definition">
          <DefinitionSelect id="svc-td" value={td} onChange={setTd} definitions={definitions} />
        </FormField>
        <FormField id="svc-count" label="desiredCount" error={errors.count}>
          <input id="svc-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} {...describedBy('svc-count', errors.count)} />
        </FormField>
        <div className="form-actions"><button type="submit" className="primary">Create service</button></div>
      </form>
    </Dialog>
  );
}

type AppKind = NonNullable<ContainerDefinitionInput['app']>['kind'];
const APP_KINDS: { kind: AppKind; label: string }[] = [
  { kind: 'serve', label: 'Serves forever (a web server)' },
  { kind: 'exit', label: 'Does its job and exits (a batch job)' },
  { kind: 'crash', label: 'Crashes after a while' },
  { kind: 'failHealthCheck', label: 'Starts failing its health check (answers 500)' },
  { kind: 'hang', label: 'Hangs after a while (stops answering)' },
  { kind: 'pullError', label: 'Image cannot be pulled' },
];

/** Which form field an engine FieldError belongs to (the first container is the one edited). */
function fieldOf(error: FieldError): string {
  const f = error.field.replace(/^containerDefinitions\[0\]\./, '');
  if (f === 'family' || f === 'cpu' || f === 'memory' || f === 'image') return f;
  if (f === 'app.afterSeconds') return 'afterSeconds';
  if (f === 'app.exitCode') return 'exitCode';
  return 'form';
}

function RegisterRevisionForm({ initial }: { initial: string | undefined }) {
  const store = usePaneApi();
  const page = usePageApi();
  const world = store.getState().sim.world;
  const base = (initial && world.taskDefinitions.get(initial)) || world.taskDefinitions.values().next().value;
  const first = base?.containerDefinitions[0];
  const [family, setFamily] = useState(base?.family ?? 'web');
  const [image, setImage] = useState(first?.image ?? 'public.ecr.aws/nginx/nginx:1.27');
  const [cpu, setCpu] = useState(base?.cpu ?? '256');
  const [memory, setMemory] = useState(base?.memory ?? '512');
  const [kind, setKind] = useState<AppKind>(first?.app.kind ?? 'serve');
  const [after, setAfter] = useState(first && 'afterSeconds' in first.app ? String(first.app.afterSeconds) : '60');
  const [exitCode, setExitCode] = useState(first && 'exitCode' in first.app ? String(first.app.exitCode) : '1');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const seconds = Number(after);
    const code = readWholeNumber(exitCode, 0, 255);
    if (kind !== 'serve' && kind !== 'pullError' && (after.trim() === '' || !Number.isFinite(seconds))) local.afterSeconds = 'Enter a number of seconds, e.g. 60.';
    if ((kind === 'exit' || kind === 'crash') && code === null) local.exitCode = 'Enter a whole number from 0 to 255.';
    if (Object.keys(local).length) return setErrors(local);
    const app: NonNullable<ContainerDefinitionInput['app']> =
      kind === 'exit' || kind === 'crash' ? { kind, afterSeconds: seconds, exitCode: code ?? 0 } : kind === 'failHealthCheck' || kind === 'hang' ? { kind, afterSeconds: seconds } : { kind };
    // Every field of the revision it is based on (dependsOn, secrets, the fields the playground
    // keeps without simulating…), with the first container's image and program as edited.
    const based = base ? inputOf(base) : null;
    const containers: ContainerDefinitionInput[] = based
      ? based.containerDefinitions.map((c, i) => (i === 0 ? { ...c, image: image.trim(), app } : c))
      : [{ name: family || 'app', image: image.trim(), essential: true, app }];
    const input: TaskDefinitionInput = {
      ...(based ?? { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] }),
      family: family.trim(),
      cpu: cpu.trim(),
      memory: memory.trim(),
      containerDefinitions: containers,
    };
    const problems = validateTaskDefinition(input);
    if (problems.length) {
      const byField: Record<string, string> = {};
      for (const p of problems) {
        const key = fieldOf(p);
        byField[key] = byField[key] ? `${byField[key]} ${p.message}` : p.message;
      }
      return setErrors(byField);
    }
    const { outcome } = store.getState().dispatch({ type: 'registerTaskDefinition', taskDefinition: input });
    if (!outcome.ok) return setErrors({ form: outcome.error.message });
    setErrors({});
    setDone(familyRevision(outcome.taskDefinitionArn ?? ''));
  };

  if (done) {
    const now = store.getState().sim.world;
    const registered = [...now.taskDefinitions.values()].find((t) => familyRevision(t.taskDefinitionArn) === done);
    const arn = registered?.taskDefinitionArn;
    // The services that run this family: the next step is usually to deploy the new revision to one.
    const services = [...now.services.values()].filter((s) => s.status === 'ACTIVE' && registered && now.taskDefinitions.get(s.taskDefinition)?.family === registered.family);
    return (
      <Dialog title="Registered">
        <p role="status">Registered <strong>{done}</strong>. Running tasks keep the revision they started with: a task definition is immutable, and a new revision changes nothing until you run it{services.length > 0 ? ' or deploy it to a service' : ''}.</p>
        <div className="form-actions">
          {/* The form's submit button is gone: focus goes to the next step, not to the page. */}
          {arn && services.map((s, i) => (
            <button key={s.serviceName} type="button" autoFocus={i === 0} onClick={() => page.getState().openDialog({ kind: 'updateService', service: s.serviceName, taskDefinition: arn })}>Deploy it to service {s.serviceName}…</button>
          ))}
          <button type="button" autoFocus={!arn || services.length === 0} onClick={() => page.getState().openDialog({ kind: 'runTask', ...(arn ? { taskDefinition: arn } : {}) })}>Run a task of it…</button>
          <button type="button" className="primary" onClick={() => page.getState().openDialog(null)}>Done</button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Register a new revision" wide>
      <p className="muted small">
        Based on {base ? familyRevision(base.taskDefinitionArn) : 'a new family'}. The same family gets the next revision number; numbers are never reused.
      </p>
      <form onSubmit={submit} noValidate data-testid="register-form">
        <FormError message={errors.form ?? null} />
        <div className="form-grid">
          <FormField id="td-family" label="family" error={errors.family}>
            <input id="td-family" value={family} onChange={(e) => setFamily(e.target.value)} autoComplete="off" {...describedBy('td-family', errors.family)} />
          </FormField>
          <FormField id="td-image" label={`image (container ${first?.name ?? family})`} error={errors.image}>
            <input id="td-image" value={image} onChange={(e) => setImage(e.target.value)} autoComplete="off" {...describedBy('td-image', errors.image)} />
          </FormField>
          <FormField id="td-cpu" label="cpu (units)" error={errors.cpu} hint="1024 units = 1 vCPU">
            <input id="td-cpu" list="td-cpu-values" value={cpu} onChange={(e) => setCpu(e.target.value)} {...describedBy('td-cpu', errors.cpu, true)} />
          </FormField>
          <datalist id="td-cpu-values">{[...FARGATE_SIZES.keys()].map((c) => <option key={c} value={c} />)}</datalist>
          <FormField id="td-memory" label="memory (MiB)" error={errors.memory} hint="Must pair with cpu: 256 takes 512, 1024 or 2048">
            <input id="td-memory" value={memory} onChange={(e) => setMemory(e.target.value)} {...describedBy('td-memory', errors.memory, true)} />
          </FormField>
          <FormField id="td-app" label="The simulated program">
            <select id="td-app" value={kind} onChange={(e) => setKind(e.target.value as AppKind)}>
              {APP_KINDS.map((a) => <option key={a.kind} value={a.kind}>{a.label}</option>)}
            </select>
          </FormField>
          {kind !== 'serve' && kind !== 'pullError' && (
            <FormField id="td-after" label="after (seconds)" error={errors.afterSeconds}>
              <input id="td-after" inputMode="decimal" value={after} onChange={(e) => setAfter(e.target.value)} {...describedBy('td-after', errors.afterSeconds)} />
            </FormField>
          )}
          {(kind === 'exit' || kind === 'crash') && (
            <FormField id="td-exit" label="exit code" error={errors.exitCode}>
              <input id="td-exit" inputMode="numeric" value={exitCode} onChange={(e) => setExitCode(e.target.value)} {...describedBy('td-exit', errors.exitCode)} />
            </FormField>
          )}
        </div>
        <div className="form-actions"><button type="submit" className="primary">Register</button></div>
      </form>
    </Dialog>
  );
}

function ShortcutsList() {
  return (
    <Dialog title="Keyboard shortcuts">
      <table className="shortcuts">
        <caption className="visually-hidden">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.what}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Shortcuts work anywhere except while typing in a field. Tab reaches every node of the diagram; Enter selects it.</p>
    </Dialog>
  );
}
