// Event kinds: small integers, dispatched by a switch in the simulation loop.
export const E_ARRIVAL = 1;
export const E_USER_SEND = 2;
export const E_CLIENT_TIMEOUT = 3;
export const E_HOP_ARRIVE = 4;
export const E_SERVICE_DONE = 5;
export const E_RESPONSE = 6;
export const E_CALL_TIMEOUT = 7;
export const E_RETRY = 8;
export const E_FALLBACK_DONE = 9;
export const E_BULKHEAD_EXPIRE = 10;
export const E_PERMIT = 11;
export const E_FAULT_STATE = 12;
export const E_OOM = 13;
export const E_SAMPLE = 14;
export const E_WARMUP_END = 15;
export const E_ATTEMPT_REJECTED = 16;
