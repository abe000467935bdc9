/** The directory's search and filters, as typed in its boxes and kept in the URL. */
export type DirectoryFilters = Record<"q" | "department" | "location" | "skill", string>;

const names = ["q", "department", "location", "skill"] as const;

export function filtersFromUrl(params: URLSearchParams): DirectoryFilters {
  return { q: params.get("q") ?? "", department: params.get("department") ?? "", location: params.get("location") ?? "", skill: params.get("skill") ?? "" };
}

/** Only the filled-in filters, trimmed: `?q=alice&skill=rust`. */
export function filtersToUrl(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

export const emptyFilters: DirectoryFilters = { q: "", department: "", location: "", skill: "" };

export function hasFilters(filters: DirectoryFilters): boolean {
  return names.some((name) => filters[name].trim() !== "");
}

/** The filters as the API gets them: trimmed, so "alice " and "alice" share one cache entry. */
export function trimmedFilters(filters: DirectoryFilters): DirectoryFilters {
  return filtersFromUrl(filtersToUrl(filters));
}
