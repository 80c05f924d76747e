// A task definition: what it is (a blueprint, immutable), its actions, its images against the
// registry — what each tag points at now, and what the running tasks actually run — and its JSON.
// Loaded when a task definition is first selected.

import { useState } from 'react';
import { clockLabel, currentImage, isPinned, pushImageProblem, shortDigest, type ContainerDefinition, type TaskDefinition, type World } from '../../sim/index.ts';
import { usePageApi, usePaneApi } from '../../store/StoreContext.tsx';
import { ActionButton } from '../actions/ActionButton.tsx';
import { Digest } from '../Digest.tsx';
import { plural } from '../format.ts';
import { Field } from './Field.tsx';
import { Term } from '../glossary/Term.tsx';

export function TaskDefinitionInspector({ world, td }: { world: World; td: TaskDefinition }) {
  const open = usePageApi().getState().openDialog;
  const store = usePaneApi();
  const active = td.status === 'ACTIVE';
  const inactive = { enabled: false as const, reason: `${td.family}:${td.revision} is INACTIVE: deregistered definitions run nothing new.` };
  const { registeredAt: _r, deregisteredAt: _d, ...json } = td;
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
      <h4><Term id="imageTagDigest">images</Term></h4>
      <p className="muted small">
        A revision names an image by its tag. ECS resolves the tag to a digest when a deployment starts (or RunTask launches), and every task of that deployment runs that digest. Pushing the tag again changes nothing that runs, nor this revision: a new deployment picks the new build up.
      </p>
      <ul className="plain images">
        {td.containerDefinitions.map((c) => <ImageItem key={c.name} world={world} td={td} container={c} />)}
      </ul>
      <p className="muted small">As JSON (<code>app</code> and <code>sigterm</code> are the playground's: how the simulated program behaves).</p>
      <pre className="json" tabIndex={0} aria-label={`${td.family}:${td.revision} as JSON`}>{JSON.stringify(json, null, 2)}</pre>
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
