// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutExample, validateDesign } from '@faultline/schemas';
import { editing, renderWithProviders } from '../../test/render-with-providers.tsx';
import { CircuitBreakerForm, LoadSheddingForm, RetryForm } from './policy-forms.tsx';
import { ResiliencePanel } from './ResiliencePanel.tsx';

afterEach(cleanup);

describe('resilience forms', () => {
  it("RetryForm edits attempts, backoff and jitter, with Resilience4j's defaults as placeholders", async () => {
    const onChange = vi.fn();
    render(<RetryForm params={{ maxAttempts: 3 }} onChange={onChange} issues={[]} />);
    expect(screen.getByLabelText(/First wait/).getAttribute('placeholder')).toBe('500');
    await userEvent.type(screen.getByLabelText(/First wait/), '20{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ maxAttempts: 3, backoff: { initialMs: 20 } });
    await userEvent.selectOptions(screen.getByLabelText('Jitter'), 'full');
    expect(onChange).toHaveBeenLastCalledWith({ maxAttempts: 3, jitter: 'full' });
  });

  it('CircuitBreakerForm sets a time window in ms', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<CircuitBreakerForm params={{}} onChange={onChange} issues={[]} />);
    await userEvent.selectOptions(screen.getByLabelText('Sliding window'), 'time');
    expect(onChange).toHaveBeenLastCalledWith({ slidingWindow: { type: 'time' } });
    rerender(<CircuitBreakerForm params={{ slidingWindow: { type: 'time' } }} onChange={onChange} issues={[]} />);
    expect(screen.getByText('Window size').textContent).toBe('Window size (ms)');
  });

  it("LoadSheddingForm shows the field's error", () => {
    render(
      <LoadSheddingForm
        params={{ maxInFlight: 0 }}
        onChange={() => {}}
        issues={[{ path: '/params/maxInFlight', message: 'Too small: expected number to be >=1' }]}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Too small: expected number to be >=1');
  });
});

describe('ResiliencePanel', () => {
  it('adds a retry and a circuit breaker on one connection and an inbound rate limiter; the design stays valid', async () => {
    const { store } = renderWithProviders(<ResiliencePanel componentId="api" />, {
      preloadedState: editing({
        ...checkoutExample,
        components: checkoutExample.components.map((c) => ({ ...c, resilience: [] })),
      }),
    });
    await userEvent.selectOptions(screen.getByTestId('resilience.connection'), 'api-db');
    await userEvent.click(screen.getByTestId('resilience.add'));
    await userEvent.selectOptions(screen.getByTestId('resilience.type'), 'circuit-breaker');
    await userEvent.click(screen.getByTestId('resilience.add'));
    await userEvent.click(screen.getByTestId('resilience.addInbound'));
    const api = store.getState().editor.draft!.components.find((c) => c.id === 'api') as {
      resilience: unknown[];
      inbound: unknown[];
    };
    expect(api.resilience).toMatchObject([
      { type: 'retry', connection: 'api-db' },
      { type: 'circuit-breaker', connection: 'api-db' },
    ]);
    expect(api.inbound).toMatchObject([{ type: 'rate-limiter' }]);
    expect(validateDesign(store.getState().editor.draft).success).toBe(true);
    expect(screen.getAllByTestId(/^policy\.[a-z-]+$/).map((e) => e.dataset.testid)).toEqual([
      'policy.retry',
      'policy.circuit-breaker',
      'policy.rate-limiter',
    ]);
  });
});
