// A modal built on the native <dialog>: the browser traps focus, Escape closes it, and focus
// returns to where it was (however it closes). Closing (by any means) clears the page's dialog request.

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { usePageApi } from '../../store/StoreContext.tsx';

export function Dialog({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const page = usePageApi();
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Closed by the page (a form that went through) rather than by the browser: React has taken
      // the dialog out already, so the browser can't give focus back as it does on Escape. Do it.
      if (opener?.isConnected && (document.activeElement === null || document.activeElement === document.body)) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} onClose={() => page.getState().openDialog(null)}>
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="close" aria-label="Close" onClick={() => ref.current?.close()}>×</button>
      </div>
      {children}
    </dialog>
  );
}

/** One labelled form field with its error right below it, wired for screen readers. */
export function FormField({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div className={error ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}

/** A form field's text as a whole number from `min` to `max`, or null (blank, not whole, out of range). */
export function readWholeNumber(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** aria props for an input whose FormField may show a hint and an error. */
export const describedBy = (id: string, error: string | undefined, hint?: boolean) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});
