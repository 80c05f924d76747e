// An edge that carries requests: a few dots travel along it, green for requests that succeeded
// and red for failures, in proportion to the recent outcomes on that edge. Dots are sampled (at
// most three per edge, whatever the rate), so 200 req/s costs what 2 req/s costs; they move with
// SVG's own animateMotion, with no JavaScript per frame. With reduced motion there are no dots;
// the nodes say the same in words.

import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { usePane, useThrottledVersion } from '../../store/StoreContext.tsx';
import { REDUCED_MOTION_QUERY, useMediaQuery } from '../useMediaQuery.ts';

type TrafficData = { taskArn?: string; loadBalancerArn: string };

function TrafficEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, style, markerEnd }: EdgeProps<Edge<TrafficData, 'traffic'>>) {
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} style={style} {...(markerEnd ? { markerEnd } : {})} />
      {data && <Particles path={path} taskArn={data.taskArn} />}
    </>
  );
}

function Particles({ path, taskArn }: { path: string; taskArn: string | undefined }) {
  useThrottledVersion(1000);
  const reduced = useMediaQuery(REDUCED_MOTION_QUERY);
  const sample = usePane((s) => s.sim.world.traffic.sample);
  const rate = usePane((s) => s.sim.world.traffic.ratePerSecond);
  if (reduced || rate === 0) return null;
  const mine = taskArn === undefined ? sample : sample.filter((r) => r.target === taskArn);
  if (mine.length === 0) return null;
  const failed = mine.filter((r) => r.status !== 200).length;
  const dots = Math.min(3, mine.length);
  const red = failed === 0 ? 0 : Math.max(1, Math.round((dots * failed) / mine.length));
  return (
    <g aria-hidden="true">
      {Array.from({ length: dots }, (_, i) => (
        <circle key={i} r={4} className={i < red ? 'particle particle-fail' : 'particle particle-ok'}>
          <animateMotion dur="1.2s" repeatCount="indefinite" begin={`${(i * 1.2) / dots}s`} path={path} />
        </circle>
      ))}
    </g>
  );
}

/** Module level, like NODE_TYPES (toolchain §5). */
export const EDGE_TYPES = { traffic: memo(TrafficEdgeView) };
