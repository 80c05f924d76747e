// Where on the page each control a lesson step points at is, as a CSS selector: the lesson panel
// outlines what matches while the step waits for it. One table, so a lesson names a control by
// id and never by the page's markup; a control that moves changes one line here.

import type { ControlId, Spotlight } from '../../lessons/model.ts';

export const CONTROLS: ReadonlyMap<ControlId, { selector: string; label: string }> = new Map([
  ['run-task', { selector: '.actions-bar [aria-keyshortcuts="T"]', label: 'Run task… (T)' }],
  ['create-service', { selector: '.actions-bar [aria-keyshortcuts="N"]', label: 'Create service… (N)' }],
  ['new-revision', { selector: '.actions-bar [aria-keyshortcuts="E"]', label: 'New revision… (E)' }],
  ['update-service', { selector: '[aria-keyshortcuts="U"], .service-node button[aria-label^="Update service"]', label: 'Update service… (U)' }],
  ['force-deployment', { selector: '[data-control="force-deployment"]', label: 'Force new deployment' }],
  ['scale', { selector: '.service-node button[aria-label*="desired count"]', label: '− and + on the service (or [ and ])' }],
  ['stop-task', { selector: '.tab-panel [aria-keyshortcuts="S"]', label: 'Stop (S)' }],
  ['crash', { selector: '.tab-panel [aria-keyshortcuts="C"]', label: 'Crash (C)' }],
  ['crash-container', { selector: '[data-control="crash-container"]', label: 'a container’s Crash button (in the task’s containers table)' }],
  ['oom', { selector: '.tab-panel [aria-keyshortcuts="O"]', label: 'Out of memory (O)' }],
  ['fail-health', { selector: '.tab-panel [aria-keyshortcuts="H"]', label: 'Fail health check (H)' }],
  ['hang', { selector: '.tab-panel [aria-keyshortcuts="G"]', label: 'Hang (G)' }],
  ['push-image', { selector: '[data-control="push-image"]', label: 'Push a new build' }],
  ['deregister', { selector: '[data-control="deregister"]', label: 'Deregister (in the task definition’s inspector)' }],
  ['timeline', { selector: '#main-timeline', label: 'the timeline' }],
  ['play', { selector: '.toolbar .play', label: 'Play (Space)' }],
  ['events-tab', { selector: '[role="tab"][id$="-tab-events"]', label: 'the Events tab' }],
  ['why-tab', { selector: '[role="tab"][id$="-tab-why"]', label: 'the Why tab' }],
  ['traffic-tab', { selector: '[role="tab"][id$="-tab-traffic"]', label: 'the Traffic tab' }],
  ['logs-tab', { selector: '[role="tab"][id$="-tab-logs"]', label: 'the Logs tab' }],
  ['tasks-table', { selector: '.tasks-section, [role="tab"][id$="-tab-tasks"]', label: 'the Tasks table' }],
]);

const attr = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** The diagram's nodes a step points at. */
export function spotlightSelector(s: Spotlight): string {
  switch (s.kind) {
    case 'service':
      return `[data-testid=${attr(`node-service-${s.id}`)}]`;
    case 'loadBalancer':
      return '[data-testid="node-alb"]';
    case 'taskDefinition':
      return `[data-testid=${attr(`node-td-${s.id.replace(':', '-')}`)}]`;
    case 'tasks': {
      // The tasks a step can act on: not the stopped ones that linger on the diagram for a minute.
      const live = ':not([data-last-status="STOPPED"])';
      if (s.service !== undefined) return `[data-group=${attr(`service:${s.service}`)}]${live}`;
      if (s.family !== undefined && s.standalone) return `[data-group=${attr(`family:${s.family}`)}]${live}`;
      if (s.family !== undefined) return `[data-testid^="node-task-"][data-group$=${attr(`:${s.family}`)}]${live}`;
      return `[data-testid^="node-task-"]${live}`;
    }
  }
}

/** The style sheet that outlines a step's controls and spotlight; empty when there is nothing to show. */
export function highlightCss(controls: readonly ControlId[], spotlight: Spotlight | undefined): string {
  const selectors = controls.flatMap((c) => CONTROLS.get(c)?.selector.split(', ') ?? []);
  const rules: string[] = [];
  if (selectors.length > 0) rules.push(`${selectors.join(',\n')} { outline: 3px dashed var(--lesson-highlight) !important; outline-offset: 2px; }`);
  if (spotlight) {
    const nodes = spotlightSelector(spotlight);
    rules.push(`${nodes} { box-shadow: 0 0 0 4px var(--lesson-highlight) !important; }`);
    // The Stop on the very nodes the step means, not on every task.
    if (controls.includes('stop-task')) rules.push(`${nodes} .node-stop { outline: 3px dashed var(--lesson-highlight) !important; outline-offset: 1px; }`);
  }
  return rules.join('\n');
}
