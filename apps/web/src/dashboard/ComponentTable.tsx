import type { SimulationResult } from '@faultline/schemas';
import { inWords, ms, pct } from './format.ts';
import { useNames } from './names-context.ts';
import { saturationOf } from './saturation.ts';

/** Per component: load, queue, failures by kind, latency, and whether it ran out of headroom. */
export function ComponentTable({ result }: { result: SimulationResult }) {
  const names = useNames();
  const saturation = saturationOf(result);
  return (
    <table className="table" data-testid="components.table">
      <caption>Components</caption>
      <thead>
        <tr>
          <th>Component</th>
          <th>Requests</th>
          <th>Failed</th>
          <th>Errors by kind</th>
          <th>Utilisation</th>
          <th>Mean queue</th>
          <th>p50</th>
          <th>p99</th>
          <th>Saturation</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(result.components).flatMap(([id, c]) => [
          <tr key={id}>
            <th scope="row">{names.component(id)}</th>
            <td>{c.requests}</td>
            <td>{c.failed}</td>
            <td>
              {Object.entries(c.failedByKind)
                .map(([kind, n]) => `${inWords(kind)} ${n}`)
                .join(', ') || '–'}
            </td>
            <td>{pct(c.utilisation, 1)}</td>
            <td>{c.meanQueueLength.toFixed(2)}</td>
            <td>{ms(c.latency.p50)}</td>
            <td>{ms(c.latency.p99)}</td>
            <td>
              {saturation.has(id) && (
                <span className="saturated" data-testid="components.saturated">
                  ⚠ saturated: {saturation.get(id)!.join('; ')}
                </span>
              )}
            </td>
          </tr>,
          // A component with several operations: each one's share of its work, beneath it.
          ...Object.entries(c.operations ?? {}).map(([operationId, o]) => (
            <tr key={`${id}.${operationId}`} className="operation-row" data-testid="components.operation">
              <th scope="row">
                {names.component(id)} · {names.operation(id, operationId)}
              </th>
              <td>{o.requests}</td>
              <td>{o.failed}</td>
              <td />
              <td />
              <td />
              <td>{ms(o.latency.p50)}</td>
              <td>{ms(o.latency.p99)}</td>
              <td />
            </tr>
          )),
        ])}
      </tbody>
    </table>
  );
}
