import type { FaultWindow, SimulationResult } from './result.ts';

// What became of each fault, in the words the dashboard's verdict header and the Markdown report
// both use: one function, so the two never tell a different story.

/** `1 request`, `2,500 requests`: a number with its noun, for sentences people read. */
export const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
/** A time of the run: "60 s", "2.5 s". */
const at = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const percent = (ratio: number | null) => (ratio === null ? '–' : `${(ratio * 100).toFixed(2)} %`);

/** When a fault was active, as a person reads it: "60–90 s", "from 60 s", "whole run". */
export function faultSpan(w: FaultWindow, warmupMs: number): string {
  if (w.endMs === null) return w.startMs <= warmupMs ? 'whole run' : `from ${at(w.startMs)}`;
  return `${Number((w.startMs / 1000).toFixed(1))}–${at(w.endMs)}`;
}

/** What became of one fault, in a sentence after its name and span. */
export function faultOutcome(w: FaultWindow): string {
  const caused = count(w.failuresCaused, 'failure');
  switch (w.state) {
    case 'not-exercised':
      return `not exercised: ${w.reason ?? 'never active in the measured period'}`;
    case 'no-impact': {
      // Calls it refused may still have been absorbed on the way (an optional call): what can be
      // said is that no request failed or slowed because of it, not that it did nothing.
      if (w.affectedRequests === 0) return 'no impact: no request failed or slowed because of it';
      // The requests a fallback answered because of this fault.
      const fallback = w.degradedCaused > 0 ? ` (fallback served ${w.degradedCaused.toLocaleString('en-US')})` : '';
      // Failures it caused are never called "no impact": the run-wide availability stayed
      // within the SLO, which a request class's own target may still have missed.
      return w.failuresCaused === 0
        ? `absorbed, no failures caused${fallback}`
        : `within the SLO: ${caused} caused, availability ${percent(w.availability)} stayed within the run's SLO${fallback}`;
    }
    case 'recovered':
      return `recovered ${seconds(w.recoveryTimeMs)} after it ended; ${caused} caused`;
    case 'not-recovered':
      return `not recovered: ${w.reason ?? 'availability stayed below the SLO'}; ${caused} caused`;
  }
}

/** "Orders DB outage (60–90 s): recovered 2.1 s after it ended; 300 failures caused". */
export function faultLine(w: FaultWindow, settings: Pick<SimulationResult['settings'], 'warmupMs'>): string {
  return `${w.name} (${faultSpan(w, settings.warmupMs)}): ${faultOutcome(w)}`;
}
