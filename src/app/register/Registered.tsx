// After Register: what was registered and the next steps — run a task of it, deploy it to a
// service of its family — opening those dialogs as the "Register a new revision" form does.

import { familyRevision } from '../../sim/index.ts';
import { usePageApi, usePaneApi } from '../../store/StoreContext.tsx';

export function Registered({ arn, ignored }: { arn: string; ignored: string[] }) {
  const page = usePageApi();
  const world = usePaneApi().getState().sim.world;
  const td = world.taskDefinitions.get(arn);
  const name = familyRevision(arn);
  // The services that run this family: the usual next step is to deploy the new revision to one.
  const services = [...world.services.values()].filter((s) => s.status === 'ACTIVE' && td && world.taskDefinitions.get(s.taskDefinition)?.family === td.family);
  const open = page.getState().openDialog;
  return (
    <div data-testid="registered-json">
      <p role="status">
        Registered <strong>{name}</strong>. Running tasks keep the revision they started with: a new revision changes nothing until you run it{services.length > 0 ? ' or deploy it to a service' : ''}.
      </p>
      {ignored.length > 0 && (
        <p className="small muted">
          Kept on {name}, not simulated: {ignored.join(', ')}. Its exported JSON gives them back.
        </p>
      )}
      <p className="small muted">
        On AWS the same file registers it: <code className="wrap">aws ecs register-task-definition --cli-input-json file://{name.replace(':', '-')}.json</code>
      </p>
      <div className="form-actions wrap-actions">
        {/* The form's buttons are gone: focus goes to the next step, not to the page. */}
        {services.map((s, i) => (
          <button key={s.serviceName} type="button" autoFocus={i === 0} onClick={() => open({ kind: 'updateService', service: s.serviceName, taskDefinition: arn })}>
            Deploy it to service {s.serviceName}…
          </button>
        ))}
        <button type="button" autoFocus={services.length === 0} onClick={() => open({ kind: 'runTask', taskDefinition: arn })}>Run a task of it…</button>
        <button type="button" className="primary" onClick={() => open(null)}>Done</button>
      </div>
    </div>
  );
}
