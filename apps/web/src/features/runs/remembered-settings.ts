import { z } from 'zod';

/** The run dialog's fields as typed (durations keep their units: `2m` stays `2m`). */
export const DialogSettingsSchema = z.object({
  values: z.object({ duration: z.string(), warmup: z.string(), seed: z.string(), replications: z.string() }),
  scenario: z.enum(['single', 'baseline-vs-chaos', 'sweep', 'defence-analysis']),
  sweep: z.object({ parameter: z.string(), from: z.string(), to: z.string(), steps: z.string() }),
});
export type DialogSettings = z.infer<typeof DialogSettingsSchema>;

const keyOf = (designId: string) => `faultline.run-settings.${designId}`;

/**
 * The settings of the last run launched from this design, in this browser; null when there are
 * none, or what is stored no longer reads as settings (an older app's, or edited by hand).
 */
export function rememberedSettings(designId: string, storage: Storage = localStorage): DialogSettings | null {
  try {
    const parsed = DialogSettingsSchema.safeParse(JSON.parse(storage.getItem(keyOf(designId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Kept per design: each design's runs tend to want their own length and scenario. */
export function rememberSettings(designId: string, settings: DialogSettings, storage: Storage = localStorage): void {
  try {
    storage.setItem(keyOf(designId), JSON.stringify(settings));
  } catch {
    // Storage full or switched off: the dialog then starts from its defaults, nothing worse.
  }
}
