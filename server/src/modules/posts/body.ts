import type { Executor } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import type { CommunityFacts } from "../communities/policy.ts";
import type { Viewer } from "../people/policy.ts";
import { personMayRead } from "./access.ts";
import { parseMarkdown, renderMarkdown, type ParsedMarkdown } from "./markdown.ts";
import { findMentionable, foldTopicNames, type MentionableRow } from "./repository.ts";

// A body that names more people than this is a mass notification, and more topics is tag spam.
export const MAX_MENTIONS = 50;
export const MAX_TOPICS = 30;

/** A body rendered for saving, with what it mentions and tags. */
export interface RenderedBody {
  html: string;
  /** The people mentioned who may read the text: linked, recorded and notified. Others are plain text. */
  mentionedReaders: string[];
  /** Distinct by slug, each named as first written. */
  topics: { name: string; slug: string }[];
  /** The first http(s) link: the one a link preview shows. */
  firstLink: string | null;
}

export interface BodyInput {
  author: Viewer;
  /** Where the text is written, which decides whether each mentioned person may read it; null for "anywhere". */
  community: { id: string; facts: CommunityFacts } | null;
  source: string;
  /** The request field the body came in, named by a 400. */
  field: string;
  /** Render what can be rendered instead of refusing (the composer's preview). */
  lenient?: boolean;
}

/** Refuses malformed mentions and too many of them, before the database is asked anything. */
function checkReferences(parsed: ParsedMarkdown, field: string): void {
  if (parsed.malformedMentions > 0) throw errors.invalidField(field, "a mention must be written [@Name](mention:<person id>)");
  if (parsed.mentionIds.length > MAX_MENTIONS) throw errors.invalidField(field, `mentions more than ${MAX_MENTIONS} people`);
}

/** The slug of each way a topic was written, and the distinct topics, each named as first written. */
async function resolveTopics(db: Executor, names: string[]): Promise<{ slugs: Map<string, string>; topics: { name: string; slug: string }[] }> {
  const folded = await foldTopicNames(db, names);
  const bySlug = new Map<string, { name: string; slug: string }>();
  for (const topic of folded) if (!bySlug.has(topic.slug)) bySlug.set(topic.slug, topic);
  return { slugs: new Map(folded.map((topic) => [topic.name, topic.slug])), topics: [...bySlug.values()] };
}

/**
 * Renders a post's or comment's Markdown as it will be stored. A mention must name an active
 * person the author may see (else a 400 naming `field`: nothing tells a hidden person from a
 * missing one); it links to their profile when they may read the community, and is plain text
 * otherwise, so it notifies nobody who could not follow it.
 */
export async function renderBody(db: Executor, input: BodyInput): Promise<RenderedBody> {
  const parsed = parseMarkdown(input.source);
  if (!input.lenient) checkReferences(parsed, input.field);
  const people = await findMentionable(db, { author: input.author, communityId: input.community?.id ?? null, ids: parsed.mentionIds });
  if (!input.lenient && people.length !== parsed.mentionIds.length) {
    throw errors.invalidField(input.field, "mentions someone who cannot be mentioned: unknown, inactive or not visible to you");
  }
  const { community } = input;
  const mayRead = (person: MentionableRow) => !community || personMayRead({ id: person.id, role: person.role, memberRole: person.member_role }, community.facts);
  const targets = new Map(people.map((person) => [person.id, { displayName: person.display_name, link: mayRead(person) }]));
  const { slugs, topics } = await resolveTopics(db, parsed.topicNames);
  if (!input.lenient && topics.length > MAX_TOPICS) throw errors.invalidField(input.field, `has more than ${MAX_TOPICS} topics`);
  const html = renderMarkdown(parsed, { mention: (id) => targets.get(id), slugOf: (name) => slugs.get(name) ?? name.toLowerCase() });
  return {
    html,
    mentionedReaders: people.filter((person) => targets.get(person.id)?.link).map((person) => person.id),
    topics,
    firstLink: parsed.firstLink,
  };
}
