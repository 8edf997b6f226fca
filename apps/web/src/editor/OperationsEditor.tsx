import { DEFAULT_SERVICE_TIME } from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { CallsEditor } from './CallsEditor.tsx';
import type { ComponentDraft, OperationChange } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { DistributionEditor } from './fields/DistributionEditor.tsx';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { classShares, DEFAULT_WEIGHT, operationsOf, shareText } from './operations.ts';
import { selectIssues } from './selectors.ts';

/**
 * The kinds of request a component serves (SPEC §3.7), each with its own service time and calls;
 * on a client, the workload's request classes, each with its weight and the share of arrivals it
 * gets. Without operations a component serves one kind: its own service time and calls.
 */
export function OperationsEditor({ component, index }: { component: ComponentDraft; index: number }) {
  const dispatch = useAppDispatch();
  const issues = useAppSelector(selectIssues);
  const operations = operationsOf(component);
  const isClient = component.kind === 'client';
  const shares = isClient ? classShares(component) : [];
  const path = (i: number) => `/components/${index}/operations/${i}`;
  // Fields with an input of their own show their issues there; the rest (a duplicate id, a weight
  // on an operation that is not a request class) are shown on the operation as a whole.
  const shownAt = isClient ? ['name', 'weight', 'serviceTime', 'calls'] : ['name', 'serviceTime', 'calls'];
  const ownIssues = (i: number) =>
    issues.filter(
      (x) =>
        (x.path === path(i) || x.path.startsWith(`${path(i)}/`)) &&
        !shownAt.some((field) => x.path.startsWith(`${path(i)}/${field}`)),
    );
  const issuesOf = (i: number, field: string) => issues.filter((x) => x.path === `${path(i)}/${field}`);
  const change = (operation: number, edit: OperationChange) =>
    dispatch(editorActions.operationChanged({ component: component.id, operation, ...edit }));
  const move = (from: number, to: number) =>
    dispatch(editorActions.operationMoved({ component: component.id, from, to }));
  const noun = isClient ? 'request class' : 'operation';

  return (
    <section className="subpanel" aria-label={isClient ? 'Request classes' : 'Operations'} data-testid="operations">
      <h3>{isClient ? 'Request classes' : 'Operations'}</h3>
      {!operations.length && (
        <p className="hint">
          {isClient
            ? 'One kind of request. Add request classes (browse, checkout, …) to mix kinds of traffic by weight.'
            : 'One kind of request. Add operations when requests of different kinds do different work.'}
        </p>
      )}
      {operations.map((operation, i) => {
        const own = ownIssues(i);
        // A client's request class does no work of its own: only a serving component's has a service time.
        const serviceTime = 'serviceTime' in operation ? operation.serviceTime : undefined;
        return (
          <fieldset key={`${operation.id}-${i}`} data-testid={`operation.${operation.id}`}>
            <legend>
              {i + 1}. {operation.name}
              {isClient && (
                <span className="unit" data-testid="operation.share">
                  {' '}
                  {shareText(shares[i]?.share ?? null)} of requests
                </span>
              )}
            </legend>
            {own.length > 0 && (
              <p className="field-error" role="alert">
                {own.map((x) => x.message).join('; ')}
              </p>
            )}
            <Field
              label="Name"
              type="text"
              value={operation.name}
              issues={issuesOf(i, 'name')}
              testId="operation.name"
              onCommit={(name) => change(i, { field: 'name', value: name })}
            />
            {isClient && (
              <Field
                label="Weight"
                unit="share = weight / total of the weights"
                value={shown('weight' in operation ? operation.weight : undefined)}
                placeholder={shown(DEFAULT_WEIGHT)}
                issues={issuesOf(i, 'weight')}
                testId="operation.weight"
                onCommit={(text) => change(i, { field: 'weight', value: numberOrText(text) })}
              />
            )}
            {!isClient && (
              <>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={serviceTime !== undefined}
                    data-testid="operation.ownServiceTime"
                    onChange={(e) =>
                      change(i, {
                        field: 'serviceTime',
                        value: e.target.checked
                          ? {
                              ...('serviceTime' in component && component.serviceTime
                                ? component.serviceTime
                                : DEFAULT_SERVICE_TIME),
                            }
                          : undefined,
                      })
                    }
                  />
                  Its own service time (else the component's)
                </label>
                {serviceTime !== undefined && (
                  <DistributionEditor
                    legend="Service time"
                    value={serviceTime}
                    path={`${path(i)}/serviceTime`}
                    issues={issues}
                    onChange={(value) => change(i, { field: 'serviceTime', value })}
                  />
                )}
              </>
            )}
            <CallsEditor component={component} index={index} operation={i} />
            <div className="row-actions">
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={`Move ${operation.name} up`}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === operations.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={`Move ${operation.name} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="danger"
                data-testid="operation.remove"
                onClick={() => dispatch(editorActions.operationRemoved({ component: component.id, operation: i }))}
                aria-label={`Remove ${noun} ${operation.name}`}
              >
                Remove {noun}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        data-testid="operations.add"
        onClick={() => dispatch(editorActions.operationAdded({ component: component.id }))}
      >
        Add {noun}
      </button>
    </section>
  );
}
