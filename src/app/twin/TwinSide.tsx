// One side of the twin view: its world's diagram (per zone on a phone), its tasks in words, its own events, and its own
// polite narration — all read from the pane it sits in (PaneStoreProvider), as on the main page.

import { lazy, Suspense, useId } from 'react';
import { usePane, useThrottledVersion } from '../../store/StoreContext.tsx';
import { Diagram } from '../diagram/Diagram.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { PHONE_QUERY, useMediaQuery } from '../useMediaQuery.ts';
import { ClusterPicture, PictureSwitch, usePicture } from '../zones/ClusterPicture.tsx';
import type { Side } from './faults.ts';
import { sideStatus } from './sideStatus.ts';

const EventsPanel = lazy(() => import('../panels/EventsPanel.tsx').then((m) => ({ default: m.EventsPanel })));

const TITLE: Record<Side, { heading: string; detail: string; diagram: string }> = {
  left: {
    heading: 'Left: a task you run yourself',
    detail: 'RunTask of web:1: no service watches it, no load balancer sends it requests',
    diagram: 'Left world: the standalone task of web:1',
  },
  right: {
    heading: 'Right: service web',
    detail: 'desiredCount 1 of web:1, behind load balancer web-alb (5 req/s, 30 s draining)',
    diagram: 'Right world: service web behind load balancer web-alb',
  },
};

export function TwinSide({ side }: { side: Side }) {
  const headingId = useId();
  const eventsId = useId();
  const title = TITLE[side];
  const phone = useMediaQuery(PHONE_QUERY);
  const [picture, setPicture] = usePicture(phone, null, phone);
  return (
    <section className={`twin-side twin-${side}`} aria-labelledby={headingId} data-testid={`twin-${side}`}>
      <div className="twin-side-head">
        <h2 id={headingId}>
          {title.heading} <span className="side-detail muted">{title.detail}</span>
        </h2>
        <SideStatus side={side} />
      </div>
      {/* On a phone each world is told per zone (the diagram would be 6 px text), the diagram a tap away. */}
      {phone && <PictureSwitch picture={picture} onChange={setPicture} />}
      <div className={picture === 'zones' ? 'twin-diagram zones' : 'twin-diagram'}>
        <ClusterPicture picture={picture} label={title.diagram} headingLevel={3} diagram={<Diagram label={title.diagram} />} />
      </div>
      <LiveRegion speaker={side === 'left' ? 'Left' : 'Right'} />
      {/* Its own scroll box: focusable, so the keyboard can scroll it too. */}
      <section className="twin-events" aria-labelledby={eventsId} tabIndex={0}>
        <h3 id={eventsId}>
          <span className="visually-hidden">{side === 'left' ? 'Left' : 'Right'}: </span>Events
        </h3>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <EventsPanel />
        </Suspense>
      </section>
    </section>
  );
}

function SideStatus({ side }: { side: Side }) {
  useThrottledVersion(250);
  const world = usePane((s) => s.sim.world);
  return (
    <ul className="side-status" data-testid={`${side}-status`} aria-label={side === 'left' ? 'Left tasks now' : 'Right service and tasks now'}>
      {sideStatus(world, side).map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}
