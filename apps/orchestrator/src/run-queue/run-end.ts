import type { FastifyBaseLogger } from 'fastify';
import { sloPassed } from '@faultline/runs';
import type { RunPart, RunProgress, RunResult } from '@faultline/schemas';
import { storageTrouble } from '@faultline/service-kit';
import type { RunRepository } from '../repository/run-repository.ts';
import { retrying } from './retrying.ts';

export type RunEnding =
  | { type: 'succeeded'; result: () => RunResult; progress: RunProgress; parts: RunPart[] }
  | { type: 'failed'; reason: string; parts: RunPart[] };

/**
 * Writes a run's end, the same way wherever its parts ran: the result (assembled here, so an
 * assembly error fails the run with its reason) with retries, else the failure with retries.
 * Answers the failure written, or null when the run succeeded. If even the failure cannot be
 * written, the run stays `running` in the database and is taken up again later.
 */
export async function writeRunEnd(
  runs: RunRepository,
  log: FastifyBaseLogger,
  delaysMs: readonly number[],
  runId: string,
  ending: RunEnding,
): Promise<string | null> {
  let failure = ending.type === 'failed' ? ending.reason : null;
  if (ending.type === 'succeeded') {
    try {
      const result = ending.result();
      const end = { sloPassed: sloPassed(result), progress: ending.progress, parts: ending.parts };
      const body = JSON.stringify(result);
      await retrying(
        () => runs.succeed(runId, body, end),
        delaysMs,
        (error) => log.warn({ err: error, runId }, 'could not store the result of a run; trying again'),
      );
    } catch (error) {
      log.error({ err: error, runId }, 'could not store the result of a run');
      failure = `The run finished but its result could not be stored: ${reasonOf(error)}`;
    }
  }
  if (failure === null) return null;
  log.warn({ runId, reason: failure }, 'run failed');
  try {
    await retrying(() => runs.fail(runId, failure, ending.parts), delaysMs);
  } catch (error) {
    log.error({ err: error, runId }, 'could not record the failure of a run');
  }
  return failure;
}

/**
 * What went wrong in words: the database's trouble when it is one (driver messages may name
 * hosts and files), else the error's own last line (Prisma quotes the call site before it).
 */
export function reasonOf(error: unknown): string {
  const trouble = storageTrouble(error);
  if (trouble) return trouble;
  const lines = String((error as Error).message ?? error)
    .split('\n')
    .filter((line) => line.trim());
  return lines.at(-1)?.trim() ?? 'unknown error';
}
