import { familyRevision } from '../sim/index.ts';
import { useSimStore } from '../store/StoreContext.tsx';

export function ServicesList() {
  useSimStore((s) => s.version);
  const world = useSimStore((s) => s.sim.world);
  const services = Object.values(world.services).filter((s) => s.status !== 'INACTIVE');
  const definitions = Object.values(world.taskDefinitions);

  return (
    <section aria-labelledby="services-heading" className="panel">
      <h2 id="services-heading">Services</h2>
      {services.length === 0 && <p className="muted">No services.</p>}
      <ul className="services">
        {services.map((s) => (
          <li key={s.serviceName} data-testid={`service-${s.serviceName}`}>
            <strong>{s.serviceName}</strong> <span className="muted">({familyRevision(s.taskDefinition)}, {s.status})</span>
            <dl className="counts">
              <div><dt>desired</dt><dd>{s.desiredCount}</dd></div>
              <div><dt>running</dt><dd>{s.runningCount}</dd></div>
              <div><dt>pending</dt><dd>{s.pendingCount}</dd></div>
            </dl>
          </li>
        ))}
      </ul>
      <h2>Task definitions</h2>
      <ul className="definitions">
        {definitions.map((td) => (
          <li key={td.taskDefinitionArn}>
            <strong>{td.family}:{td.revision}</strong>{' '}
            <span className="muted">
              {td.cpu} CPU / {td.memory} MiB · {td.containerDefinitions.map((c) => c.image).join(', ')} · {td.status}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
