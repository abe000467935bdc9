import type { CommunityKind, ListCommunitiesQuery } from "@ruche/contracts";

/** The directory's lists: everything one may see, one's own, one's invitations, and (admins) the deleted. */
export const directoryViews = ["all", "mine", "invited", "deleted"] as const;
export type DirectoryView = (typeof directoryViews)[number];

export const communityKinds: readonly CommunityKind[] = ["company", "interest", "profession", "project", "external"];

/** The directory's search, kind filter and list, as kept in the URL (`?q=velo&kind=interest&view=mine`). */
export interface DirectoryState {
  q: string;
  kind: CommunityKind | "";
  view: DirectoryView;
}

export const defaultDirectory: DirectoryState = { q: "", kind: "", view: "all" };

/** Reads the directory from the URL; unknown values, and the deleted list for non-admins, fall back to the defaults. */
export function directoryFromUrl(params: URLSearchParams, options: { admin: boolean }): DirectoryState {
  const kind = communityKinds.find((known) => known === params.get("kind")) ?? "";
  const view = directoryViews.find((known) => known === params.get("view")) ?? "all";
  return { q: params.get("q") ?? "", kind, view: view === "deleted" && !options.admin ? "all" : view };
}

/** Only what differs from the defaults, trimmed, so the plain directory keeps a plain URL. */
export function directoryToUrl(state: DirectoryState): URLSearchParams {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set("q", q);
  if (state.kind) params.set("kind", state.kind);
  if (state.view !== "all") params.set("view", state.view);
  return params;
}

/** The API query for a directory state (pagination aside). */
export function directoryQuery(state: DirectoryState): Omit<ListCommunitiesQuery, "cursor" | "limit"> {
  const query: Omit<ListCommunitiesQuery, "cursor" | "limit"> = {};
  const q = state.q.trim();
  if (q) query.q = q;
  if (state.kind) query.kind = state.kind;
  if (state.view === "mine") query.mine = true;
  if (state.view === "invited") query.invited = true;
  if (state.view === "deleted") query.deleted = true;
  return query;
}

/** Suggestions belong to the plain directory, not to a search, a filter or another list. */
export function showsSuggestions(state: DirectoryState): boolean {
  return state.view === "all" && state.q.trim() === "" && state.kind === "";
}
