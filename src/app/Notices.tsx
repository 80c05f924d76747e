// The page's notices: a link that could not be opened, a saved session to restore, a dropped
// autosave. Each says what happened, offers at most one thing to do, and can be dismissed. An
// echoed value is shortened where the message is made, so no notice grows past a few lines.

import { usePage, usePageApi } from '../store/StoreContext.tsx';

/** A notice's buttons take themselves away: focus goes on to the time controls, not to the page. */
const refocus = () => document.querySelector<HTMLElement>('.app-header [data-focus-after-notice]')?.focus();

export function Notices() {
  const page = usePageApi();
  const notices = usePage((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice tone-${n.tone}`} role={n.tone === 'problem' ? 'alert' : 'status'} data-testid="notice">
          <p>{n.text}</p>
          <div className="notice-actions">
            {n.action && <button type="button" className="primary" onClick={() => (n.action!.run(), refocus())}>{n.action.label}</button>}
            <button type="button" onClick={() => (page.getState().dismiss(n.id), refocus())}>{n.action ? 'No, thanks' : 'Dismiss'}</button>
          </div>
        </div>
      ))}
    </div>
  );
}
