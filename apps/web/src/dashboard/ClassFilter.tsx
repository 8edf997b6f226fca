import { useId } from 'react';
import type { ClassFigures } from './class-figures.ts';

const ALL = '';

/**
 * Which requests the headline figures and the charts are of: all, or one request class. The fault
 * figures stay the run's; so do the charts of a result stored before it kept a series per class
 * (`chartsFollow` false), and the page says which follow while a class is chosen.
 */
export function ClassFilter({
  classes,
  chosen,
  onChoose,
  chartsFollow,
}: {
  classes: ClassFigures[];
  chosen: string | undefined;
  onChoose: (classId: string | undefined) => void;
  chartsFollow: boolean;
}) {
  const id = useId();
  const name = classes.find((c) => c.id === chosen)?.name;
  return (
    <div className="class-filter">
      <div className="field">
        <label htmlFor={id}>Figures of</label>
        <select
          id={id}
          value={chosen ?? ALL}
          data-testid="classes.filter"
          onChange={(e) => onChoose(e.target.value || undefined)}
        >
          <option value={ALL}>all requests</option>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} requests
            </option>
          ))}
        </select>
      </div>
      {name && (
        <p className="hint" data-testid="classes.scope">
          Availability, error rate and latency below are of {name} requests, against its own SLO targets
          {chartsFollow
            ? ', and so are the charts. Latency degradation, MTTR, recovery and grade are of all requests.'
            : '. Latency degradation, MTTR, recovery, grade and the charts are of all requests: this run keeps no time series per class.'}
        </p>
      )}
    </div>
  );
}
