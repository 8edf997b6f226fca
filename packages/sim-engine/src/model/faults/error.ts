import type { Fault } from '@faultline/schemas';
import { code, type ErrorCode } from '../../codes.ts';
import { InjectedFault, type AdmissionFault, type FaultContext, type FaultKind } from './injected-fault.ts';

type ErrorSpec = Extract<Fault, { type: 'error' }>;

/** The component answers with one of the listed errors instead of doing the work. */
class ErrorFault extends InjectedFault implements AdmissionFault {
  private readonly errors: ErrorCode[];

  constructor(fault: ErrorSpec, context: FaultContext) {
    super(fault, context);
    this.errors = fault.params.errorTypes.map(code);
  }

  error(): ErrorCode {
    return this.errors[this.random.int(this.errors.length)]!;
  }
}

export const error: FaultKind<'error'> = {
  compile: (fault, _place, context) => ({ hook: 'admission', fault: new ErrorFault(fault, context) }),
};
