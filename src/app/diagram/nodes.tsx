// The diagram's node components. Each draws one projected node (src/diagram/project.ts); none
// reads the store for its content, so React Flow can skip every node whose object is unchanged.
// Status is always text + icon + colour.
//
// Animation is CSS, not motion (STYLE.md suggests motion; here it costs more than it gives): a
// task node grows in when it arrives on its own (a keyframe animation on a class set at mount),
// shrinks a little as it stops and fades (a transition on the status classes), and its lifecycle
// bar fills and empties (a transition on a background); diagram.css turns all of it off under
// prefers-reduced-motion. That keeps motion's runtime out of the first screen's JavaScript (the
// 200 KB budget) and a motion component per node out of every frame: 200 nodes were 200 animation
// controllers, and now they are class names.
//
// A task node is drawn in at most a dozen elements, React Flow's wrapper included (issue 11: the
// DOM grows with every task, and every element is layout and paint work). Icons are CSS content
// (::before), not spans; and a task node has no <Handle>s (two elements, and React Flow's
// connection machinery, for a node nothing connects from): React Flow anchors an edge on any
// element in the node with the class `target` (or `source`) and a `data-handlepos`
// (@xyflow/system getHandleBounds, measured when the node mounts). One empty box across the
// node's top edge is that anchor, so edges end at the middle of the top, as on a Handle. It sits
// beside the card, not in it: the card's grow-in scale would be measured with it.

import { Handle, NodeToolbar, Position, type NodeProps } from '@xyflow/react';
import { memo, useState, type MouseEvent, type ReactNode } from 'react';
import { startOrderLine } from '../../diagram/containers.ts';
import type { NodeData, BandNodeData, ClientsNodeData, ClusterNodeData, LoadBalancerNodeData, ScheduleNodeData, ServiceNodeData, TaskDefinitionNodeData, TaskNodeData, ZoneNodeData } from '../../diagram/project.ts';
import { cpuLabel, memoryLabel, targetCounts } from '../../diagram/project.ts';
import { DEFAULT_DEREGISTRATION_DELAY, isSteady, scheduleNameOf, shortId } from '../../sim/index.ts';
import { scaleBy } from '../actions/scale.ts';
import { usePageApi, usePane, usePaneApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { errorCounts, lastSeconds, percent, percentOf, servedBy } from '../trafficStats.ts';
import { nodeLabelId } from '../../diagram/share.ts';
import { CONTAINER_ICON, healthText, isStopping, ROLLOUT_ICON, STATUS_ICON, taskStateClasses } from '../status.ts';

// Handles only anchor the cards' edges. visibility, not opacity: an opacity makes the browser
// keep a compositing effect for each handle, and repaint work grows with them.
const hidden = { visibility: 'hidden' as const, pointerEvents: 'none' as const };
const Handles = () => (
  <>
    <Handle type="target" position={Position.Top} isConnectable={false} style={hidden} />
    <Handle type="source" position={Position.Bottom} isConnectable={false} style={hidden} />
  </>
);

/** Clicks on a button inside a node must not also select or pan. */
const own = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

function TaskNodeView({ data, width }: ViewProps<TaskNodeData>) {
  const store = usePaneApi();
  const t = data.task;
  const id = shortId(t.taskId);
  const compact = (width ?? 200) < 160;
  const standalone = !t.serviceName;
  const stopping = isStopping(t);
  const classes = ['task-node', ...taskStateClasses(data)];
  // A task that comes on its own (a replacement, a new task) grows in. One of a crowd drawn over
  // several frames (a 200-task scene) just appears: the crowd filling in is motion enough, and
  // 200 grow animations at once are 200 layers for the browser to composite each frame.
  const [entering] = useState(() => !store.getState().diagramBehind);
  if (entering) classes.push('entering');
  if (stopping || data.fading) classes.push('receding');
  if (compact) classes.push('compact');
  // Where the task is heading, when that is not where it is ("DEACTIVATING → STOPPED"). A compact
  // node has no room for it: its dashed border says it is stopping, its name says the rest.
  const headingFor = !compact && t.desiredStatus !== t.lastStatus && t.lastStatus !== 'STOPPED';
  // While old and new run side by side, a word says which this one is (its style is the echo).
  const tag = data.deployment && <span className={`deploy-tag tag-${data.deployment}`}>{data.deployment}</span>;
  const health = healthText(t);
  // The meta line holds the health and then the stop code or the Stop button. A stop code is long
  // ("ServiceSchedulerInitiated"): it is elided to the room left, and the full text is in the
  // node's name and the inspector (and a title, for the pointer).
  const meta = (health || t.stopCode || t.desiredStatus === 'RUNNING') && (
    <div className="task-meta">
      {health && <span className={`health health-${t.healthStatus.toLowerCase()}`}>{health}</span>}
      {t.stopCode && <span className="stop-code" title={t.stopCode}>{t.stopCode}</span>}
      {t.desiredStatus === 'RUNNING' && (
        <button
          type="button"
          className="node-stop nodrag nopan"
          tabIndex={-1}
          aria-label={`Stop task ${id}`}
          onClick={own(() => store.getState().dispatch({ type: 'stopTask', task: t.taskArn }))}
        >
          Stop
        </button>
      )}
    </div>
  );

  return (
    <>
    <i className="task-anchor target" data-handlepos="top" aria-hidden="true" />
    <div
      className={classes.join(' ')}
      data-testid={`node-task-${id}`}
      data-last-status={t.lastStatus}
      data-group={t.group}
      data-deployment={data.deployment ?? undefined}
    >
      {/* The status icon is the head's ::before (its data-icon, diagram.css); the ID is the head's own text. */}
      <div className="task-head" data-icon={STATUS_ICON[t.lastStatus]}>
        {id}
        {/* Beside old and new, the tag carries the revision too (one element, not two). */}
        {compact ? tag : data.deployment ? <span className={`deploy-tag tag-${data.deployment}`}>{t.family}:{t.revision} · {data.deployment}</span> : <span className="revision">{t.family}:{t.revision}</span>}
      </div>
      <div className={headingFor ? 'task-status with-desired' : 'task-status'}>
        {t.lastStatus}
        {headingFor && <span className="desired"> → {t.desiredStatus}</span>}
      </div>
      {!compact && meta}
      {!compact && standalone && <div className="task-owner">{scheduleNameOf(t.startedBy) !== null ? `schedule ${scheduleNameOf(t.startedBy)}` : 'started by you'}</div>}
      {compact ? (
        // Compact nodes (a crowd) show their revision only while old and new are side by side.
        (data.target || data.deployment) && (
          <div className="task-foot">
            {data.target && <span className={`target-line target-${data.target.state}`}>{data.target.state}</span>}
            {data.deployment && <span className="revision">{t.family}:{t.revision}</span>}
          </div>
        )
      ) : (
        data.target && <TargetLine taskArn={t.taskArn} state={data.target.state} />
      )}
    </div>
    {/* Selected, the task shows its containers under it, each with its status and exit code
        (React Flow draws the toolbar only for the selected node; the inspector has the table). */}
    <NodeToolbar position={Position.Bottom} offset={6} className="task-containers" aria-hidden="true">
      {t.containers.map((c) => (
        <span key={c.name} className={`container-line container-${c.lastStatus.toLowerCase()}`} data-testid={`node-container-${c.name}`}>
          {CONTAINER_ICON[c.lastStatus]} {c.name} {c.lastStatus}{c.exitCode !== null ? ` · exit ${c.exitCode}` : ''}{c.essential ? '' : ' · not essential'}
        </span>
      ))}
    </NodeToolbar>
    </>
  );
}

/** The task's target state, and how many requests it has served (refreshed twice a second). */
function TargetLine({ taskArn, state }: { taskArn: string; state: string }) {
  useThrottledVersion(500);
  // The traffic record is updated in place, so this selector never re-renders the line by itself:
  // the throttled version above does, twice a second (a served count re-rendering it at every
  // request would undo that).
  const traffic = usePane((s) => s.sim.world.traffic);
  const served = servedBy(traffic, taskArn);
  // Thousands as "1.4k", so the line fits the node; the exact count is in its title.
  const count = traffic.perTask.get(taskArn)?.served ?? 0;
  const short = count < 1000 ? served : count < 1e6 ? `${(count / 1e3).toFixed(count < 1e4 ? 1 : 0)}k` : `${(count / 1e6).toFixed(1)}M`;
  return (
    <div className={`target-line target-${state}`} title={`target ${state} · ${short} served${short === served ? '' : ` (${served})`}`}>
      target {state} · {short} served
    </div>
  );
}

function LoadBalancerNodeView({ data }: ViewProps<LoadBalancerNodeData>) {
  useThrottledVersion(500);
  const traffic = usePane((s) => s.sim.world.traffic);
  const lb = data.loadBalancer;
  const tg = data.targetGroup;
  const recent = lastSeconds(traffic, 5);
  return (
    <div className={`card lb-node emphasis-${data.emphasis}`} data-testid="node-alb">
      <Handles />
      <p className="kicker">Application Load Balancer</p>
      <p className="title">{lb.loadBalancerName}</p>
      <p className="small muted">HTTP :{lb.listener.port} → {tg.targetGroupName} ({tg.algorithm === 'round_robin' ? 'round robin' : 'least outstanding'})</p>
      <p className="small target-counts">
        {targetCounts(tg, ' · ')}
      </p>
      <p className="small">{recent.requests > 0 ? `${percent(recent.ok, recent.requests)} ok over 5 s` : 'no requests'}</p>
      {tg.deregistrationDelaySeconds !== DEFAULT_DEREGISTRATION_DELAY && <p className="small">drain {tg.deregistrationDelaySeconds} s (AWS default {DEFAULT_DEREGISTRATION_DELAY} s)</p>}
    </div>
  );
}

function ClientsNodeView({ data }: ViewProps<ClientsNodeData>) {
  useThrottledVersion(500);
  const traffic = usePane((s) => s.sim.world.traffic);
  const recent = lastSeconds(traffic, 5);
  const failed = recent.requests - recent.ok;
  return (
    <div className="card clients-node" data-testid="node-clients" aria-label={data.label}>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={hidden} />
      <p className="kicker">Clients</p>
      <p className="title">{traffic.ratePerSecond} req/s</p>
      <p className="small">
        {/* Whole percents: "50 % ok · 12× 503" fits the card in presenter type (the exact share is
            the load balancer's line and the Traffic tab's). */}
        {recent.requests === 0 ? 'waiting' : `${percentOf(recent.ok, recent.requests)} % ok`}
        {failed > 0 && <span className="fail"> · {errorCounts(recent)}</span>}
      </p>
    </div>
  );
}

function ServiceNodeView({ data }: ViewProps<ServiceNodeData>) {
  const store = usePaneApi();
  const page = usePageApi();
  const s = data.service;
  const scale = (by: number) => own(() => store.getState().dispatch(scaleBy(s, by, store.getState().sim.world.config.maxDesiredCount)));
  const update = own(() => {
    store.getState().select({ kind: 'service', id: s.serviceName });
    page.getState().openDialog({ kind: 'updateService', service: s.serviceName });
  });
  const steady = isSteady(s); // as the service reported it (E7), not just the counts
  return (
    <div className={`card service-node emphasis-${data.emphasis}${data.deploying ? ' deploying' : ''}`} data-testid={`node-service-${s.serviceName}`}>
      <Handles />
      <p className="kicker service-kicker">
        <span>Service{s.status !== 'ACTIVE' ? ` · ${s.status}` : ''}</span>
        <span className={`rollout rollout-${data.rolloutState.toLowerCase()}`} data-testid="rollout-state"><span aria-hidden="true">{ROLLOUT_ICON[data.rolloutState]} </span>{data.rolloutText}</span>
      </p>
      <div className="service-title">
        <p className="title">{s.serviceName}</p>
        {s.status === 'ACTIVE' && (
          <span className="scale-buttons">
            <button type="button" className="nodrag nopan" tabIndex={-1} aria-label={`Update service ${s.serviceName}`} aria-haspopup="dialog" onClick={update}>Update…</button>
            <button type="button" className="nodrag nopan" tabIndex={-1} aria-label={`Decrease desired count of ${s.serviceName}`} disabled={s.desiredCount === 0} onClick={scale(-1)}>−</button>
            <button type="button" className="nodrag nopan" tabIndex={-1} aria-label={`Increase desired count of ${s.serviceName}`} onClick={scale(1)}>+</button>
          </span>
        )}
      </div>
      <dl className="svc-counts">
        <div><dt>desired</dt><dd>{s.desiredCount}</dd></div>
        <div><dt>running</dt><dd>{s.runningCount}</dd></div>
        <div><dt>pending</dt><dd>{s.pendingCount}</dd></div>
      </dl>
      <p className="rollout-progress" data-testid="rollout-progress">
        {/* While old and new run side by side the progress says it all; otherwise, whether it is steady. */}
        {!data.deploying && <><span className={steady ? 'steady' : 'converging'}>{steady ? '✓ steady' : '↻ converging'}</span> · </>}
        {data.progress}
        {data.stuck && <span className="stuck"> · stuck</span>}
      </p>
    </div>
  );
}

const imageName = (image: string) => image.slice(image.lastIndexOf('/') + 1);

function TaskDefinitionNodeView({ data }: ViewProps<TaskDefinitionNodeData>) {
  const td = data.taskDefinition;
  return (
    <div className={`card blueprint emphasis-${data.emphasis}`} data-testid={`node-td-${td.family}-${td.revision}`}>
      <Handles />
      <p className="kicker">Task definition</p>
      {/* Which revision, and whether it is the family's latest, on one line: a deployment shows two cards. */}
      <p className="title">{td.family}:{td.revision}{td.status === 'INACTIVE' ? <span className="td-note"> INACTIVE</span> : !data.latest && <span className="td-note muted"> older revision</span>}</p>
      <p className="muted small">{cpuLabel(td.cpu)} · {memoryLabel(td.memory)}</p>
      {/* One container: its name and image. Several: their start order ("xray-daemon → web");
          the inspector lists each with what it waits for. */}
      {td.containerDefinitions.length === 1 ? (
        <p className="containers"><strong>{td.containerDefinitions[0]!.name}</strong> <span className="muted">{imageName(td.containerDefinitions[0]!.image)}</span></p>
      ) : (
        <p className="containers" title={`Containers in start order: ${startOrderLine(td)}`}>{startOrderLine(td)}</p>
      )}
    </div>
  );
}

function ZoneNodeView({ data }: ViewProps<ZoneNodeData>) {
  // A fault is said in words and a badge, not only a colour.
  return (
    <div className={`zone-node${data.down ? ' zone-down' : data.short ? ' zone-short' : ''}`}>
      <p className="zone-label">
        {data.name}{' '}
        {data.down ? <span className="zone-fault">✕ zone down</span> : <span className="muted">· {data.running} running</span>}
        {!data.down && data.short && <span className="zone-fault">⚠ no capacity</span>}
      </p>
    </div>
  );
}

/** A schedule: a controller that starts standalone tasks at the times its expression names. */
function ScheduleNodeView({ data }: ViewProps<ScheduleNodeData>) {
  const store = usePaneApi();
  const sc = data.schedule;
  const enabled = sc.state === 'ENABLED';
  const runNow = own(() => store.getState().dispatch({ type: 'runScheduleNow', name: sc.name }));
  const last = sc.runs[sc.runs.length - 1];
  return (
    <div className={`card schedule-node emphasis-${data.emphasis}${enabled ? '' : ' disabled'}`} data-testid={`node-schedule-${sc.name}`}>
      <Handles />
      <p className="kicker service-kicker">
        <span><span aria-hidden="true">◷ </span>Schedule · {sc.state}</span>
      </p>
      <div className="service-title">
        <p className="title">{sc.name}</p>
        <span className="scale-buttons">
          <button type="button" className="nodrag nopan" tabIndex={-1} aria-label={`Run schedule ${sc.name} now`} onClick={runNow}>Run</button>
        </span>
      </div>
      <p className="schedule-expression"><code>{sc.scheduleExpression}</code>{sc.scheduleExpressionTimezone !== 'UTC' && <span className="muted"> {sc.scheduleExpressionTimezone}</span>}</p>
      <p className="rollout-progress" data-testid="schedule-next">
        {data.next} · {sc.runCount === 0 ? 'no runs yet' : `${sc.runCount} ${sc.runCount === 1 ? 'run' : 'runs'}${last && !last.manual && last.failures.length + (last.refused ? 1 : 0) > 0 ? ', the last failed to start' : ''}`}
      </p>
    </div>
  );
}

function BandNodeView({ data }: ViewProps<BandNodeData>) {
  return (
    <div className={data.standalone ? 'band-node standalone' : 'band-node'}>
      <p className="band-label">{data.label}</p>
    </div>
  );
}

function ClusterNodeView({ data }: ViewProps<ClusterNodeData>) {
  return (
    <div className="cluster-node">
      <p className="cluster-label">Cluster {data.name} <span className="muted">· Fargate</span></p>
    </div>
  );
}

type ViewProps<D> = { data: D; width: number | undefined };

/**
 * A node component reads its content from the store by id ("selector" mode, toolchain §5):
 * React Flow's node objects stay still while tasks change, and only the node whose content
 * changed re-renders. The accessible name is a hidden label the wrapper points at.
 */
function withContent<D extends NodeData>(View: (props: ViewProps<D>) => ReactNode) {
  function Content({ id, width }: NodeProps) {
    const node = usePane((s) => s.nodeById.get(id));
    // A pane's id never changes: read it, rather than subscribe 200 more selectors to every update.
    const pane = usePaneApi().getState().id;
    if (!node) return null;
    return (
      <>
        {/* `hidden`: an aria-labelledby target still names the node (accname 2B) but has no box to
            lay out or paint, which counts with 200 nodes. */}
        {node.focusable && <span id={nodeLabelId(pane, id)} hidden>{node.ariaLabel}</span>}
        <View data={node.data as D} width={width} />
      </>
    );
  }
  return memo(Content);
}

/** Module level, never inline: a new nodeTypes object remounts every node (toolchain §5). */
export const NODE_TYPES = {
  task: withContent(TaskNodeView),
  service: withContent(ServiceNodeView),
  schedule: withContent(ScheduleNodeView),
  taskDefinition: withContent(TaskDefinitionNodeView),
  zone: withContent(ZoneNodeView),
  band: withContent(BandNodeView),
  loadBalancer: withContent(LoadBalancerNodeView),
  clients: withContent(ClientsNodeView),
  cluster: withContent(ClusterNodeView),
};
