import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { directoryFromUrl, directoryToUrl, type DirectoryState } from "./directory-view.ts";

/**
 * The directory's search, kind and list, kept in the URL so a search can be shared and Back works.
 * The search box writes the URL once typing pauses (replacing the history entry); a URL changed
 * from elsewhere refills the box. `applied` is what the API should be asked for.
 */
export function useDirectoryState({ admin }: { admin: boolean }) {
  const [params, setParams] = useSearchParams();
  const applied = directoryFromUrl(params, { admin });
  const [search, setSearch] = useState(applied.q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // The search this screen last wrote to or read from the URL, to tell its own changes from others'.
  const known = useRef(applied.q);

  useEffect(() => {
    if (debounced === known.current) return;
    known.current = debounced;
    setParams((previous) => directoryToUrl({ ...directoryFromUrl(previous, { admin }), q: debounced }), { replace: true });
  }, [debounced, setParams, admin]);

  useEffect(() => {
    if (applied.q === known.current) return;
    known.current = applied.q;
    setSearch(applied.q);
  }, [applied.q]);

  /** Changes the kind filter or the list shown (a new history entry, so Back returns to the previous list). */
  const choose = (change: Partial<Pick<DirectoryState, "kind" | "view">>) => setParams((previous) => directoryToUrl({ ...directoryFromUrl(previous, { admin }), ...change }));

  return { applied, search, setSearch, choose };
}
