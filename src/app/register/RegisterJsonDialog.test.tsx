// @vitest-environment jsdom
// The register-from-JSON dialog as a person uses it when CodeMirror never loads: the plain
// textarea starts from the revision asked for, names each problem by field with the CLI's and
// ECS's words and puts the cursor on it, lists what is accepted and not simulated, registers the
// next revision and offers the next steps. (CodeMirror itself is driven in e2e/register-json.spec.ts.)

import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { familyRevision } from '../../sim/index.ts';
import { createPageStore, type PageStore } from '../../store/pageStore.ts';
import { createPaneStore, newPaneSession, type PaneStore } from '../../store/paneStore.ts';
import { PageStoreProvider, PaneStoreProvider } from '../../store/StoreContext.tsx';
import { RegisterJsonDialog } from './RegisterJsonDialog.tsx';
import { documentText, EXAMPLE, findRevision, initialChoice, startChoices } from './startingDocument.ts';
import { shopDocument } from '../../sim/testing/documents.ts';

// The editor's chunk fails as it starts: what a blocked or broken chunk leaves is the textarea.
vi.mock('./codemirror.ts', () => ({
  createJsonEditor: () => {
    throw new Error('CodeMirror could not start');
  },
}));

beforeAll(() => {
  // jsdom has <dialog> without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(cleanup);

const shop = shopDocument();

function open(taskDefinition?: string): { page: PageStore; pane: PaneStore; editor: HTMLTextAreaElement } {
  const page = createPageStore({ speed: 8 });
  const pane = createPaneStore(newPaneSession('default', 1));
  render(
    <PageStoreProvider store={page}>
      <PaneStoreProvider store={pane}>
        <RegisterJsonDialog taskDefinition={taskDefinition} />
      </PaneStoreProvider>
    </PageStoreProvider>,
  );
  return { page, pane, editor: screen.getByRole('textbox', { name: /^Task definition JSON/ }) as HTMLTextAreaElement };
}

const type = (editor: HTMLTextAreaElement, text: string) => fireEvent.change(editor, { target: { value: text } });
const register = () => fireEvent.click(screen.getByRole('button', { name: 'Register' }));

describe('RegisterJsonDialog without CodeMirror', () => {
  it('starts from the revision asked for, exported, and says so when the editor cannot load', async () => {
    const { pane, editor } = open('web');
    const web = findRevision(pane.getState().sim.world, 'web')!;
    expect(editor.value).toBe(documentText(pane.getState().sim.world, web.taskDefinitionArn));
    expect(JSON.parse(editor.value)).toMatchObject({ family: 'web' });
    expect(screen.getByText(`Task definition JSON (based on ${familyRevision(web.taskDefinitionArn)})`)).toBeTruthy();
    expect(await screen.findByText(/could not load; this plain text box checks and registers the same/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(`Ready: registers as web:${web.revision + 1}.`);
  });

  it('names each problem by field in the CLI\'s and ECS\'s words, and a click puts the cursor on it', () => {
    const { pane, editor } = open();
    const before = pane.getState().sim.world.taskDefinitions.size;
    const bad = structuredClone(shop) as Record<string, unknown> & typeof shop;
    Object.assign(bad.containerDefinitions[1]!, { links: ['migrate:migrate'] });
    type(editor, JSON.stringify({ ...bad, replicas: 2 }, null, 2));
    register();
    expect(screen.getByRole('alert').textContent).toMatch(/^Not registered: 1 problem\. The first: replicas — Unknown parameter in input: "replicas", must be one of: family,/);
    const problems = screen.getByTestId('import-problems');
    expect(problems.textContent).toContain('The AWS CLI would refuse it before sending anything');
    expect(pane.getState().sim.world.taskDefinitions.size).toBe(before);

    // The CLI passes it; ECS refuses the links, with what replaces them.
    type(editor, JSON.stringify(bad, null, 2));
    register();
    expect(screen.getByTestId('import-problems').textContent).toContain('ECS would refuse it');
    expect(screen.getByTestId('import-problems').textContent).toContain('Links are not supported when networkMode=awsvpc.');
    const go = within(screen.getByTestId('import-problems')).getByRole('button', { name: /^Go to containerDefinitions\[1\]\.links \(line \d+\)$/ });
    fireEvent.click(go);
    expect(document.activeElement).toBe(editor);
    expect(editor.value.slice(editor.selectionStart, editor.selectionEnd)).toBe('"links"');
  });

  it('checks as one types, after a pause, and says where broken JSON broke', () => {
    vi.useFakeTimers();
    try {
      const { editor } = open();
      type(editor, '{\n  "family": "web"\n  "cpu": "256"\n}');
      expect(screen.getByRole('status').textContent).toMatch(/^Ready/); // not yet checked
      act(() => void vi.runOnlyPendingTimers());
      expect(screen.getByRole('status').textContent).toBe('The JSON does not parse: not registered yet.');
      expect(screen.getByTestId('import-problems').textContent).toMatch(/line 3 column 3/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists what it accepts and does not simulate, registers the next revision and offers the next steps', () => {
    const { page, pane, editor } = open();
    type(editor, JSON.stringify(shop));
    fireEvent.click(screen.getByRole('button', { name: 'Format' }));
    expect(editor.value).toBe(`${JSON.stringify(shop, null, 2)}\n`);
    register();
    const done = screen.getByTestId('registered-json');
    expect(within(done).getByRole('status').textContent).toMatch(/^Registered shop:1\./);
    expect(done.textContent).toContain('Kept on shop:1, not simulated: taskRoleArn, volumes, tags, containerDefinitions[0].command, containerDefinitions[0].dockerLabels, containerDefinitions[1].mountPoints.');
    expect(done.textContent).toContain('aws ecs register-task-definition --cli-input-json file://shop-1.json');
    const td = findRevision(pane.getState().sim.world, 'shop:1')!;
    expect(td.containerDefinitions.map((c) => c.app)).toEqual([{ kind: 'exit', exitCode: 0, afterSeconds: 8 }, { kind: 'serve' }]);
    fireEvent.click(within(done).getByRole('button', { name: 'Run a task of it…' }));
    expect(page.getState().dialog).toEqual({ kind: 'runTask', taskDefinition: td.taskDefinitionArn });
  });

  it('offers every ACTIVE revision and the example to start from, and loads the one chosen', () => {
    const { pane, editor } = open();
    const world = pane.getState().sim.world;
    expect(JSON.parse(editor.value)).toMatchObject({ family: 'hello-web' });
    const start = screen.getByRole('combobox', { name: 'Start from' }) as HTMLSelectElement;
    expect([...start.options].map((o) => o.textContent)).toEqual(startChoices(world).map((c) => c.label));
    const web = findRevision(world, 'web')!;
    fireEvent.change(start, { target: { value: web.taskDefinitionArn } });
    expect(JSON.parse(editor.value)).toMatchObject({ family: 'web' });
  });
});

describe('the starting document', () => {
  it('reads a request as RunTask reads a name, and starts from the example when it names nothing', () => {
    const world = createPaneStore(newPaneSession('default', 1)).getState().sim.world;
    const web = findRevision(world, 'web')!;
    expect(findRevision(world, web.taskDefinitionArn)).toBe(web);
    expect(findRevision(world, familyRevision(web.taskDefinitionArn))).toBe(web);
    expect(findRevision(world, 'nope')).toBeUndefined();
    expect(findRevision(world, '__proto__')).toBeUndefined();
    expect(initialChoice(world, undefined)).toBe(EXAMPLE);
    expect(initialChoice(world, 'nope')).toBe(EXAMPLE);
    expect(startChoices(world).at(-1)).toEqual({ value: EXAMPLE, label: 'An example (hello-web, spec §2.7)' });
  });
});
