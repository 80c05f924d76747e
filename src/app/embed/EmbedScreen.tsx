// The embedded figure (`?embed`): the diagram, its caption and the panels the snippet asks for,
// in the box a blog post gives it. The page's chrome (header, actions, footer) is not drawn.

import { usePage, usePane } from '../../store/StoreContext.tsx';
import { ClockControls } from '../Toolbar.tsx';
import { Diagram } from '../diagram/Diagram.tsx';
import { LiveRegion } from '../LiveRegion.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { usePaneApi } from '../../store/StoreContext.tsx';

export default function EmbedScreen() {
  const chrome = usePage((s) => s.chrome);
  const pane = usePaneApi();
  const now = usePane((s) => s.sim.now);
  return (
    <main className="embed">
      {chrome.controls !== 'none' && (
        <div className="toolbar" role="group" aria-label="Time">
          <ClockControls now={now} panes={[pane]} stepTitle="Step to the next thing that happens" />
        </div>
      )}
      <section className="stage" aria-label="Cluster diagram">
        <div className="diagram-box">
          <Diagram />
        </div>
        <LiveRegion />
        {chrome.panels.includes('timeline') && <Timeline />}
      </section>
    </main>
  );
}
