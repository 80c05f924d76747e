// Which picture of the cluster a box shows: the diagram, or the per-zone view where the diagram
// would be too small to read (a phone; a figure in a post, 720×450 and down to 320 wide). The
// choice is the box's unless the reader (the switch) or the snippet (layout=) made it.

import { useState, type ReactNode } from 'react';
import { useMediaQuery } from '../useMediaQuery.ts';
import { ZonesView } from './ZonesView.tsx';

export type Picture = 'zones' | 'diagram';

/** A figure smaller than this draws its diagram too small to read (at 900×540 the default scene
 *  fits at about half size: 6 px text), so `layout=auto` shows the zones there. */
export const FIGURE_QUERY = '(max-width: 899px), (max-height: 539px)';

/** The picture a box shows: `fixed` if the snippet chose one, else zones where `small`; and, where
 *  the box offers the switch (`switchable`), the reader's choice over either. */
export function usePicture(small: boolean, fixed: Picture | null, switchable: boolean): [Picture, (p: Picture) => void] {
  const [chosen, setChosen] = useState<Picture | null>(null);
  return [(switchable ? chosen : null) ?? fixed ?? (small ? 'zones' : 'diagram'), setChosen];
}

export const useFigureIsSmall = () => useMediaQuery(FIGURE_QUERY);

/** Zones or diagram: two toggle buttons, the shown one pressed. */
export function PictureSwitch({ picture, onChange }: { picture: Picture; onChange: (p: Picture) => void }) {
  return (
    <div className="view-switch" role="group" aria-label="Show the cluster as">
      <button type="button" aria-pressed={picture === 'zones'} onClick={() => onChange('zones')}>Zones</button>
      <button type="button" aria-pressed={picture === 'diagram'} onClick={() => onChange('diagram')}>Diagram</button>
      {picture === 'diagram' && <span className="muted">Pinch or + − to zoom</span>}
    </div>
  );
}

/** The picture itself: the zones view, or the diagram the caller draws. */
export function ClusterPicture({ picture, label, diagram, headingLevel }: { picture: Picture; label: string; diagram: ReactNode; headingLevel?: 2 | 3 }) {
  return picture === 'zones' ? <ZonesView label={label} headingLevel={headingLevel} /> : <>{diagram}</>;
}
