// The scrub bar under the diagram: the session so far with a mark for each moment that mattered.
// Drag or click to go back; arrows step, PageUp/PageDown jump between marks, Home/End go to the
// start and to live. Going back pauses, so the moment sought stays on screen. In the past the bar
// says so and offers the way back; after a fork it offers the other future, drawn on the bar.
//
// The bar's scale grows in steps (1 min, 2 min, 5 min, …), not with every frame: the marks stand
// still under the pointer, and only the playhead and the recorded part move as time runs.

import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import type { MarkerKind } from '../../session/markers.ts';
import { clockLabel, type Millis } from '../../sim/index.ts';
import type { PaneStore } from '../../store/paneStore.ts';
import { usePage, usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import { clusterMarkers, timelineScale, type Cluster } from './clusters.ts';
import './timeline.css';

/** Arrow keys move the playhead this far (Shift: a minute). */
const ARROW_STEP = 5_000;
/** A mark's button is 24 px wide: marks closer than this many pixels share one. */
const MARK_PX = 28;

/** `panes`: the panes the bar moves, when several share the page's clock (the twin view); by
 *  default its own. It draws its own pane's branch. */
export function Timeline({ panes }: { panes?: readonly PaneStore[] }) {
  const pane = usePaneApi();
  const page = usePageApi();
  const now = usePane((s) => s.sim.now);
  const end = usePane((s) => s.end);
  const otherFuture = usePane((s) => s.branch.otherFuture);
  const playing = usePage((s) => s.playing);
  const paneId = usePane((s) => s.id);
  const live = now >= end;
  const scale = timelineScale(Math.max(end, otherFuture?.end ?? 0));
  const labelId = useId();
  const sliderRef = useRef<HTMLInputElement>(null);
  const clustersRef = useRef<Cluster[]>([]);

  /** Going to a moment pauses there: a learner who went back wants to look, not watch it run off. */
  const seek = useCallback(
    (t: number) => {
      page.getState().setPlaying(false);
      for (const p of panes ?? [pane]) {
        const s = p.getState();
        s.seek(Math.max(0, Math.min(s.end, t)));
      }
    },
    [page, pane, panes],
  );
  // Dragging fires an input event per pixel; seek at most once a frame, to the latest position.
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const seekSoon = (t: number) => {
    pending.current = t;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (pending.current !== null) seek(pending.current);
      pending.current = null;
    });
  };
  const backToLive = () => {
    for (const p of panes ?? [pane]) p.getState().seek(p.getState().end);
    page.getState().setPlaying(true);
    sliderRef.current?.focus(); // the button that had focus is gone now
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const s = pane.getState();
    const t = s.sim.now;
    const step = e.shiftKey ? 60_000 : ARROW_STEP;
    const marks = clustersRef.current; // the marks as drawn: one stop per button
    let to: number | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') to = t - step;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') to = t + step;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = s.end;
    else if (e.key === 'PageUp') to = [...marks].reverse().find((m) => m.at < t)?.at ?? 0;
    else if (e.key === 'PageDown') to = marks.find((m) => m.at > t)?.at ?? s.end;
    else if (e.key === ' ') {
      page.getState().setPlaying(!page.getState().playing);
      e.preventDefault();
      return;
    }
    if (to === null) return;
    e.preventDefault();
    seek(to);
  };

  const behind = end - now;
  const bands = {
    '--scale': scale,
    '--end': end,
    '--fork': otherFuture?.forkedAt ?? 0,
    '--other-end': otherFuture?.end ?? 0,
  } as CSSProperties;
  return (
    <section className={`timeline${live ? ' is-live' : ' is-past'}`} aria-labelledby={labelId} id={`${paneId}-timeline`} tabIndex={-1}>
      <div className="timeline-status">
        <h2 id={labelId} className="timeline-title">Timeline</h2>
        {live ? (
          <span className="live-badge"><span aria-hidden="true">● </span>Live</span>
        ) : (
          <p className="past-note" data-testid="past-note">
            <button type="button" className="primary" onClick={backToLive}>Back to live</button>{' '}
            Showing the past: {clockLabel(now)}, {clockLabel(behind).slice(2)} before live{playing ? ', replaying' : ''}.
          </p>
        )}
        {otherFuture && <ForkNote forkedAt={otherFuture.forkedAt} replaced={otherFuture.replaced} panes={panes ?? [pane]} />}
      </div>
      <div className="timeline-track">
        <Markers onSeek={seek} scale={scale} clustersRef={clustersRef} />
        {/* The bar's custom properties sit on the bands, which use them: set on the track, they were
            inherited by every mark and tip, and restyled them all in every frame (issue 11). */}
        <div className="bands" aria-hidden="true" style={bands}>
          <span className="band-recorded" />
          {otherFuture && <span className="band-other" title="The other future" />}
        </div>
        <input
          ref={sliderRef}
          type="range"
          className="scrub"
          min={0}
          max={scale}
          step={1}
          value={now}
          onChange={(e) => seekSoon(Number(e.target.value))}
          onKeyDown={onKeyDown}
          aria-label="Sim time"
          aria-valuetext={live ? `${clockLabel(now)}, live` : `${clockLabel(now)}, ${clockLabel(behind).slice(2)} before live at ${clockLabel(end)}`}
          aria-keyshortcuts="ArrowLeft ArrowRight Home End PageUp PageDown"
          data-testid="scrub"
        />
        <div className="timeline-ends" aria-hidden="true">
          <span>T+00:00</span>
          <span>{clockLabel(scale)}</span>
        </div>
      </div>
    </section>
  );
}

function ForkNote({ forkedAt, replaced, panes }: { forkedAt: Millis; replaced: boolean; panes: readonly PaneStore[] }) {
  return (
    <p className="fork-note" role="status" data-testid="fork-note">
      {replaced
        ? `You acted in the past, so the future after ${clockLabel(forkedAt)} was replaced.`
        : `You are back on the future you had replaced at ${clockLabel(forkedAt)}; the one you made is kept until you act again.`}{' '}
      <button type="button" className="link" onClick={() => panes.forEach((p) => p.getState().returnToOtherFuture())}>
        {replaced ? 'Return to the other future' : 'Switch to the future you made'}
      </button>
    </p>
  );
}

const KIND_SYMBOL: Record<MarkerKind, string> = { action: '◆', fault: '✕', stopped: '■', replacement: '▲', steady: '✓', unhealthy: '!', scheduled: '◷' };

/** The marks, which re-render when the branch changes, the scale steps up, or the bar is
 *  resized — not on every frame. */
const Markers = memo(function Markers({ onSeek, scale, clustersRef }: { onSeek: (t: Millis) => void; scale: Millis; clustersRef: RefObject<Cluster[]> }) {
  const markers = usePane((s) => s.branch.markers);
  const ref = useRef<HTMLOListElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setWidth(list.clientWidth));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  const clusters = width > 0 ? clusterMarkers(markers, scale, MARK_PX / width) : [];
  useEffect(() => {
    clustersRef.current = clusters;
  });
  return (
    <ol className="markers" aria-label="Moments on the timeline" ref={ref}>
      {clusters.map((c) => (
        <MarkerButton key={`${c.at}-${c.kind}`} cluster={c} x={(c.at / scale) * width} width={width} onSeek={onSeek} />
      ))}
    </ol>
  );
});

function MarkerButton({ cluster, x, width, onSeek }: { cluster: Cluster; x: number; width: number; onSeek: (t: Millis) => void }) {
  const tipId = useId();
  const tipRef = useRef<HTMLSpanElement>(null);
  // Shown while pointed at or focused from the keyboard — not after a click, where it would sit
  // over the notes above the bar — and kept inside the bar's width.
  const [open, setOpen] = useState(false);
  const [left, setLeft] = useState(0);
  useLayoutEffect(() => {
    if (!open || !tipRef.current) return;
    const w = tipRef.current.offsetWidth;
    setLeft(Math.max(0, Math.min(width - w, x - w / 2)) - (x - 12));
  }, [open, x, width]);
  const more = cluster.names.length - 1;
  return (
    <li className={`marker kind-${cluster.kind}`} style={{ left: `${x}px` }}>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          onSeek(cluster.at);
        }}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={(e) => setOpen(e.currentTarget.matches(':focus-visible'))}
        onBlur={() => setOpen(false)}
        aria-labelledby={tipId}
      >
        <span aria-hidden="true">{KIND_SYMBOL[cluster.kind]}</span>
      </button>
      <span role="tooltip" id={tipId} ref={tipRef} className={open ? 'marker-tip open' : 'marker-tip'} style={{ left: `${left}px` }}>
        {cluster.names.slice(0, 4).map((n, i) => <span key={n} className={i === 0 ? 'tip-first' : 'tip-more'}>{n}{i < Math.min(cluster.names.length, 4) - 1 ? ';' : ''} </span>)}
        {more > 3 && <span className="tip-more">and {more - 3} more</span>}
      </span>
    </li>
  );
}
