// A schedule as EventBridge Scheduler's console shows it (spec §4.1): its expression in words, when
// it fires next, its RunTask target, the actions (enable, disable, run now, delete) and its past
// runs with how each task ended. Loaded when a schedule is first selected; it brings the
// expression parser with it (src/sim/schedules.ts).

import { describeExpression } from '../../sim/schedules.ts';
import { clockLabel, familyRevision, resolveTaskDefinition, shortId, taskIdOf, type Schedule, type ScheduleRun, type World } from '../../sim/index.ts';
import { usePaneApi } from '../../store/StoreContext.tsx';
import { nextRunText } from '../../diagram/project.ts';
import { ActionButton } from '../actions/ActionButton.tsx';
import { when } from '../format.ts';
import { Field } from './Field.tsx';

const ENABLED = { enabled: true } as const;

export function ScheduleInspector({ world, schedule: sc }: { world: World; schedule: Schedule }) {
  const store = usePaneApi();
  const dispatch = store.getState().dispatch;
  const enabled = sc.state === 'ENABLED';
  const td = resolveTaskDefinition(world, sc.target.taskDefinition);
  const runs = sc.runs.slice().reverse();
  return (
    <div className="inspector" data-testid="inspector">
      <h3>Schedule {sc.name} <span className="muted">({sc.state})</span></h3>
      <p data-testid="schedule-summary">
        <code>{sc.scheduleExpression}</code>: {describeExpression(sc.expression, sc.scheduleExpressionTimezone)}. <strong>{nextRunText(sc)}</strong>.
      </p>
      <div className="actions" role="group" aria-label={`Actions for schedule ${sc.name}`}>
        <ActionButton availability={ENABLED} control="schedule-toggle" onAction={() => dispatch({ type: 'updateSchedule', name: sc.name, state: enabled ? 'DISABLED' : 'ENABLED' })}>{enabled ? 'Disable' : 'Enable'}</ActionButton>
        <ActionButton availability={ENABLED} control="schedule-run-now" onAction={() => dispatch({ type: 'runScheduleNow', name: sc.name })}>Run now</ActionButton>
        <ActionButton
          availability={ENABLED}
          control="schedule-delete"
          onAction={() => {
            dispatch({ type: 'deleteSchedule', name: sc.name });
            store.getState().select(null);
          }}
        >
          Delete schedule
        </ActionButton>
      </div>
      <p className="muted small">
        Each run is one RunTask: standalone tasks, started by <code>chronos-schedule/{sc.name}</code>. Nothing watches them: a run that fails is not run again (the
        Scheduler retries a RunTask call that fails, not a task that exits), and a run still going when the next one fires simply overlaps it. “Run now” is the
        playground’s shortcut: the Scheduler has none (you would call RunTask yourself).
      </p>
      <h4>past runs <span className="muted small">({sc.runCount} in all{sc.runCount > sc.runs.length ? `, the latest ${sc.runs.length} here` : ''}; newest first)</span></h4>
      {runs.length === 0 ? <p className="muted">No runs yet.</p> : <ol className="schedule-runs" data-testid="schedule-runs">{runs.map((r) => <RunItem key={`${r.at} ${r.taskArns[0] ?? ''}`} world={world} run={r} />)}</ol>}
      <h4>fields</h4>
      <dl className="fields">
        <Field name="Arn"><code className="wrap">{sc.arn}</code></Field>
        <Field name="State">{sc.state}</Field>
        <Field name="ScheduleExpression"><code>{sc.scheduleExpression}</code></Field>
        <Field name="ScheduleExpressionTimezone">{sc.scheduleExpressionTimezone}</Field>
        <Field name="FlexibleTimeWindow">Mode OFF (fires within the minute)</Field>
        <Field name="Target">ECS RunTask of {td ? familyRevision(td.taskDefinitionArn) : sc.target.taskDefinition}{sc.target.taskDefinition.includes(':') ? '' : ' (the latest ACTIVE revision at each run)'}, TaskCount {sc.target.taskCount}, LaunchType FARGATE</Field>
        <Field name="RetryPolicy">MaximumRetryAttempts 185, MaximumEventAgeInSeconds 86400 (for the RunTask call)</Field>
        <Field name="CreationDate">{when(world, sc.createdAt)}</Field>
      </dl>
    </div>
  );
}

function RunItem({ world, run }: { world: World; run: ScheduleRun }) {
  const store = usePaneApi();
  const outcome = new Map(run.outcomes.map((o) => [o.taskArn, o]));
  return (
    <li>
      <time className="muted">{clockLabel(run.at)}</time> {run.manual ? 'run now' : 'fired'}:{' '}
      {run.refused ? <span className="stop">RunTask refused: {run.refused}</span> : null}
      {run.taskArns.map((arn) => {
        const o = outcome.get(arn);
        const task = world.tasks.get(arn);
        const id = shortId(taskIdOf(arn));
        const state = o ? (o.exitCode === null ? `stopped (${o.stopCode ?? 'no exit code'})` : `exit ${o.exitCode}${o.exitCode === 0 ? ' ✓' : ' ✕'}`) : (task?.lastStatus ?? 'forgotten');
        return (
          <span key={arn} className="run-task">
            {task ? <button type="button" className="link" onClick={() => store.getState().select({ kind: 'task', id: arn })}>task {id}</button> : <>task {id}</>} {state}
          </span>
        );
      })}
      {run.failures.length > 0 && <span className="stop"> {run.failures.length} not started: {run.failures[0]!.reason} ({run.failures[0]!.detail})</span>}
    </li>
  );
}
