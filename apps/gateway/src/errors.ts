import { defineErrors } from '@faultline/service-kit';

/** The gateway's own problems: a service it forwards to is down, slow or answers nonsense. */
export const gatewayError = defineErrors({
  SERVICE_UNAVAILABLE: { status: 503, title: 'A service is not available' },
  SERVICE_TIMEOUT: { status: 504, title: 'A service did not answer in time' },
  BAD_GATEWAY: { status: 502, title: 'A service answered with something that cannot be passed on' },
});
