import type { ExistingContent } from "./repository.ts";

/** The demo declined to run: the command prints the message and exits non-zero, having written nothing. */
export class DemoRefused extends Error {}

/**
 * The demo fills an empty network: posts, communities (the company one aside) or people (the
 * administrators aside) mean someone is using it, and the demo would mix its story into theirs.
 */
export function refuseIfNotEmpty(content: ExistingContent): void {
  const held = [
    content.posts > 0 ? `${content.posts} post${content.posts === 1 ? "" : "s"}` : null,
    content.communities > 0 ? `${content.communities} communit${content.communities === 1 ? "y" : "ies"} besides the company one` : null,
    content.people > 0 ? `${content.people} ${content.people === 1 ? "person" : "people"} besides administrators` : null,
  ].filter((part): part is string => part !== null);
  if (held.length === 0) return;
  throw new DemoRefused(
    `this database already holds content (${held.join(", ")}); the demo only fills an empty Ruche. ` +
      "To add it anyway, run `ruche demo --force` (`npm run demo -- --force`).",
  );
}
