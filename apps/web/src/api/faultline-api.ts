import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react';
import type {
  DesignInput,
  DesignPage,
  FaultInput,
  FaultTarget,
  Problem,
  Run,
  RunResult,
  ScenarioPreset,
  Design,
  DesignTemplate,
  StoredDesign,
} from '@faultline/schemas';
import { followRunEvents } from './run-events.ts';

const API_BASE = '/api';

/** The design service and the orchestrator, both behind the one origin. */
export const faultlineApi = createApi({
  reducerPath: 'faultlineApi',
  baseQuery: fetchBaseQuery({ baseUrl: API_BASE }),
  tagTypes: ['Design', 'Run', 'RunResult'],
  endpoints: (build) => ({
    listDesigns: build.query<DesignPage, { q?: string; sort?: string }>({
      query: ({ q, sort }) => ({
        url: '/designs',
        params: { pageSize: 100, ...(q ? { q } : {}), ...(sort ? { sort } : {}) },
      }),
      providesTags: [{ type: 'Design', id: 'LIST' }],
    }),
    getDesign: build.query<StoredDesign, string>({
      query: (id) => `/designs/${id}`,
      providesTags: (_r, _e, id) => [{ type: 'Design', id }],
    }),
    createDesign: build.mutation<StoredDesign, DesignInput>({
      query: (body) => ({ url: '/designs', method: 'POST', body }),
      invalidatesTags: [{ type: 'Design', id: 'LIST' }],
    }),
    saveDesign: build.mutation<StoredDesign, { id: string; design: DesignInput; version: number }>({
      query: ({ id, design, version }) => ({ url: `/designs/${id}`, method: 'PUT', body: { ...design, version } }),
      // Only a save that happened changes the design: a refused one (409) must not refetch it
      // behind the editor's back; the editor fetches theirs itself and keeps the draft.
      invalidatesTags: (result, _e, { id }) =>
        result
          ? [
              { type: 'Design', id: 'LIST' },
              { type: 'Design', id },
            ]
          : [],
    }),
    /** A JSON or YAML design file, validated by the design service as it is read. */
    importDesign: build.mutation<StoredDesign, { text: string; yaml: boolean }>({
      query: ({ text, yaml }) => ({
        url: '/designs/import',
        method: 'POST',
        body: text,
        headers: { 'content-type': yaml ? 'application/yaml' : 'application/json' },
      }),
      invalidatesTags: [{ type: 'Design', id: 'LIST' }],
    }),
    deleteDesign: build.mutation<void, string>({
      query: (id) => ({ url: `/designs/${id}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Design', id: 'LIST' }],
    }),
    duplicateDesign: build.mutation<StoredDesign, { id: string; name?: string }>({
      query: ({ id, name }) => ({ url: `/designs/${id}/duplicate`, method: 'POST', body: name ? { name } : {} }),
      invalidatesTags: [{ type: 'Design', id: 'LIST' }],
    }),
    /** Example designs to start from; they never change while the app runs. */
    listTemplates: build.query<DesignTemplate[], void>({ query: () => '/templates', keepUnusedDataFor: 3600 }),
    listRuns: build.query<{ items: Run[] }, string>({
      query: (designId) => ({ url: '/runs', params: { designId } }),
      providesTags: [{ type: 'Run', id: 'LIST' }],
    }),
    /** The design snapshot a run ran: what its result's ids are named by. Never changes. */
    getRunDesign: build.query<Design, string>({
      query: (id) => `/runs/${id}/design`,
      keepUnusedDataFor: 600,
    }),
    /** A run, kept current from its server-sent events until it finishes: one place for a run's state. */
    getRun: build.query<Run, string>({
      query: (id) => `/runs/${id}`,
      providesTags: (_r, _e, id) => [{ type: 'Run', id }],
      onCacheEntryAdded: (id, entry) =>
        followRunEvents(`${API_BASE}/runs/${id}/events`, entry, () =>
          entry.dispatch(
            faultlineApi.util.invalidateTags([
              { type: 'Run', id: 'LIST' },
              { type: 'RunResult', id },
            ]),
          ),
        ),
    }),
    getRunResult: build.query<RunResult, string>({
      query: (id) => `/runs/${id}/result`,
      providesTags: (_r, _e, id) => [{ type: 'RunResult', id }],
    }),
    launchRun: build.mutation<Run, { designId: string; settings: object }>({
      query: (body) => ({ url: '/runs', method: 'POST', body }),
      invalidatesTags: [{ type: 'Run', id: 'LIST' }],
    }),
    cancelRun: build.mutation<Run, string>({
      query: (id) => ({ url: `/runs/${id}/cancel`, method: 'POST' }),
      invalidatesTags: (_r, _e, id) => [
        { type: 'Run', id },
        { type: 'Run', id: 'LIST' },
      ],
    }),
    listScenarioPresets: build.query<{ items: ScenarioPreset[] }, void>({ query: () => '/scenario-presets' }),
    presetFaults: build.query<{ items: FaultInput[] }, { presetId: string; target: FaultTarget }>({
      query: ({ presetId, target }) => ({ url: `/scenario-presets/${presetId}/faults`, params: target }),
    }),
  }),
});

/** The problem+json body of a failed request, when there is one. */
export function problemOf(error: unknown): Problem | null {
  const data = (error as { data?: unknown } | undefined)?.data;
  return data && typeof data === 'object' && 'status' in data && 'title' in data ? (data as Problem) : null;
}

export const {
  useListDesignsQuery,
  useGetDesignQuery,
  useLazyGetDesignQuery,
  useCreateDesignMutation,
  useSaveDesignMutation,
  useDeleteDesignMutation,
  useDuplicateDesignMutation,
  useListRunsQuery,
  useGetRunQuery,
  useGetRunDesignQuery,
  useGetRunResultQuery,
  useLaunchRunMutation,
  useCancelRunMutation,
  useListScenarioPresetsQuery,
  useLazyPresetFaultsQuery,
  useImportDesignMutation,
  useListTemplatesQuery,
} = faultlineApi;
