import { it } from "vitest";
import type { Journey } from "./accessibility.ts";

/**
 * `it` for the steps of one journey, which build on each other: once a step throws, the later
 * ones are skipped instead of failing with confusing errors. Soft failures (axe findings) do
 * not stop the journey, so one run reports every screen's problems. `journey` (read when a step
 * fails) screenshots the pages where it broke.
 */
export function journeySteps(journey: () => Journey | undefined): (name: string, run: () => Promise<void>, timeoutMs?: number) => void {
  let failed = false;
  return (name, run, timeoutMs) => {
    it(
      name,
      async (context) => {
        if (failed) context.skip();
        try {
          await run();
        } catch (error) {
          failed = true;
          await journey()?.captureFailure();
          throw error;
        }
      },
      timeoutMs,
    );
  };
}
