// Traffic: the request rate control and live charts over the last minutes of sim time — desired
// vs running tasks per service, requests per second, success rate and latency — each with its
// numbers in words.

import { useState, type FormEvent, useId } from 'react';
import { MAX_RATE } from '../../sim/index.ts';
import { usePane, usePaneApi, useThrottledVersion } from '../../store/StoreContext.tsx';
import { errorCounts, lastSeconds, meanLatency, percent, summarise } from '../trafficStats.ts';
import { Chart } from './Chart.tsx';
import { readWholeNumber } from '../actions/Dialog.tsx';

const WINDOW = 180; // seconds of sim time shown

export function TrafficPanel() {
  useThrottledVersion(500);
  const world = usePane((s) => s.sim.world);
  const history = usePane((s) => s.history);
  const lb = world.loadBalancers.values().next().value;
  if (!lb) return <p className="muted">There is no load balancer in this scenario. The default scenario has one (web-alb) with traffic flowing.</p>;
  const seconds = world.traffic.seconds.slice(-WINDOW - 1, -1);
  const now = lastSeconds(world.traffic, 10);
  const requests = seconds.map((s) => s.requests);
  const success = seconds.map((s) => (s.requests === 0 ? null : (100 * s.ok) / s.requests));
  const latency = seconds.map((s) => (s.ok === 0 ? null : s.latencyMs / s.ok));
  const all = summarise(seconds);
  const services = [...(history.at(-1)?.services.keys() ?? [])];
  const recent = history.slice(-WINDOW);
  const maxRequests = Math.max(10, ...requests);
  return (
    <div className="traffic-panel" data-testid="traffic-panel">
      <RateForm key={lb.loadBalancerArn} loadBalancer={lb.loadBalancerName} rate={world.traffic.ratePerSecond} />
      <p className="traffic-now" data-testid="traffic-now">
        Last 10 s: <strong>{(now.requests / Math.max(1, now.seconds)).toFixed(1)} req/s</strong>, <strong>{percent(now.ok, now.requests)}</strong> succeeded
        {now.requests > now.ok && `, ${errorCounts(now, true)}`}
        {meanLatency(now) !== null && `, ${meanLatency(now)!.toFixed(0)} ms on average`}.
      </p>
      <p className="small" data-testid="traffic-total">
        Since T+00:00: {world.traffic.total.requests.toLocaleString('en')} requests, <strong>{world.traffic.total.failed.toLocaleString('en')} failed</strong>.
      </p>
      {services.map((name) => (
        <Chart
          key={name}
          title={`Service ${name}: desired vs running`}
          max={Math.max(1, ...recent.map((h) => Math.max(h.services.get(name)?.desired ?? 0, h.services.get(name)?.running ?? 0)))}
          unit=" tasks"
          series={[
            { name: 'desired', values: recent.map((h) => h.services.get(name)?.desired ?? null), className: 'series-desired' },
            { name: 'running', values: recent.map((h) => h.services.get(name)?.running ?? null), className: 'series-running' },
          ]}
          summary={`now desired ${history.at(-1)?.services.get(name)?.desired}, running ${history.at(-1)?.services.get(name)?.running}; running ranged ${Math.min(...recent.map((h) => h.services.get(name)?.running ?? 0))}–${Math.max(...recent.map((h) => h.services.get(name)?.running ?? 0))} over the last ${recent.length} s.`}
        />
      ))}
      <Chart title="Requests per second" max={maxRequests} unit=" req/s" series={[{ name: 'requests', values: requests, className: 'series-requests' }]}
        summary={`${(all.requests / Math.max(1, all.seconds)).toFixed(1)} req/s on average over ${all.seconds} s.`} />
      <Chart title="Success %" max={100} unit=" %" series={[{ name: 'succeeded', values: success, className: 'series-success' }]}
        summary={`${percent(all.ok, all.requests)} of ${all.requests} requests succeeded over ${all.seconds} s${all.requests > all.ok ? ` (${errorCounts(all, true)})` : ''}; the worst second: ${success.filter((v): v is number => v !== null).reduce((m, v) => Math.min(m, v), 100).toFixed(0)} %.`} />
      <Chart title="Latency" max={100} unit=" ms" series={[{ name: 'mean latency', values: latency, className: 'series-latency' }]}
        summary={meanLatency(all) === null ? 'No successful requests yet.' : `${meanLatency(all)!.toFixed(0)} ms on average for successful requests.`} />
    </div>
  );
}

function RateForm({ loadBalancer, rate }: { loadBalancer: string; rate: number }) {
  const store = usePaneApi();
  const [value, setValue] = useState(String(rate));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const apply = (text: string) => {
    const n = readWholeNumber(text, 0, MAX_RATE);
    if (n === null) return setError(`Enter a whole number from 0 to ${MAX_RATE}.`);
    const { outcome } = store.getState().dispatch({ type: 'setTraffic', loadBalancer, ratePerSecond: n });
    setError(outcome.ok ? null : outcome.error.message);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(value);
  };
  return (
    <form className="rate-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Requests per second to {loadBalancer}</label>
      <input type="range" min={0} max={500} step={10} value={Math.min(500, Number(value) || 0)} aria-label="Request rate slider"
        onChange={(e) => { setValue(e.target.value); apply(e.target.value); }} />
      <input id={inputId} inputMode="numeric" size={5} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${inputId}-error` : undefined} />
      <button type="submit">Set rate</button>
      {error && <p id={`${inputId}-error`} className="field-error">{error}</p>}
    </form>
  );
}
