import { useId } from 'react';
import type { ClassFigures } from './class-figures.ts';

const ALL = '';

/**
 * Which requests the headline figures are of: all, or one request class. The result keeps no time
 * series per class, so the charts stay of all requests, and say so while a class is chosen.
 */
export function ClassFilter({
  classes,
  chosen,
  onChoose,
}: {
  classes: ClassFigures[];
  chosen: string | undefined;
  onChoose: (classId: string | undefined) => void;
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
          Availability, error rate and latency below are of {name} requests, against its own SLO targets. Latency
          degradation, MTTR, recovery, grade and the charts are of all requests: the run keeps no time series per class.
        </p>
      )}
    </div>
  );
}
