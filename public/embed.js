/* ECS Playground host script (optional): sizes each <iframe data-ecs-playground> to the height its
   figure asks for. The figure posts {type:"ecs-playground:height", height, id?} to its parent; this
   takes a message only from the contentWindow of one of those iframes, only from the origin of
   that iframe's src, with a finite height, clamped to 120–10000 px. Nothing else is read or sent.
   Plain ES2019, no dependencies. */
(function (w, d) {
  'use strict';
  /* Two snippets on one page load this twice: one listener is enough. */
  if (w.ecsPlaygroundHost) return;
  w.ecsPlaygroundHost = true;
  var TYPE = 'ecs-playground:height';
  var MIN = 120;
  var MAX = 10000;

  /* The iframe a message is from, and the height it asks for; or null. */
  function accept(event, frames, base) {
    var data = event.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    var own = Object.prototype.hasOwnProperty;
    if (!own.call(data, 'type') || data.type !== TYPE || !own.call(data, 'height')) return null;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return null;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (!frame.contentWindow || frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.getAttribute('src') || '', base).origin;
      } catch {
        return null;
      }
      if (origin === 'null' || origin !== event.origin) return null;
      return { frame: frame, height: Math.round(Math.min(MAX, Math.max(MIN, height))) };
    }
    return null;
  }

  function onMessage(event) {
    var found = accept(event, d.querySelectorAll('iframe[data-ecs-playground]'), d.baseURI);
    if (found) found.frame.style.height = found.height + 'px';
  }

  w.addEventListener('message', onMessage);
})(window, document);
