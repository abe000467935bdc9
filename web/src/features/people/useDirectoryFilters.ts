import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { filtersFromUrl, filtersToUrl, trimmedFilters, type DirectoryFilters } from "./directory-filters.ts";

/**
 * The directory's filters, kept in step with the URL both ways: typing rewrites the query string
 * (debounced, replacing the history entry), and a URL changed from outside (a link, Back) refills
 * the boxes. `applied` is what the API should be asked for.
 */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<DirectoryFilters>(() => filtersFromUrl(params));
  const [debounced] = useDebouncedValue(filters, 300);
  const inUrl = filtersToUrl(filtersFromUrl(params)).toString();
  // The query string this screen last wrote or read, to tell its own changes from others'.
  const known = useRef(inUrl);

  useEffect(() => {
    const next = filtersToUrl(debounced).toString();
    if (next === known.current) return;
    known.current = next;
    setParams(next, { replace: true });
  }, [debounced, setParams]);

  useEffect(() => {
    if (inUrl === known.current) return;
    known.current = inUrl;
    setFilters(filtersFromUrl(new URLSearchParams(inUrl)));
  }, [inUrl]);

  return { filters, setFilters, applied: trimmedFilters(debounced) };
}
