// A button that, when its action is impossible, stays focusable and says why (on hover and on
// focus, and to screen readers through aria-describedby) instead of disappearing or going silent.
// The reason's tooltip is placed by Floating UI (floatTip.ts), inside the viewport.

import { useId, type ReactNode } from 'react';
import type { Availability } from './availability.ts';
import { useReasonTip } from './floatTip.ts';

type Props = {
  availability: Availability;
  onAction: () => void;
  children: ReactNode;
  label?: string;
  shortcut?: string;
  className?: string;
  /** Which control this is, for a lesson step that points at it (app/lesson/controls.ts). */
  control?: string;
};

export function ActionButton({ availability, onAction, children, label, shortcut, className, control }: Props) {
  const reasonId = useId();
  const disabled = !availability.enabled;
  const tip = useReasonTip();
  return (
    <span className="action" {...tip}>
      <button
        type="button"
        className={className}
        aria-disabled={disabled || undefined}
        aria-label={label}
        aria-describedby={disabled ? reasonId : undefined}
        aria-keyshortcuts={shortcut}
        data-control={control}
        onClick={() => !disabled && onAction()}
      >
        {children}
        {shortcut && <kbd aria-hidden="true">{shortcut}</kbd>}
      </button>
      {!availability.enabled && (
        <span role="tooltip" id={reasonId} className="reason-tip">
          {availability.reason}
        </span>
      )}
    </span>
  );
}
