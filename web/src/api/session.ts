import type { Organisation, SessionResponse } from "@ruche/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { i18next, resolveLanguage } from "../i18n/index.ts";
import { api, ApiError, setCsrfToken } from "./client.ts";

export const sessionKey = ["session"] as const;
export const organisationKey = ["organisation"] as const;

/** The signed-in person and CSRF token, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionResponse | null> => {
      try {
        const session = await api<SessionResponse>("GET", "/auth/session");
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The organisation's public settings (name, languages, logo). */
export function useOrganisation() {
  return useQuery({ queryKey: organisationKey, queryFn: () => api<Organisation>("GET", "/organisation"), staleTime: 60_000 });
}

/** Stores a session the API just opened (login, setup, invitation) and makes it current. */
export function useSessionStarted(): (session: SessionResponse) => void {
  const queryClient = useQueryClient();
  return (session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
    void queryClient.invalidateQueries({ queryKey: organisationKey });
  };
}

/** Keeps the interface language on the profile's, else the browser's, else the organisation's. */
export function useLanguageSync(): void {
  const session = useSession();
  const organisation = useOrganisation();
  const language = resolveLanguage({ profile: session.data?.user.language, organisation: organisation.data?.defaultLanguage });
  useEffect(() => {
    if (i18next.language !== language) void i18next.changeLanguage(language);
  }, [language]);
}
