import { shortId, type Task } from '../sim/index.ts';
import { useSimStore } from '../store/StoreContext.tsx';

const ORDER: Record<string, number> = { RUNNING: 0, PENDING: 1, PROVISIONING: 1, STOPPING: 2, DEPROVISIONING: 2, STOPPED: 3 };

export function TasksTable() {
  useSimStore((s) => s.version);
  const world = useSimStore((s) => s.sim.world);
  const dispatch = useSimStore((s) => s.dispatch);
  const rejection = useSimStore((s) => s.lastRejection);
  const tasks = Object.values(world.tasks).sort(
    (a, b) => (ORDER[a.lastStatus] ?? 1) - (ORDER[b.lastStatus] ?? 1) || a.group.localeCompare(b.group) || a.createdAt - b.createdAt,
  );

  return (
    <section aria-labelledby="tasks-heading" className="panel tasks">
      <h2 id="tasks-heading">Tasks</h2>
      {rejection && <p role="alert" className="notice">{rejection}</p>}
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Every task in the cluster, running and recently stopped</caption>
          <thead>
            <tr>
              <th scope="col">Task</th><th scope="col">Action</th><th scope="col">Group</th><th scope="col">Last status</th><th scope="col">Desired status</th>
              <th scope="col">Health</th><th scope="col">AZ</th><th scope="col">Stop code</th><th scope="col">Stopped reason</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((t) => <TaskRow key={t.taskArn} task={t} onStop={() => dispatch({ type: 'stopTask', task: t.taskArn })} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TaskRow({ task: t, onStop }: { task: Task; onStop: () => void }) {
  const id = shortId(t.taskId);
  return (
    <tr data-testid={`task-${id}`} data-last-status={t.lastStatus} data-group={t.group}>
      <th scope="row"><code>{id}</code> <span className="muted">{t.family}:{t.revision}</span></th>
      <td>
        <button type="button" onClick={onStop} disabled={t.desiredStatus === 'STOPPED'} aria-label={`Stop task ${id}`}>
          Stop
        </button>
      </td>
      <td>{t.group}</td>
      <td><span className={`status status-${t.lastStatus.toLowerCase()}`}>{t.lastStatus}</span></td>
      <td>{t.desiredStatus}</td>
      <td>{t.healthStatus}</td>
      <td>{t.availabilityZone}</td>
      <td>{t.stopCode ?? ''}</td>
      <td className="reason">
        {t.stoppedReason ?? ''}
        {t.containers.some((c) => c.exitCode !== null) && (
          <span className="muted"> {t.containers.filter((c) => c.exitCode !== null).map((c) => `${c.name} exit ${c.exitCode}`).join(', ')}</span>
        )}
      </td>
    </tr>
  );
}
