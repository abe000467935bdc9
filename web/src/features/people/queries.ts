import type { Me, SessionResponse } from "@ruche/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { sessionKey } from "../../api/session.ts";

/** Everything the directory and profiles cache lives under this key. */
export const peopleKey = ["people"] as const;
export const personKey = (id: string) => [...peopleKey, "person", id] as const;
export const tokensKey = ["tokens"] as const;

/**
 * Stores the profile the API just returned as the session's user (so the header's avatar and
 * the interface language follow at once), then refetches what shows people.
 */
export function useProfileChanged(): (me: Me) => Promise<void> {
  const queryClient = useQueryClient();
  return async (me) => {
    queryClient.setQueryData<SessionResponse | null>(sessionKey, (session) => (session ? { ...session, user: me } : session));
    await Promise.all([queryClient.invalidateQueries({ queryKey: sessionKey }), queryClient.invalidateQueries({ queryKey: peopleKey })]);
  };
}
