// A task definition: what it is (a blueprint, immutable), its actions, its images against the
// registry — what each tag points at now, and what the running tasks actually run — and its JSON.
// Loaded when a task definition is first selected.

import { useState } from 'react';
import { appLabel, describeTaskDefinition } from '../../sim/json.ts';
import { clockLabel, currentImage, isoTimestamp, isPinned, pushImageProblem, shortDigest, type ContainerDefinition, type TaskDefinition, type World } from '../../sim/index.ts';
import { usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';
import { Digest } from '../Digest.tsx';
import { plural } from '../format.ts';
import { Field } from './Field.tsx';
import { ExportTaskDefinition } from '../register/ExportTaskDefinition.tsx';
import { TermField } from '../glossary/TermField.tsx';
import { Term } from '../glossary/Term.tsx';
import { dependentsOf, logDestination, secretSource, startOrderLine, waitsFor } from '../../diagram/containers.ts';

export function TaskDefinitionInspector({ world, td }: { world: World; td: TaskDefinition }) {
  const open = usePageApi().getState().openDialog;
  const store = usePaneApi();
  const active = td.status === 'ACTIVE';
  const inactive = { enabled: false as const, reason: `${td.family}:${td.revision} is INACTIVE: deregistered definitions run nothing new.` };
  return (
    <div className="inspector" data-testid="inspector">
      <h3><Term id="taskDefinition">Task definition</Term> <Term id="family">{td.family}</Term>:{td.revision} <span className="muted">({td.status})</span></h3>
      <p className="muted small">A blueprint: it runs nothing by itself. <Term id="revision">Revisions</Term> are immutable; a change is a new revision.</p>
      <div className="actions" role="group" aria-label={`Actions for ${td.family}:${td.revision}`}>
        <ActionButton availability={active ? { enabled: true } : inactive} onAction={() => open({ kind: 'runTask', taskDefinition: td.taskDefinitionArn })}>Run task…</ActionButton>
        <ActionButton availability={active ? { enabled: true } : inactive} onAction={() => open({ kind: 'createService', taskDefinition: td.taskDefinitionArn })}>Create service…</ActionButton>
        <ActionButton availability={{ enabled: true }} onAction={() => open({ kind: 'registerRevision', taskDefinition: td.taskDefinitionArn })}>Register new revision…</ActionButton>
        <ActionButton
          availability={active ? { enabled: true } : { enabled: false, reason: `${td.family}:${td.revision} is already INACTIVE.` }}
          control="deregister"
          onAction={() => store.getState().dispatch({ type: 'deregisterTaskDefinition', taskDefinition: td.taskDefinitionArn })}
        >
          Deregister
        </ActionButton>
      </div>
      {active && <p className="muted small">Deregistering stops nothing: tasks and services already running it keep running, and services can still scale it. It only stops new RunTask and CreateService calls from using it.</p>}
      <Containers td={td} />
      <h4><Term id="imageTagDigest">images</Term></h4>
      <p className="muted small">
        A revision names an image by its tag. ECS resolves the tag to a digest when a deployment starts (or RunTask launches), and every task of that deployment runs that digest. Pushing the tag again changes nothing that runs, nor this revision: a new deployment picks the new build up.
      </p>
      <ul className="plain images">
        {td.containerDefinitions.map((c) => <ImageItem key={c.name} world={world} td={td} container={c} />)}
      </ul>
      <p className="muted small">
        As <code>describe-task-definition</code> returns it. The docker labels <code>ecs-playground.app</code> and <code>ecs-playground.sigterm</code>, where present, are the playground's: how the simulated program behaves (AWS keeps them and ignores them).
      </p>
      <ExportTaskDefinition td={td} onEdit={() => open({ kind: 'registerJson', taskDefinition: td.taskDefinitionArn })} />
      <pre className="json" tabIndex={0} aria-label={`${td.family}:${td.revision} as JSON`}>{JSON.stringify(describeTaskDefinition(td, (at) => isoTimestamp(world.config.epochMs, at)), null, 2)}</pre>
    </div>
  );
}

function ImageItem({ world, td, container: c }: { world: World; td: TaskDefinition; container: ContainerDefinition }) {
  const store = usePaneApi();
  const [pushed, setPushed] = useState<string | null>(null);
  const record = currentImage(world, c.image);
  // What the running tasks of this revision run, by digest.
  const byDigest = new Map<string, number>();
  for (const t of world.tasks.values()) {
    if (t.taskDefinitionArn !== td.taskDefinitionArn || t.lastStatus === 'STOPPED') continue;
    const digest = t.containers.find((x) => x.name === c.name)?.imageDigest;
    if (digest) byDigest.set(digest, (byDigest.get(digest) ?? 0) + 1);
  }
  const pinned = isPinned(c.image);
  const problem = pushImageProblem(c.image);
  const push = () => {
    const { outcome } = store.getState().dispatch({ type: 'pushImage', image: c.image });
    const now = store.getState().sim.world;
    setPushed(outcome.ok ? `Pushed: ${c.image} now points at ${shortDigest(currentImage(now, c.image).digest)}. No running task changed.` : outcome.error.message);
  };
  return (
    <li data-testid={`image-${c.name}`}>
      <p className="image-name"><strong>{c.name}</strong> <code className="wrap">{c.image}</code></p>
      <dl className="fields">
        <Field name="registry now">
          <Digest digest={record.digest} /> {pinned ? '(pinned by digest: a push cannot change it)' : record.pushes === 0 ? '(the build it was first resolved to)' : `(after ${record.pushes} ${record.pushes === 1 ? 'push' : 'pushes'} here, the last at ${clockLabel(record.pushedAt)})`}
        </Field>
        <Field name="running tasks">
          {byDigest.size === 0
            ? `none of ${td.family}:${td.revision}`
            : [...byDigest].map(([digest, n]) => (
                <span key={digest} className="image-line" data-testid="running-digest">
                  {plural(n, 'task')} on <Digest digest={digest} /> {digest === record.digest ? '— the current build' : '— an older build, kept until a new deployment replaces them'}
                </span>
              ))}
        </Field>
      </dl>
      <ActionButton
        availability={problem ? { enabled: false, reason: problem } : { enabled: true }}
        onAction={push}
        className="push-button"
        control="push-image"
      >
        Push a new build of {c.image}
      </ActionButton>
      {pushed && <p role="status" className="small">{pushed}</p>}
    </li>
  );
}

/** Each container of the blueprint, in start order: what it runs, what it waits for, what it
 *  is given (environment, secrets by name only), where its output goes, its ports and checks. */
function Containers({ td }: { td: TaskDefinition }) {
  const several = td.containerDefinitions.length > 1;
  return (
    <>
      <h4>containers</h4>
      {several && (
        <p className="muted small" data-testid="start-order">
          Start order: <strong>{startOrderLine(td)}</strong>. Containers of one task share its network interface: they reach each other at <code>localhost</code>. They stop in reverse order: a container gets SIGTERM only once the containers that depend on it have stopped.
        </p>
      )}
      <ul className="plain td-containers">
        {td.containerDefinitions.map((c) => (
          <li key={c.name} data-testid={`td-container-${c.name}`}>
            <p className="image-name"><strong>{c.name}</strong> <code className="wrap">{c.image}</code></p>
            <dl className="fields">
              <TermField name="essential" term="essentialContainer">
                {c.essential ? 'true — if it stops, the task stops' : 'false — if it stops, the task runs on'}
              </TermField>
              {(c.cpu > 0 || c.memory !== undefined) && <Field name="cpu / memory">{c.cpu} units / {c.memory !== undefined ? `${c.memory} MiB` : 'no limit of its own'}</Field>}
              {waitsFor(c) && <Field name="dependsOn">{waitsFor(c)}</Field>}
              {c.startTimeout !== undefined && <Field name="startTimeout">{c.startTimeout} s: how long the containers that depend on it wait for it</Field>}
              {several && dependentsOf(td, c.name).length > 0 && <Field name="stops after">{dependentsOf(td, c.name).join(', ')}</Field>}
              {c.portMappings.length > 0 && <Field name="portMappings">{c.portMappings.map((p) => `${p.containerPort}/${p.protocol}`).join(', ')}</Field>}
              {c.environment.length > 0 && (
                <Field name="environment">
                  {c.environment.map((e) => <code key={e.name} className="wrap env">{e.name}={e.value}</code>)}
                </Field>
              )}
              {c.secrets.length > 0 && (
                <Field name="secrets">
                  {c.secrets.map((x) => <span key={x.name} className="env"><code>{x.name}</code> <span className="muted">from {secretSource(x.valueFrom)} (the value is never shown)</span></span>)}
                </Field>
              )}
              <LogField container={c} />
              {c.healthCheck && <Field name="healthCheck"><code className="wrap">{c.healthCheck.command.slice(1).join(' ')}</code> every {c.healthCheck.interval} s, {c.healthCheck.retries} tries</Field>}
              {c.restartPolicy?.enabled && (
                <Field name="restartPolicy">
                  restarted in place when it exits{c.restartPolicy.ignoredExitCodes.length ? `, except with ${c.restartPolicy.ignoredExitCodes.join(', ')}` : ''}; at most once per {c.restartPolicy.restartAttemptPeriod} s
                </Field>
              )}
              {c.stopTimeout !== 30 && <Field name="stopTimeout">{c.stopTimeout} s from SIGTERM to SIGKILL</Field>}
              <Field name="program (playground)">{appLabel(c.app)}{c.sigterm === 'ignore' ? ', ignores SIGTERM' : ''}</Field>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function LogField({ container: c }: { container: ContainerDefinition }) {
  const where = logDestination(c);
  if (!where) return <Field name="logConfiguration"><span className="muted">none: its output goes nowhere you can read</span></Field>;
  return (
    <Field name="logConfiguration">
      awslogs to <code className="wrap">{where.group}</code> in {where.region}, stream <code className="wrap">{where.stream}</code>
    </Field>
  );
}
