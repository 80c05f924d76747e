// The "try this" card at the top of the details column: what the scene is, and one or two things
// a newcomer might do first. Closed, it keeps a one-line title with a way to open it again; the
// choice is remembered per scene.
//
// The card has at most 45 % of the column (app.css), and a scene's description runs to ten lines:
// on a 720 px screen the things to try were cut off mid-sentence under it, in a box that scrolled
// without looking as if it did (issue 11). So the description is a disclosure, "About this scene",
// open only on a screen tall enough for the whole card, and the things to try are always whole.

import { useState } from 'react';
import { findScenario } from '../sim/index.ts';
import { usePane } from '../store/StoreContext.tsx';
import { useMediaQuery } from './useMediaQuery.ts';

/** Tall enough for a scene's title, its description and its things to try, whole: the longest
 *  card (rolling's, 391 px) fits the column's 45 % from a 1040 px screen up; at 960 px it did not. */
const ROOM_FOR_THE_DESCRIPTION = '(min-height: 1040px)';

const keyOf = (scene: string) => `ecs-playground:scene-card:${scene}`;

function readOpen(scene: string): boolean {
  try {
    return localStorage.getItem(keyOf(scene)) !== 'closed';
  } catch {
    return true;
  }
}

function writeOpen(scene: string, open: boolean) {
  try {
    if (open) localStorage.removeItem(keyOf(scene));
    else localStorage.setItem(keyOf(scene), 'closed');
  } catch {
    // not kept: the choice lasts for this page
  }
}

export function SceneCard() {
  const sceneName = usePane((s) => s.session.scenario);
  const scene = findScenario(sceneName);
  const [state, setState] = useState(() => ({ scene: sceneName, open: readOpen(sceneName) }));
  const roomy = useMediaQuery(ROOM_FOR_THE_DESCRIPTION);
  // Another scene: its own remembered choice (state adjusted during render, not in an effect).
  if (state.scene !== sceneName) setState({ scene: sceneName, open: readOpen(sceneName) });
  if (!scene) return null;
  const open = state.open;
  const setOpen = (next: boolean) => {
    writeOpen(sceneName, next);
    setState({ scene: sceneName, open: next });
  };
  const headingId = 'scene-card-title';

  if (!open)
    return (
      <section className="scene-card closed" aria-labelledby={headingId}>
        <h2 id={headingId}>{scene.title}</h2>
        <button type="button" className="link" aria-expanded="false" onClick={() => setOpen(true)}>
          Try this…
        </button>
      </section>
    );
  return (
    <section className="scene-card" aria-labelledby={headingId}>
      <div className="scene-card-head">
        <h2 id={headingId}>{scene.title}</h2>
        <button type="button" className="close" aria-expanded="true" aria-controls="scene-card-body" aria-label="Close the scene's tips" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <div id="scene-card-body">
        {/* Keyed by the room: a screen that grows or shrinks past it opens or closes it again. */}
        <details className="scene-about" open={roomy} key={String(roomy)}>
          <summary>About this scene</summary>
          <p>{scene.description}</p>
        </details>
        {scene.tryThis && scene.tryThis.length > 0 && (
          <>
            <h3>Try this</h3>
            <ul>
              {scene.tryThis.map((tip) => (
                <li key={tip}>{tip}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
