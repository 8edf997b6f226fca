import { useMemo, useState } from 'react';
import type { FaultWindow, SimulationResult } from '@faultline/schemas';
import { BreakerTimeline } from './BreakerTimeline.tsx';
import { seriesOf } from './chart-rows.ts';
import { ClassCards } from './ClassCards.tsx';
import { classFiguresOf } from './class-figures.ts';
import { ClassFilter } from './ClassFilter.tsx';
import { ComponentTable } from './ComponentTable.tsx';
import { DefencesPanel } from './DefencesPanel.tsx';
import { EventLog } from './EventLog.tsx';
import { ms, pct, secs } from './format.ts';
import { KpiCards } from './KpiCards.tsx';
import { RunCanvas } from './RunCanvas.tsx';
import { TimeSeriesCharts } from './TimeSeriesCharts.tsx';
import { VerdictHeader } from './VerdictHeader.tsx';

/** A fault window's state and impact in words; the ids are the result's (SPEC §4.2). */
const STATE_WORDS: Record<FaultWindow['state'], string> = {
  'not-exercised': 'not exercised',
  'no-impact': 'no impact',
  recovered: 'recovered',
  'not-recovered': 'not recovered',
};
const IMPACT_WORDS: Record<FaultWindow['impact'], string> = {
  none: 'none',
  degraded: 'degraded',
  'partial-outage': 'partial outage',
  'full-outage': 'full outage',
};

/** One simulation's dashboard; `baseline` overlays the faults-off run on the charts. */
export function SimulationView({ result, baseline }: { result: SimulationResult; baseline?: SimulationResult }) {
  const [onCanvas, setOnCanvas] = useState(false);
  const classes = useMemo(() => classFiguresOf(result), [result]);
  const [classId, setClassId] = useState<string | undefined>();
  const only = classes.find((c) => c.id === classId);
  return (
    <>
      <VerdictHeader result={result} />
      {classes.length > 0 && (
        <ClassFilter
          classes={classes}
          chosen={only?.id}
          onChoose={setClassId}
          chartsFollow={only !== undefined && seriesOf(result, only.id) !== undefined}
        />
      )}
      <KpiCards result={result} only={only} />
      <ClassCards classes={classes} />
      <DefencesPanel result={result} />
      <button type="button" onClick={() => setOnCanvas((shown) => !shown)} data-testid="run.view-on-canvas">
        {onCanvas ? 'Hide the canvas' : 'View on canvas'}
      </button>
      {onCanvas && <RunCanvas result={result} />}
      <TimeSeriesCharts result={result} baseline={baseline} only={only} />
      {result.faultWindows.length > 0 && (
        <table className="table" data-testid="fault-windows">
          <caption>Fault windows</caption>
          <thead>
            <tr>
              <th>Fault</th>
              <th>From</th>
              <th>To</th>
              <th>State</th>
              <th>Impact</th>
              <th>Availability</th>
              <th>Failures caused</th>
              <th>Detection</th>
              <th>Recovery</th>
              <th>p99 degradation</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {result.faultWindows.map((w) => (
              <tr key={`${w.faultId}-${w.startMs}`}>
                <th scope="row">{w.name}</th>
                <td>{secs(w.startMs)}</td>
                <td>{w.endMs === null ? 'end of run' : secs(w.endMs)}</td>
                <td>{STATE_WORDS[w.state]}</td>
                <td>{IMPACT_WORDS[w.impact]}</td>
                <td>{pct(w.availability)}</td>
                <td>{w.failuresCaused}</td>
                <td>{ms(w.detectionMs)}</td>
                <td>{secs(w.recoveryTimeMs)}</td>
                <td>{ms(w.latencyDegradationMs)}</td>
                <td>{w.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ComponentTable result={result} />
      <BreakerTimeline result={result} />
      <EventLog result={result} />
    </>
  );
}
