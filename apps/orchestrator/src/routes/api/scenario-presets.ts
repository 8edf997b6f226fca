import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FaultSchema,
  PresetFaultsQuerySchema,
  SCENARIO_PRESETS,
  ScenarioPresetSchema,
  presetFaults,
} from '@faultline/schemas';
import { problems } from '@faultline/service-kit';
import { appError } from '../../errors.ts';

/** The scenario presets of SPEC §5, and the faults each fills in for a chosen target. */
const scenarioPresets: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['scenario presets'],
        summary: 'Every scenario preset',
        response: { 200: z.object({ items: z.array(ScenarioPresetSchema) }) },
      },
    },
    async () => ({ items: SCENARIO_PRESETS }),
  );

  app.get(
    '/:presetId/faults',
    {
      schema: {
        tags: ['scenario presets'],
        summary:
          'The faults a preset fills in for one component or connection (?component= or ?connection=, optional startMs)',
        params: z.object({ presetId: z.string() }),
        querystring: PresetFaultsQuerySchema,
        response: { 200: z.object({ items: z.array(FaultSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => {
      const { presetId } = request.params;
      if (!SCENARIO_PRESETS.some((p) => p.id === presetId))
        throw appError('PRESET_NOT_FOUND', `There is no scenario preset "${presetId}"`);
      const faults = presetFaults(presetId, request.query);
      if (typeof faults === 'string') {
        const field = request.query.component !== undefined ? 'component' : 'connection';
        throw appError('VALIDATION_FAILED', faults, [{ path: `/${field}`, message: faults }]);
      }
      return { items: faults };
    },
  );
};
export default scenarioPresets;
