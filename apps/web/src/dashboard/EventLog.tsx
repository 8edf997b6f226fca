import { useState } from 'react';
import type { SimulationResult } from '@faultline/schemas';
import { useNames } from './names-context.ts';

const TYPES = ['fault-start', 'fault-end', 'crash', 'restart', 'oom-kill', 'circuit-transition'] as const;

/** Each kind of event in words, for the filters and the lines. */
const TYPE_WORDS: Record<string, string> = {
  'fault-start': 'fault starts',
  'fault-end': 'fault ends',
  crash: 'crash',
  restart: 'restart',
  'oom-kill': 'killed out of memory',
  'circuit-transition': 'breaker changes state',
};

/** What happened when: faults, crashes and restarts, breaker transitions; filtered by type. */
export function EventLog({ result }: { result: SimulationResult }) {
  const names = useNames();
  const [shown, setShown] = useState<Set<string>>(new Set(TYPES));
  const items = result.events.items.filter((e) => shown.has(e.type));
  return (
    <section className="event-log" data-testid="events" aria-label="Event log">
      <h3>Event log</h3>
      <div className="filters" role="group" aria-label="Event types">
        {TYPES.map((type) => (
          <label key={type} className="inline">
            <input
              type="checkbox"
              checked={shown.has(type)}
              onChange={(e) =>
                setShown((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(type);
                  else next.delete(type);
                  return next;
                })
              }
            />
            {TYPE_WORDS[type]}
          </label>
        ))}
      </div>
      <ol>
        {items.map((e, i) => (
          <li key={i} data-testid={`event.${e.type}`}>
            <time>{(e.atMs / 1000).toFixed(2)} s</time> {TYPE_WORDS[e.type] ?? e.type}
            {e.fault && ` ${names.fault(e.fault)}`}
            {e.component && ` on ${names.component(e.component)}`}
            {e.connection && ` (${names.connection(e.connection)})`}
            {e.from && ` ${e.from} → ${e.to}`}
          </li>
        ))}
      </ol>
      {result.events.dropped > 0 && <p>{result.events.dropped} more events were not kept.</p>}
    </section>
  );
}
