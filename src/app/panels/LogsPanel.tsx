// Logs: the container logs as CloudWatch Logs shows them — log groups, their streams (one per
// container of a task, `prefix/container/task-ID`), and a stream's events, newest at the bottom,
// with a filter. The selected task's streams come first. The streams outlive their tasks: that is
// what you read to find out why a job failed. Text at a human pace: at most 4 refreshes a second.

import { useId, useLayoutEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import {
  ACCESS_SAMPLE_EVERY,
  clockLabel,
  containerLogs,
  isoTimestamp,
  logEvents,
  logGroups,
  MAX_LOG_LINES,
  MAX_LOG_STREAMS,
  shortId,
  type LogStream,
  type World,
} from '../../sim/index.ts';
import { usePane, useThrottledVersion } from '../../store/StoreContext.tsx';
import './logs.css';

/** Which stream is open: by its task and container, so it survives the stream being replaced. */
type Chosen = { taskArn: string; containerName: string };

const SHOWN = 300; // lines drawn at first; "Show older lines" draws more

export function LogsPanel() {
  useThrottledVersion();
  const world = usePane((s) => s.sim.world);
  const selection = usePane((s) => s.selection);
  const selectedTask = selection?.kind === 'task' ? world.tasks.get(selection.id) : undefined;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // Selecting a task opens its first stream (state adjusted during render, not in an effect).
  const [shownFor, setShownFor] = useState<string | null>(null);
  const selectedArn = selectedTask?.taskArn ?? null;
  if (selectedArn !== shownFor) {
    setShownFor(selectedArn);
    const first = selectedTask && world.logs.byTask.get(selectedTask.taskArn)?.streams[0];
    if (first) setChosen({ taskArn: first.taskArn, containerName: first.containerName });
  }
  const groups = logGroups(world);
  const stream = chosen ? world.logs.byTask.get(chosen.taskArn)?.streams.find((s) => s.containerName === chosen.containerName) : undefined;
  const choose = (s: LogStream) => setChosen({ taskArn: s.taskArn, containerName: s.containerName });
  const isChosen = (s: LogStream) => chosen?.taskArn === s.taskArn && chosen.containerName === s.containerName;

  return (
    <div className="logs-panel" data-testid="logs-panel">
      <p className="small muted">
        Each container whose task definition has a <code>logConfiguration</code> with the awslogs driver sends its output to CloudWatch Logs: a log stream
        named <code>prefix/container/task-ID</code> in its log group. The streams stay after ECS has forgotten the task.
      </p>
      {selectedTask && (
        <section className="logs-task" aria-labelledby="logs-task-heading">
          <h3 id="logs-task-heading">Task <code>{shortId(selectedTask.taskId)}</code> ({selectedTask.lastStatus})</h3>
          <ul className="log-streams">
            {containerLogs(world, selectedTask).map((c) =>
              c.kind === 'stream' ? (
                <li key={c.containerName}><StreamButton world={world} stream={c.stream} chosen={isChosen(c.stream)} onChoose={choose} /></li>
              ) : c.kind === 'notStarted' ? (
                <li key={c.containerName} className="muted small">Container <strong>{c.containerName}</strong> has not started, so it has no log stream: awslogs creates <code className="wrap">{c.logStreamName}</code> in {c.logGroupName} when it starts.</li>
              ) : (
                <li key={c.containerName} className="small">Container <strong>{c.containerName}</strong> has no logConfiguration: its output goes nowhere you can read.</li>
              ),
            )}
          </ul>
        </section>
      )}
      {stream ? <StreamView key={`${stream.taskArn} ${stream.containerName}`} world={world} stream={stream} /> : chosen && <p className="muted">That stream is no longer kept: the playground keeps the {MAX_LOG_STREAMS} newest.</p>}
      {groups.length === 0 ? (
        <p className="muted">No log streams yet. A container writes one once it starts, if its task definition gives it a logConfiguration (the scenes “A web server with a sidecar” and “A job with an init container” do).</p>
      ) : (
        groups.map((g) => (
          <section key={g.logGroupName} className="log-group" aria-label={`Log group ${g.logGroupName}`}>
            <h3>Log group <code className="wrap">{g.logGroupName}</code> <span className="muted small">({g.streams.length} {g.streams.length === 1 ? 'stream' : 'streams'})</span></h3>
            <ul className="log-streams">
              {g.streams.map((s) => (
                <li key={`${s.taskArn} ${s.containerName}`}><StreamButton world={world} stream={s} chosen={isChosen(s)} onChoose={choose} /></li>
              ))}
            </ul>
          </section>
        ))
      )}
      {world.logs.deletedStreams > 0 && (
        <p className="small muted">{world.logs.deletedStreams.toLocaleString('en')} older streams were deleted: the playground keeps the {MAX_LOG_STREAMS} newest, the oldest stopped tasks’ first.</p>
      )}
    </div>
  );
}

/** A stream in a list: its name, its last event, and its task's status — or that the task is gone. */
function StreamButton({ world, stream: s, chosen, onChoose }: { world: World; stream: LogStream; chosen: boolean; onChoose: (s: LogStream) => void }) {
  const task = world.tasks.get(s.taskArn);
  const status = task ? task.lastStatus : 'task gone';
  const exit = s.exit ? `, exited ${s.exit.exitCode ?? '–'}` : '';
  return (
    <button type="button" className="log-stream" aria-pressed={chosen} onClick={() => onChoose(s)}>
      <code className="wrap">{s.logStreamName}</code>
      <span className="small muted">
        {s.lastEventTimestamp === null ? 'no events yet' : `last event ${clockLabel(s.lastEventTimestamp)}`} · {status}{exit}
      </span>
    </button>
  );
}

/** One stream's events: time and message, newest at the bottom, filtered by text. */
function StreamView({ world, stream }: { world: World; stream: LogStream }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(SHOWN);
  const filterId = useId();
  const headingId = useId();
  const box = useRef<HTMLOListElement>(null);
  const stick = useRef(true); // follow the newest line until the reader scrolls up
  const needle = filter.trim().toLowerCase();
  // Each line keeps its number in the stream (dropped lines counted), so a line keeps its key
  // when older ones are dropped or the filter changes. A stream is replaced whenever it gains a
  // line, so an unchanged one is not read again.
  const all = useMemo(() => logEvents(stream).map((e, i) => ({ ...e, n: stream.dropped + i })), [stream]);
  const matching = useMemo(() => (needle ? all.filter((e) => e.message.toLowerCase().includes(needle)) : all), [all, needle]);
  const lines = matching.slice(-shown);
  useLayoutEffect(() => {
    if (stick.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  });
  const onScroll = (e: UIEvent<HTMLOListElement>) => {
    const el = e.currentTarget;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
  };
  const epoch = world.config.epochMs;
  const sampled = all.some((e) => e.message.includes(' HTTP/1.1" '));
  return (
    <section className="log-stream-view" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Log events: <code className="wrap">{stream.logStreamName}</code>
      </h3>
      <p className="small muted">
        Log group {stream.logGroupName} ({stream.region}) · container {stream.containerName} of task <code>{shortId(stream.taskId)}</code> ·{' '}
        {stream.written.toLocaleString('en')} {stream.written === 1 ? 'line' : 'lines'} written
      </p>
      <StreamNotes world={world} stream={stream} sampled={sampled} />
      <div className="filters">
        <label htmlFor={filterId}>Filter events</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="text in the line" autoComplete="off" spellCheck={false} />
        {needle && <span className="small muted" role="status">{matching.length.toLocaleString('en')} of {all.length.toLocaleString('en')} lines match</span>}
      </div>
      {matching.length > lines.length && (
        <button type="button" className="small" onClick={() => setShown((n) => n + SHOWN)}>
          Show older lines ({(matching.length - lines.length).toLocaleString('en')} more)
        </button>
      )}
      {lines.length === 0 ? (
        <p className="muted">{all.length === 0 ? 'No events yet.' : 'No line matches the filter.'}</p>
      ) : (
        <ol className="log-lines" ref={box} onScroll={onScroll} tabIndex={0} aria-label={`Events of ${stream.logStreamName}, oldest first`} data-testid="log-lines">
          {lines.map((e) => (
            <li key={e.n}>
              <time dateTime={isoTimestamp(epoch, e.timestamp)} title={isoTimestamp(epoch, e.timestamp)}>{clockLabel(e.timestamp)}</time>
              <span className="log-message">{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the log itself cannot say: what was dropped, what is sampled, and how the container ended
 *  as ECS reports it — an OOM kill or a SIGKILL writes nothing; the reason is ECS's. */
function StreamNotes({ world, stream: s, sampled }: { world: World; stream: LogStream; sampled: boolean }) {
  const task = world.tasks.get(s.taskArn);
  const exit = s.exit;
  return (
    <>
      {s.dropped > 0 && (
        <p className="log-note" role="note">
          Older lines dropped: the playground keeps the last {MAX_LOG_LINES.toLocaleString('en')} per stream ({s.dropped.toLocaleString('en')} dropped so far).
        </p>
      )}
      {sampled && <p className="small muted">Access lines are sampled: at most one per {ACCESS_SAMPLE_EVERY / 1000} s per task, besides the health checks. The real log has a line for every request.</p>}
      {exit?.reason?.startsWith('OutOfMemoryError') ? (
        <p className="log-note" role="note">
          The log just stops at {clockLabel(exit.at)}. ECS says why, not the log: exit code {exit.exitCode}, reason “{exit.reason}”. The kernel killed the process for using more memory than its limit, so it wrote nothing about it.
        </p>
      ) : exit?.exitCode === 137 ? (
        <p className="log-note" role="note">
          Exit code 137 at {clockLabel(exit.at)}: SIGKILL. The container did not exit within its stopTimeout after SIGTERM (an app that ignores SIGTERM says nothing), so it was killed; its log just stops.
        </p>
      ) : exit ? (
        <p className="small muted">The container exited at {clockLabel(exit.at)} with code {exit.exitCode ?? 'none'}{exit.reason ? ` (${exit.reason})` : ''}: ECS reports that as the container’s exitCode, beside what it wrote here.</p>
      ) : null}
      {!task ? (
        <p className="small muted">Task {shortId(s.taskId)} is gone: ECS forgets a stopped task after an hour, but its logs stay in CloudWatch Logs.</p>
      ) : task.lastStatus === 'STOPPED' && task.stoppedReason ? (
        <p className="small muted">The task stopped: {task.stopCode}, “{task.stoppedReason}” — ECS’s words, in DescribeTasks, not in the container’s log.</p>
      ) : null}
    </>
  );
}
