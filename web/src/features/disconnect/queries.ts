import type { UpdateWorkingTimeBody, WorkingTime } from "@ruche/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

export const workingTimeKey = ["organisation", "working-time"] as const;

/** The organisation's working time (anyone signed in may read it). */
export function useWorkingTime(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: workingTimeKey, queryFn: () => api<WorkingTime>("GET", "/organisation/working-time"), staleTime: 60_000, enabled: options.enabled ?? true });
}

/** Saves an admin's change to the working time; every reader of it follows. */
export function useUpdateWorkingTime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkingTimeBody) => api<WorkingTime>("PATCH", "/organisation/working-time", { body }),
    onSuccess: (updated) => queryClient.setQueryData(workingTimeKey, updated),
  });
}
