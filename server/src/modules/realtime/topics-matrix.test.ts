import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { addMember, createThrough, personBrowser, UNKNOWN_ID } from "../communities/testing.ts";
import { postThrough } from "../posts/testing.ts";
import { connectStream } from "./testing.ts";

// Who may subscribe to which topic: every actor tries every topic, and the accepted ones must be
// exactly those the HTTP API would let them read. Unknown and forbidden topics are refused alike.

let t: TestContext;
let url: string;
const actors: Record<string, Browser> = {};
const topics: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext({ work: false });
  url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  actors.admin = await personBrowser(t, { role: "admin" });
  actors.owner = await personBrowser(t);
  actors.employee = await personBrowser(t);
  actors.guest = await personBrowser(t, { role: "guest" });
  const { admin, owner, guest } = actors;
  if (!admin || !owner || !guest) throw new Error("actors missing");
  const publicId = (await createThrough(owner, { name: "Open", visibility: "public" })).id;
  const closedId = (await createThrough(owner, { name: "Closed", visibility: "closed" })).id;
  const secretId = (await createThrough(owner, { name: "Secret", visibility: "secret" })).id;
  const externalId = (await createThrough(admin, { name: "Partners", kind: "external", visibility: "closed" })).id;
  await addMember(t, externalId, guest.userId);
  Object.assign(topics, {
    home: "home",
    notifications: "notifications",
    public: `community:${publicId}`,
    closed: `community:${closedId}`,
    secret: `community:${secretId}`,
    external: `community:${externalId}`,
    unknownCommunity: `community:${UNKNOWN_ID}`,
    publicPost: `post:${(await postThrough(owner, publicId, "Open post")).id}`,
    closedPost: `post:${(await postThrough(owner, closedId, "Closed post")).id}`,
    externalPost: `post:${(await postThrough(admin, externalId, "Partner post")).id}`,
    unknownPost: `post:${UNKNOWN_ID}`,
  });
});
afterAll(() => t.close());

const expected: Record<string, string[]> = {
  admin: ["home", "notifications", "public", "closed", "secret", "external", "publicPost", "closedPost", "externalPost"],
  owner: ["home", "notifications", "public", "closed", "secret", "publicPost", "closedPost"],
  employee: ["home", "notifications", "public", "publicPost"],
  guest: ["home", "notifications", "external", "externalPost"],
};

it.each(Object.keys(expected))("lets the %s subscribe to exactly the topics they may read", async (name) => {
  const actor = actors[name];
  if (!actor) throw new Error(`no actor ${name}`);
  const client = await connectStream(url, { cookie: actor.cookie, origin: "http://localhost:3000" });
  client.send({ type: "subscribe", topics: Object.values(topics) });
  const answer = await client.next((message) => message.type === "subscribed");
  const accepted = answer.type === "subscribed" ? answer.topics : [];
  const names = Object.entries(topics).filter(([, topic]) => accepted.includes(topic)).map(([key]) => key);
  expect(names).toEqual(expected[name]);
  const refused = client.messages.flatMap((message) => (message.type === "refused" ? [message.code] : []));
  expect(refused).toEqual(Array(Object.keys(topics).length - names.length).fill("topic_not_found"));
  client.close();
});
