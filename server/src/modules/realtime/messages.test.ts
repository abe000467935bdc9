import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/context.ts";
import type { Browser } from "../../../test/factories.ts";
import { personBrowser } from "../communities/testing.ts";
import { MAX_FRAME_BYTES, MAX_MESSAGE_BYTES } from "./connection.ts";
import { connectStream, type StreamClient } from "./testing.ts";

// Bad input from a client gets a clear error with a stable code; the socket stays open when it
// can, and nothing a client sends takes the process down.

let t: TestContext;
let url: string;
let person: Browser;

beforeAll(async () => {
  t = await createTestContext({ work: false });
  url = `${(await t.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws")}/api/v1/stream`;
  person = await personBrowser(t);
});
afterAll(() => t.close());

const open = () => connectStream(url, { cookie: person.cookie, origin: "http://localhost:3000" });

const errorsOf = (client: StreamClient) => client.messages.flatMap((message) => (message.type === "error" ? [{ code: message.code, message: message.message }] : []));

/** Subscribes to `home` and answers whether it worked: the socket still serves its client. */
async function stillServes(client: StreamClient): Promise<boolean> {
  client.send({ type: "subscribe", topics: ["home"] });
  const answer = await client.next((message) => message.type === "subscribed");
  return answer.type === "subscribed" && answer.topics.includes("home");
}

describe("message size", () => {
  it("answers a message over 16 KiB with an error naming the limit, and keeps the socket open", async () => {
    const client = await open();
    client.send({ type: "subscribe", topics: ["home"], padding: "x".repeat(MAX_MESSAGE_BYTES) });
    await client.next((message) => message.type === "error");
    expect(errorsOf(client)).toEqual([{ code: "body_too_large", message: `message: must be at most ${MAX_MESSAGE_BYTES} bytes` }]);
    expect(await stillServes(client)).toBe(true);
    client.close();
  });

  it("accepts a message of exactly 16 KiB for parsing", async () => {
    const client = await open();
    const base = JSON.stringify({ type: "subscribe", topics: ["home"], padding: "" });
    client.socket.send(base.replace('"padding":""', `"padding":"${"x".repeat(MAX_MESSAGE_BYTES - base.length)}"`));
    await client.next((message) => message.type === "error");
    // It is read, and refused for what it says, not for its size.
    expect(errorsOf(client).map((error) => error.code)).toEqual(["validation_failed"]);
    client.close();
  });

  it("closes with 1009 a frame past the server's limit, and goes on serving other sockets", async () => {
    const [abuser, bystander] = [await open(), await open()];
    abuser.socket.send("x".repeat(MAX_FRAME_BYTES + 1));
    expect(await abuser.closed).toBe(1009);
    expect(await stillServes(bystander)).toBe(true);
    expect(await stillServes(await open())).toBe(true);
    bystander.close();
  });
});

describe("malformed messages", () => {
  it("answers each kind of malformed message with a stable code and keeps the socket open", async () => {
    const client = await open();
    const sent = ["{not json", "[]", "null", "42", '"subscribe"', '{"type":"publish","topics":["home"]}', '{"type":"subscribe"}', '{"type":"subscribe","topics":["home"],"extra":1}'];
    for (const raw of sent) client.socket.send(raw);
    client.socket.send(Buffer.from('{"type":"subscribe","topics":["home"]}'), { binary: true });
    await client.next(() => errorsOf(client).length === sent.length + 1);
    expect(errorsOf(client).map((error) => error.code)).toEqual(["invalid_json", ...Array(sent.length).fill("validation_failed")]);
    expect(errorsOf(client).slice(1, 6).every((error) => error.message === "type: must be subscribe or unsubscribe")).toBe(true);
    expect(errorsOf(client).at(-1)?.message).toBe("message: must be text");
    expect(await stillServes(client)).toBe(true);
    client.close();
  });
});
