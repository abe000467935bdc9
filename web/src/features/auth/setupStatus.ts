import type { SetupStatus } from "@ruche/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/** The setup status, under the key the signed-in layout also reads to send a fresh Ruche to /setup. */
export const setupKey = ["setup"] as const;

/** Whether first-run setup is still open (no administrator yet). */
export function useSetupStatus() {
  return useQuery({ queryKey: setupKey, queryFn: () => api<SetupStatus>("GET", "/setup") });
}
