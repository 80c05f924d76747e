import { clockLabel } from '../sim/index.ts';
import { useSimStore } from '../store/StoreContext.tsx';

/** Service events newest first, in AWS's wording, as the console's Events tab shows them. */
export function EventsList() {
  const recent = useSimStore((s) => s.recent);
  const events = recent.filter((e) => e.type === 'ServiceEvent').reverse().slice(0, 50);
  return (
    <section aria-labelledby="events-heading" className="panel events">
      <h2 id="events-heading">Service events</h2>
      <ol className="event-list">
        {events.map((e) => (
          <li key={e.seq}>
            <time className="muted">{clockLabel(e.at)}</time> {e.type === 'ServiceEvent' ? e.message : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
