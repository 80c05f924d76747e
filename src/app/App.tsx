// The interim main screen: the engine's state as text, advancing live. The diagram (issue #3)
// replaces the middle of this page; the toolbar, the tasks table and the events stay.

import { useEffect, useState } from 'react';
import { startPlayback } from '../store/playback.ts';
import { createSimStore } from '../store/simStore.ts';
import { SimStoreProvider } from '../store/StoreContext.tsx';
import { settingsFromUrl } from '../store/settings.ts';
import { EventsList } from './EventsList.tsx';
import { ServicesList } from './ServicesList.tsx';
import { TasksTable } from './TasksTable.tsx';
import { Toolbar } from './Toolbar.tsx';

export function App({ search }: { search: string }) {
  const [{ store, problems }] = useState(() => {
    const { settings, problems } = settingsFromUrl(search);
    return { store: createSimStore(settings), problems };
  });
  useEffect(() => startPlayback(store), [store]);

  return (
    <SimStoreProvider store={store}>
      <header className="app-header">
        <h1>ECS Playground</h1>
        <Toolbar />
      </header>
      {problems.length > 0 && (
        <div className="notice" role="alert">
          {problems.map((p) => <p key={p}>{p}</p>)}
        </div>
      )}
      <main className="layout">
        <ServicesList />
        <TasksTable />
        <EventsList />
      </main>
      <footer className="app-footer">
        A simulation of Amazon ECS on Fargate: one cluster, three Availability Zones, timings from real task histories. Nothing here touches AWS.
      </footer>
    </SimStoreProvider>
  );
}
