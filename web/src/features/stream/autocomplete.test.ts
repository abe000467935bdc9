import { describe, expect, it } from "vitest";
import { insertMention, insertTopic, triggerAt, withoutMentionMarkup } from "./autocomplete.ts";

/** The trigger at the end of `text`, as when the person has just typed it. */
const typed = (text: string) => triggerAt(text, text.length);

describe("triggerAt", () => {
  it("finds a person's name being typed after @", () => {
    expect(typed("Merci @Mar")).toEqual({ kind: "mention", query: "Mar", start: 6, end: 10 });
  });

  it("follows a name over its spaces, up to three words", () => {
    expect(typed("@Marie Cu")?.query).toBe("Marie Cu");
    expect(typed("@Jean Pierre de la")).toBeNull();
  });

  it("opens on a bare @ so the list can invite typing", () => {
    expect(typed("Bonjour @")).toEqual({ kind: "mention", query: "", start: 8, end: 9 });
  });

  it("ignores e-mail addresses and signs inside words", () => {
    expect(typed("écrivez à marie@example")).toBeNull();
    expect(typed("https://exemple.fr/page#section")).toBeNull();
  });

  it("ignores a mention already written as markup", () => {
    const text = "Avec [@Marie Curie](mention:p1)";
    expect(triggerAt(text, 12)).toBeNull();
  });

  it("stops at the line the caret is on", () => {
    expect(typed("@Marie\nbonjour")).toBeNull();
  });

  it("finds a topic being typed after #, with accents and dashes", () => {
    expect(typed("Sortie #randon")).toEqual({ kind: "topic", query: "randon", start: 7, end: 14 });
    expect(typed("#éco-conception")?.query).toBe("éco-conception");
  });

  it("covers the rest of the topic word when the caret is inside it", () => {
    expect(triggerAt("#randonnée demain", 4)).toEqual({ kind: "topic", query: "ran", start: 0, end: 10 });
  });

  it("does not take a Markdown heading for a topic", () => {
    expect(typed("# Titre")).toBeNull();
  });

  it("finds a trigger after an opening bracket", () => {
    expect(typed("(voir @Lu")?.query).toBe("Lu");
  });
});

describe("insertMention", () => {
  it("writes the mention markup in place of the typed name and puts the caret after it", () => {
    const text = "Merci @Mar pour tout";
    const trigger = triggerAt(text, 10);
    if (!trigger) throw new Error("expected a trigger");
    const result = insertMention(text, trigger, { id: "p1", displayName: "Marie Curie" });
    expect(result.text).toBe("Merci [@Marie Curie](mention:p1) pour tout");
    expect(result.caret).toBe("Merci [@Marie Curie](mention:p1)".length);
  });

  it("adds a space after the mention at the end of the text", () => {
    const trigger = typed("@Mar");
    if (!trigger) throw new Error("expected a trigger");
    expect(insertMention("@Mar", trigger, { id: "p1", displayName: "Marie" })).toEqual({ text: "[@Marie](mention:p1) ", caret: 21 });
  });

  it("escapes brackets in a name so the link stays whole", () => {
    const trigger = typed("@Al");
    if (!trigger) throw new Error("expected a trigger");
    expect(insertMention("@Al", trigger, { id: "p2", displayName: "Alex [RH]" }).text).toBe("[@Alex \\[RH\\]](mention:p2) ");
  });
});

describe("insertTopic", () => {
  it("completes the topic word, even from its middle", () => {
    const text = "#ranné demain";
    const trigger = triggerAt(text, 3);
    if (!trigger) throw new Error("expected a trigger");
    expect(insertTopic(text, trigger, { name: "randonnée" })).toEqual({ text: "#randonnée demain", caret: 10 });
  });
});

describe("withoutMentionMarkup", () => {
  it("shows mentions as the names people wrote", () => {
    expect(withoutMentionMarkup("Merci [@Marie Curie](mention:p1) et [@Alex \\[RH\\]](mention:p2) !")).toBe("Merci @Marie Curie et @Alex [RH] !");
  });

  it("leaves ordinary links alone", () => {
    expect(withoutMentionMarkup("[le site](https://exemple.fr)")).toBe("[le site](https://exemple.fr)");
  });
});
