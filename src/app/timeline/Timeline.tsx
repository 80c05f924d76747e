// The scrub bar under the diagram: the session so far, from T+00:00 to the live end, with a mark
// for each moment that mattered. Drag or click to go back; arrows step, PageUp/PageDown jump
// between marks, Home/End go to the start and to live. In the past the bar says so and offers
// the way back; after a fork it offers the future that was replaced.

import { memo, useCallback, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { MarkerKind } from '../../session/markers.ts';
import { clusterMarkers, type Cluster } from './clusters.ts';
import { clockLabel, type Millis } from '../../sim/index.ts';
import { usePage, usePageApi, usePane, usePaneApi } from '../../store/StoreContext.tsx';
import './timeline.css';

/** Arrow keys move the playhead this far (Shift: a minute). */
const ARROW_STEP = 5_000;

export function Timeline() {
  const pane = usePaneApi();
  const page = usePageApi();
  const now = usePane((s) => s.sim.now);
  const end = usePane((s) => s.end);
  const otherFuture = usePane((s) => s.branch.otherFuture);
  const cause = usePane((s) => s.timeline.cause);
  const playing = usePage((s) => s.playing);
  const live = now >= end;
  const labelId = useId();
  const paneId = usePane((s) => s.id);

  // Dragging fires an input event per pixel; seek at most once a frame, to the latest position.
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const seekSoon = useCallback(
    (t: number) => {
      pending.current = t;
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        if (pending.current !== null) pane.getState().seek(pending.current);
        pending.current = null;
      });
    },
    [pane],
  );
  const seek = useCallback((t: number) => pane.getState().seek(t), [pane]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const s = pane.getState();
    const markers = s.branch.markers;
    const t = s.sim.now;
    const step = e.shiftKey ? 60_000 : ARROW_STEP;
    let to: number | null = null;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') to = t - step;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') to = t + step;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = s.end;
    else if (e.key === 'PageUp') to = [...markers].reverse().find((m) => m.at < t)?.at ?? 0;
    else if (e.key === 'PageDown') to = markers.find((m) => m.at > t)?.at ?? s.end;
    else if (e.key === ' ') {
      page.getState().setPlaying(!page.getState().playing);
      e.preventDefault();
      return;
    }
    if (to === null) return;
    e.preventDefault();
    seek(Math.max(0, Math.min(s.end, to)));
  };

  const behind = end - now;
  return (
    <section className={`timeline${live ? ' is-live' : ' is-past'}`} aria-labelledby={labelId} id={`${paneId}-timeline`} tabIndex={-1}>
      <div className="timeline-status">
        <h2 id={labelId} className="timeline-title">Timeline</h2>
        {live ? (
          <span className="live-badge"><span aria-hidden="true">● </span>Live</span>
        ) : (
          <p className="past-note" data-testid="past-note">
            Showing the past: {clockLabel(now)}, {clockLabel(behind).slice(2)} before live{playing ? ' (replaying)' : ''}.
            {' '}<button type="button" className="primary" onClick={() => seek(pane.getState().end)}>Back to live</button>
          </p>
        )}
        {otherFuture && <ForkNote forkedAt={otherFuture.forkedAt} returned={cause === 'return'} />}
      </div>
      <div className="timeline-track" style={{ '--end': Math.max(end, 1) } as CSSProperties}>
        <Markers onSeek={seek} />
        <input
          type="range"
          className="scrub"
          min={0}
          max={Math.max(end, 1)}
          step={100}
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
          <span>{clockLabel(end)}{live ? '' : ' live'}</span>
        </div>
      </div>
    </section>
  );
}

function ForkNote({ forkedAt, returned }: { forkedAt: Millis; returned: boolean }) {
  const pane = usePaneApi();
  return (
    <p className="fork-note" role="status" data-testid="fork-note">
      {returned
        ? `You are back on the future you had replaced at ${clockLabel(forkedAt)}; the one you made is kept until you act again.`
        : `You acted in the past, so the future after ${clockLabel(forkedAt)} was replaced.`}{' '}
      <button type="button" className="link" onClick={() => pane.getState().returnToOtherFuture()}>
        {returned ? 'Switch to the future you made' : 'Return to the other future'}
      </button>
    </p>
  );
}

const KIND_SYMBOL: Record<MarkerKind, string> = { action: '◆', fault: '✕', stopped: '■', replacement: '▲', steady: '✓', unhealthy: '!' };

/** The bar grows as time runs on; marks are clustered again each time it has grown this much. */
const END_GROWTH = 1.1;
/** A mark's button is 24 px wide: marks closer than this many pixels share one. */
const MARK_PX = 28;

/** The marks, which re-render when the branch changes, when the bar has grown by a tenth, or
 *  when it is resized — not on every frame: between those, their place on the bar follows the
 *  track's --end in CSS. */
const Markers = memo(function Markers({ onSeek }: { onSeek: (t: Millis) => void }) {
  const markers = usePane((s) => s.branch.markers);
  usePane((s) => Math.floor(Math.log(Math.max(s.end, 1)) / Math.log(END_GROWTH)));
  const pane = usePaneApi();
  const end = pane.getState().end;
  const ref = useRef<HTMLOListElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const list = ref.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setWidth(list.clientWidth));
    observer.observe(list);
    return () => observer.disconnect();
  }, []);
  const clusters = width > 0 ? clusterMarkers(markers, end, MARK_PX / width) : [];
  return (
    <ol className="markers" aria-label="Moments on the timeline" ref={ref}>
      {clusters.map((c) => (
        <MarkerButton key={`${c.at}-${c.kind}`} cluster={c} share={c.at / Math.max(end, 1)} onSeek={onSeek} />
      ))}
    </ol>
  );
});

function MarkerButton({ cluster, share, onSeek }: { cluster: Cluster; share: number; onSeek: (t: Millis) => void }) {
  const tipId = useId();
  const more = cluster.names.length - 1;
  const align = share > 0.75 ? 'end' : share < 0.25 ? 'start' : 'middle';
  return (
    <li className={`marker kind-${cluster.kind}`} style={{ '--at': cluster.at } as CSSProperties}>
      <button type="button" onClick={() => onSeek(cluster.at)} aria-labelledby={tipId}>
        <span aria-hidden="true">{KIND_SYMBOL[cluster.kind]}</span>
      </button>
      <span role="tooltip" id={tipId} className={`marker-tip align-${align}`}>
        {cluster.names.slice(0, 4).map((n, i) => <span key={n} className={i === 0 ? 'tip-first' : 'tip-more'}>{n}{i < Math.min(cluster.names.length, 4) - 1 ? ';' : ''} </span>)}
        {more > 3 && <span className="tip-more">and {more - 3} more</span>}
      </span>
    </li>
  );
}
