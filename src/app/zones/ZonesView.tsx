// The cluster per Availability Zone, in the page's own type: the same projection the diagram draws
// (src/diagram/project.ts), laid out as text for a box too small to draw it readably — a phone, a
// figure in a blog post. The diagram scaled to 375 px is 3 px text and a 12×6 px Stop button; here
// every word is at least 12 px and every task a button at least 44 px tall.
//
// What the diagram says with lines, this says with words: the clients and the load balancer in
// front, each service with its counts and its blueprint, then one column per zone (one under the
// other on a phone) with its tasks grouped as the diagram groups them, a service's band or a
// family's standalone tasks. A task's second line says whether it is a load balancer target, which
// is the lesson: only a service's tasks are. Tapping or clicking selects, as on the diagram (the
// inspector shows it: on a phone, in the sheet at the bottom).

import { memo, useId, useMemo, type MouseEvent } from 'react';
import { familyRevision, isSteady, shortId } from '../../sim/index.ts';
import type { DiagramNode, Focus, LoadBalancerNodeData, ScheduleNodeData, ServiceNodeData, TaskDefinitionNodeData, TaskNodeData } from '../../diagram/project.ts';
import { targetCounts } from '../../diagram/project.ts';
import type { PaneStore } from '../../store/paneStore.ts';
import { usePane, usePaneApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { scaleBy } from '../actions/scale.ts';
import { RecentlyStopped } from '../diagram/RecentlyStopped.tsx';
import { healthText, isStopping, isWindingDown, ROLLOUT_ICON, STATUS_ICON, taskStateClasses } from '../status.ts';
import { errorCounts, lastSeconds, percentOf } from '../trafficStats.ts';
import './zones.css';

/** The element that shows a node (by its diagram id) in this view: the phone's sheet keeps it in
 *  sight and gives focus back to it. */
export const zoneNodeSelector = (id: string) => `.zones-view [data-node-id="${CSS.escape(id)}"]`;

type Group = { band: string; label: string; standalone: boolean; tasks: DiagramNode[] };
type Zone = { name: string; running: number; down: boolean; short: boolean; groups: Group[] };

/** `headingLevel`: the zones' headings' level (3 inside a section that has its own h2). */
export function ZonesView({ label, headingLevel = 2 }: { label: string; headingLevel?: 2 | 3 | undefined }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const nodes = usePane((s) => s.diagram.nodes);
  // Two views on a page (the twin's sides) must not share heading ids.
  const id = useId();
  const zonesInOrder = usePane((s) => s.sim.world.config.availabilityZones);

  // The projection in the diagram's reading order (AZ, band, slot): grouped, not re-sorted.
  const { zones, services, blueprints, loadBalancers } = useMemo(() => {
    const byName = new Map<string, Zone>(zonesInOrder.map((name) => [name, { name, running: 0, down: false, short: false, groups: [] }]));
    const services: DiagramNode[] = [];
    const blueprints: DiagramNode[] = [];
    const loadBalancers: DiagramNode[] = [];
    for (const node of nodes) {
      const d = node.data;
      if (d.kind === 'zone') {
        const zone = byName.get(d.name);
        if (zone) Object.assign(zone, { running: d.running, down: d.down, short: d.short });
      } else if (d.kind === 'service' || d.kind === 'schedule') services.push(node);
      else if (d.kind === 'taskDefinition') blueprints.push(node);
      else if (d.kind === 'loadBalancer') loadBalancers.push(node);
      else if (d.kind === 'task') {
        const zone = byName.get(d.task.availabilityZone);
        if (!zone) continue;
        const band = d.task.group;
        let group = zone.groups.find((g) => g.band === band);
        if (!group) {
          const standalone = d.task.serviceName === undefined;
          group = { band, standalone, label: standalone ? `standalone · ${band}` : `service ${d.task.serviceName}`, tasks: [] };
          zone.groups.push(group);
        }
        group.tasks.push(node);
      }
    }
    return { zones: [...byName.values()], services, blueprints, loadBalancers };
  }, [nodes, zonesInOrder]);

  return (
    <section className="zones-view" aria-label={label} data-testid="zones-view">
      <div className="zv-content">
        {loadBalancers.map((node) => (
          <Front key={node.id} id={node.id} data={node.data as LoadBalancerNodeData} selected={node.selected} />
        ))}
        {(services.length > 0 || blueprints.length > 0) && (
          <div className="zv-cards">
            {services.map((node) =>
              node.data.kind === 'schedule' ? (
                <ScheduleCard key={node.id} id={node.id} data={node.data} selected={node.selected} />
              ) : (
                <ServiceCard key={node.id} id={node.id} data={node.data as ServiceNodeData} selected={node.selected} />
              ),
            )}
            <Blueprints nodes={blueprints} />
          </div>
        )}
        <div className="zv-zones">
          {zones.map((zone) => (
            // A group, not a region: the twin view shows two clusters with the same zones, and
            // landmarks must have names of their own.
            <div key={zone.name} role="group" className={`zv-zone${zone.down ? ' zone-down' : zone.short ? ' zone-short' : ''}`} aria-labelledby={`${id}-${zone.name}`}>
              <Heading id={`${id}-${zone.name}`} className="zv-zone-name">
                {zone.name} <span className="muted">· {zone.running} running</span>
                {zone.down && <span className="zone-fault"> · ✕ zone down</span>}
                {!zone.down && zone.short && <span className="zone-fault"> · ⚠ no Fargate capacity</span>}
              </Heading>
              {zone.groups.length === 0 && <p className="zv-empty muted">No tasks</p>}
              {zone.groups.map((group) => (
                <div key={group.band} className={group.standalone ? 'zv-band standalone' : 'zv-band'}>
                  <p className="zv-band-name">{group.label}</p>
                  <ul className="zv-tasks">
                    {group.tasks.map((node) => (
                      <li key={node.id}>
                        <TaskChip node={node} />
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </div>
        <div className="zv-stopped">
          <RecentlyStopped />
        </div>
      </div>
    </section>
  );
}

/** A button's part in the selection, as a diagram node's: pressed while selected, a click selects
 *  it (a second click clears), the pointer over it lights up what it is related to. `id` is its
 *  diagram node's id, by which the phone's sheet finds it. */
function selects(store: PaneStore, focus: NonNullable<Focus>, selected: boolean, label: string, id: string) {
  return {
    'aria-pressed': selected,
    'aria-label': label,
    'data-node-id': id,
    onClick: () => store.getState().select(selected ? null : focus),
    onMouseEnter: () => store.getState().hover(focus),
    onMouseLeave: () => store.getState().hover(null),
  };
}

/** A click on a button inside a card must not also select the card. */
const own = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

/** One task: its ID and state on the first line; health, target or stop code on the second. The
 *  node object is shared while the task is unchanged, so memo skips all but the tasks that moved. */
const TaskChip = memo(function TaskChip({ node }: { node: DiagramNode }) {
  const store = usePaneApi();
  const d = node.data as TaskNodeData;
  const t = d.task;
  const stopping = isStopping(t);
  const classes = ['zv-task', ...taskStateClasses(d)];
  const detail = [
    healthText(t),
    d.target ? `target ${d.target.state}` : null,
    t.stopCode ?? null,
    d.deployment ? `${t.family}:${t.revision} · ${d.deployment}` : null,
    !d.target && !t.stopCode && t.serviceName === undefined ? `started by ${t.startedBy}` : null,
  ].filter((part) => part !== null);
  return (
    <button
      type="button"
      className={classes.join(' ')}
      {...selects(store, { kind: 'task', id: t.taskArn }, node.selected, node.ariaLabel, node.id)}
      data-testid={`zone-task-${shortId(t.taskId)}`}
      data-last-status={t.lastStatus}
      data-group={t.group}
    >
      <span className="zv-task-head" data-icon={STATUS_ICON[t.lastStatus]}>
        <span className="zv-id">{shortId(t.taskId)}</span>
        <span className="zv-status">
          {t.lastStatus}
          {/* Where it is heading, until its status says so itself (DEACTIVATING, STOPPING…). */}
          {stopping && !isWindingDown(t.lastStatus) && <span className="zv-desired"> → STOPPED</span>}
        </span>
      </span>
      {detail.length > 0 && <span className="zv-task-detail">{detail.join(' · ')}</span>}
    </button>
  );
});

/** A schedule: its name (selects it), its expression and when it fires next. */
function ScheduleCard({ id, data, selected }: { id: string; data: ScheduleNodeData; selected: boolean }) {
  const store = usePaneApi();
  const sc = data.schedule;
  return (
    <div className="zv-service">
      <button type="button" className={`zv-card-button emphasis-${data.emphasis}`} {...selects(store, { kind: 'schedule', id: sc.name }, selected, data.label, id)} data-testid={`zone-schedule-${sc.name}`}>
        <span className="zv-kicker">Schedule · {sc.state}</span> {sc.name}
        <span className="zv-sub">{sc.scheduleExpression} · {data.next} · {sc.runCount} {sc.runCount === 1 ? 'run' : 'runs'}</span>
      </button>
    </div>
  );
}

/** The clients and the load balancer in front of the service's tasks, with how requests fare. */
function Front({ id, data, selected }: { id: string; data: LoadBalancerNodeData; selected: boolean }) {
  const store = usePaneApi();
  useThrottledVersion(500);
  const traffic = usePane((s) => s.sim.world.traffic);
  const recent = lastSeconds(traffic, 5);
  const failed = recent.requests - recent.ok;
  const lb = data.loadBalancer;
  return (
    <div className="zv-front">
      <p className="zv-clients">
        <span className="zv-kicker">Clients</span> {traffic.ratePerSecond} req/s
        {recent.requests > 0 && <span className={failed > 0 ? 'fail' : 'muted'}> · {percentOf(recent.ok, recent.requests)} % ok{failed > 0 && ` · ${errorCounts(recent)}`}</span>}
      </p>
      <span className="zv-arrow" aria-hidden="true">→</span>
      <button
        type="button"
        className={`zv-card-button emphasis-${data.emphasis}`}
        {...selects(store, { kind: 'loadBalancer', id: lb.loadBalancerArn }, selected, data.label, id)}
      >
        <span className="zv-kicker">Load balancer</span> {lb.loadBalancerName}
        <span className="zv-sub">{targetCounts(data.targetGroup, ' · ')}</span>
      </button>
    </div>
  );
}

/** A service: its name (selects it), desired/running/pending, steady or not, and − / + to scale. */
function ServiceCard({ id, data, selected }: { id: string; data: ServiceNodeData; selected: boolean }) {
  const store = usePaneApi();
  const s = data.service;
  const steady = isSteady(s);
  const scale = (by: number) => own(() => store.getState().dispatch(scaleBy(s, by, store.getState().sim.world.config.maxDesiredCount)));
  return (
    <div className={`zv-service emphasis-${data.emphasis}`} data-testid={`zone-service-${s.serviceName}`}>
      <button
        type="button"
        className="zv-card-button"
        {...selects(store, { kind: 'service', id: s.serviceName }, selected, data.label, id)}
      >
        <span className="zv-kicker">Service{s.status !== 'ACTIVE' ? ` · ${s.status}` : ''}</span> {s.serviceName}
        <span className="zv-sub">
          {s.runningCount} of {s.desiredCount} running{s.pendingCount > 0 && ` · ${s.pendingCount} pending`} ·{' '}
          {data.deploying ? <span data-testid="rollout-progress"><span aria-hidden="true">{ROLLOUT_ICON[data.rolloutState]} </span>{data.progress}</span> : <span className={steady ? 'steady' : 'converging'}>{steady ? '✓ steady' : '↻ converging'}</span>}
          {data.stuck && <span className="stuck"> · stuck</span>} · {familyRevision(s.taskDefinition)}
        </span>
      </button>
      {s.status === 'ACTIVE' && (
        <span className="zv-scale">
          <button type="button" aria-label={`Decrease desired count of ${s.serviceName}`} disabled={s.desiredCount === 0} onClick={scale(-1)}>−</button>
          <button type="button" aria-label={`Increase desired count of ${s.serviceName}`} onClick={scale(1)}>+</button>
        </span>
      )}
    </div>
  );
}

/** The task definitions (blueprints) on the diagram, one button each. */
function Blueprints({ nodes }: { nodes: DiagramNode[] }) {
  const store = usePaneApi();
  if (nodes.length === 0) return null;
  return (
    <div className="zv-blueprints">
      <span className="zv-kicker">Task definitions</span>
      {nodes.map((node) => {
        const d = node.data as TaskDefinitionNodeData;
        const arn = d.taskDefinition.taskDefinitionArn;
        return (
          <button
            key={node.id}
            type="button"
            className={`zv-blueprint emphasis-${d.emphasis}`}
            {...selects(store, { kind: 'taskDefinition', id: arn }, node.selected, d.label, node.id)}
          >
            {d.taskDefinition.family}:{d.taskDefinition.revision}
            {d.taskDefinition.status === 'INACTIVE' ? ' INACTIVE' : !d.latest && <span className="muted"> · older</span>}
          </button>
        );
      })}
    </div>
  );
}
