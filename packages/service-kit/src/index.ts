export { AppError, COMMON_ERRORS, commonError, defineErrors, type ErrorSpec } from './errors.ts';
export { default as problemHandler, sendProblem, toProblem } from './problem-handler.ts';
export { default as zodValidation, RequestValidationError } from './zod-validation.ts';
export { default as database } from './database.ts';
export { default as openapi, type OpenApiOptions } from './openapi.ts';
export { serve } from './serve.ts';
export { noContent, problems } from './problems.ts';
export { startService, type RunningService } from './start-service.ts';
