// A style sheet that follows a string of CSS, for the lesson's outlines of the controls a step
// points at. Adopted through the CSSOM rather than drawn as a <style> element: the page's
// Content-Security-Policy (style-src 'self') refuses inline style elements, not the CSSOM.

import { useEffect, useState } from 'react';

export function useStyleSheet(css: string): void {
  const [sheet] = useState(() => (typeof CSSStyleSheet === 'undefined' ? null : new CSSStyleSheet()));
  useEffect(() => {
    if (!sheet) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => sheet?.replaceSync(css), [sheet, css]);
}
