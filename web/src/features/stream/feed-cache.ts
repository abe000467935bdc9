import type { InfiniteData } from "@tanstack/react-query";

/** A cached keyset-paginated list (a feed, a post's comments), as TanStack Query holds it. */
export type CachedPages<T> = InfiniteData<{ items: T[]; nextCursor: string | null }, string | undefined>;

/**
 * A cached list with one item changed by `update`, wherever it appears: a reaction, a vote or an
 * edit shows at once in every list that holds the item, without refetching them. The same list
 * object comes back when the item is not in it, so nothing re-renders for nothing.
 */
export function updateInPages<T extends { id: string }>(list: CachedPages<T> | undefined, id: string, update: (item: T) => T): CachedPages<T> | undefined {
  if (!list) return list;
  let changed = false;
  const pages = list.pages.map((page) => {
    if (!page.items.some((item) => item.id === id)) return page;
    changed = true;
    return { ...page, items: page.items.map((item) => (item.id === id ? update(item) : item)) };
  });
  return changed ? { ...list, pages } : list;
}

/** A cached list without one item (an acknowledged announcement leaving the unread list). */
export function removeFromPages<T extends { id: string }>(list: CachedPages<T> | undefined, id: string): CachedPages<T> | undefined {
  if (!list?.pages.some((page) => page.items.some((item) => item.id === id))) return list;
  return { ...list, pages: list.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })) };
}

/** Every item of a list's loaded pages, in order. */
export function itemsOf<T>(list: { pages: { items: T[] }[] } | undefined): T[] {
  return list?.pages.flatMap((page) => page.items) ?? [];
}
