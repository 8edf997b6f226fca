import { useRef } from 'react';
import {
  CacheComponentSchema,
  defaultsOf,
  GatewayComponentSchema,
  optionsOf,
  QueueComponentSchema,
  ServiceComponentSchema,
} from '@faultline/schemas';
import { useAppDispatch, useAppSelector } from '../app/hooks.ts';
import { CallsEditor } from './CallsEditor.tsx';
import { ConnectionProperties } from './ConnectionProperties.tsx';
import { OperationsEditor } from './OperationsEditor.tsx';
import { DesignSettings } from './DesignSettings.tsx';
import type { ComponentChange, Without } from './draft.ts';
import { editorActions } from './editor-slice.ts';
import { DistributionEditor } from './fields/DistributionEditor.tsx';
import { Field, numberOrText, shown } from './fields/Field.tsx';
import { issuesAt } from './fields/issues.ts';
import { SelectField } from './fields/SelectField.tsx';
import { selectIssues, selectSelectedPart, type ComponentEntry } from './selectors.ts';
import { useFocusWhenLost } from './use-focus-when-lost.ts';

/** What a field becomes when left empty: the same for every kind that serves requests. */
const SERVING = defaultsOf(ServiceComponentSchema);
const CACHE = defaultsOf(CacheComponentSchema);
const QUEUE = defaultsOf(QueueComponentSchema);
const GATEWAY = defaultsOf(GatewayComponentSchema);
const BALANCING = optionsOf(GatewayComponentSchema.shape.balancing);

/** The selected component's or connection's fields; with nothing selected, the design's. */
export function PropertyPanel() {
  const selected = useAppSelector(selectSelectedPart);
  if (selected?.part === 'component') return <ComponentProperties entry={selected} />;
  if (selected?.part === 'connection') return <ConnectionProperties entry={selected} />;
  return <DesignSettings />;
}

/** Every field of a component, with units, the schema's defaults and the schema's verdict. */
function ComponentProperties({ entry: { component, index } }: { entry: ComponentEntry }) {
  const dispatch = useAppDispatch();
  const issues = useAppSelector(selectIssues);
  const at = (field: string) => issuesAt(issues, `/components/${index}/${field}`);
  const change = (edit: Without<ComponentChange, 'id'>) =>
    dispatch(editorActions.componentChanged({ id: component.id, ...edit }));
  /** An empty field means "unbounded" where the schema says so with null. */
  const orUnbounded = (text: string) => (text.trim() === '' ? null : numberOrText(text));
  const title = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(title, component.id);

  return (
    <aside className="panel" aria-label="Properties" data-testid="properties">
      <h2 ref={title} tabIndex={-1}>
        {component.kind}
      </h2>
      <Field
        label="Name"
        type="text"
        value={component.name}
        issues={at('name')}
        testId="properties.name"
        onCommit={(name) => change({ field: 'name', value: name })}
      />
      {component.kind !== 'client' && (
        <>
          <Field
            label="Replicas"
            value={shown(component.replicas)}
            placeholder={shown(SERVING.replicas)}
            issues={at('replicas')}
            testId="properties.replicas"
            onCommit={(text) => change({ field: 'replicas', value: numberOrText(text) })}
          />
          <Field
            label="Concurrency"
            unit="workers per replica"
            value={shown(component.concurrency)}
            placeholder={shown(SERVING.concurrency)}
            issues={at('concurrency')}
            testId="properties.concurrency"
            onCommit={(text) => change({ field: 'concurrency', value: numberOrText(text) })}
          />
          <Field
            label="Queue capacity"
            unit="requests per replica, empty for unbounded"
            value={shown(component.queueCapacity ?? SERVING.queueCapacity)}
            issues={at('queueCapacity')}
            testId="properties.queueCapacity"
            onCommit={(text) => change({ field: 'queueCapacity', value: orUnbounded(text) })}
          />
          <DistributionEditor
            legend={component.operations?.length ? 'Service time of operations without their own' : 'Service time'}
            value={component.serviceTime ?? SERVING.serviceTime}
            path={`/components/${index}/serviceTime`}
            issues={issues}
            onChange={(value) => change({ field: 'serviceTime', value })}
          />
        </>
      )}
      {component.kind === 'cache' && (
        <Field
          label="Hit ratio"
          unit="0–1"
          value={shown(component.hitRatio)}
          placeholder={shown(CACHE.hitRatio)}
          issues={at('hitRatio')}
          testId="properties.hitRatio"
          onCommit={(text) => change({ field: 'hitRatio', value: numberOrText(text) })}
        />
      )}
      {component.kind === 'queue' && (
        <>
          <Field
            label="Consumers"
            value={shown(component.consumers)}
            placeholder={shown(QUEUE.consumers)}
            issues={at('consumers')}
            testId="properties.consumers"
            onCommit={(text) => change({ field: 'consumers', value: numberOrText(text) })}
          />
          <Field
            label="Maximum depth"
            unit="messages, empty for unbounded"
            value={shown(component.maxDepth ?? QUEUE.maxDepth)}
            issues={at('maxDepth')}
            testId="properties.maxDepth"
            onCommit={(text) => change({ field: 'maxDepth', value: orUnbounded(text) })}
          />
        </>
      )}
      {component.kind === 'gateway' && (
        <SelectField
          label="Balancing"
          value={component.balancing ?? GATEWAY.balancing}
          options={BALANCING}
          testId="properties.balancing"
          onChange={(balancing) => change({ field: 'balancing', value: balancing })}
        />
      )}
      {/* With operations, each makes its own calls; own calls then show only to be removed (SPEC §3.7). */}
      {(!component.operations?.length || (component.calls?.length ?? 0) > 0) && (
        <CallsEditor component={component} index={index} />
      )}
      <OperationsEditor component={component} index={index} />
    </aside>
  );
}
