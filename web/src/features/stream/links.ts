/** The parts of a click that decide whether the app may take it over. */
interface ClickFacts {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * The app path a link in a rendered post points to, when the router should open it in place
 * (mentions `/people/:id`, topics `/topics/:slug`, other posts); null for links that leave Ruche,
 * reach the API (downloads) or are not web links at all.
 */
export function appPathOf(href: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A plain left click: with a modifier or another button the reader asked for a new tab or window, which the browser does itself. */
export function isPlainClick(click: ClickFacts): boolean {
  return click.button === 0 && !click.defaultPrevented && !click.metaKey && !click.ctrlKey && !click.shiftKey && !click.altKey;
}
