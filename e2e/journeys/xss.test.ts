import type { CommunitiesPage, Community, CommunityInvitation } from "@ruche/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import {
  chooseDirectoryList,
  communityCard,
  communityList,
  communityNotice,
  openDirectory,
  openRefusal,
  openTab,
  personRow,
  sendRefusal,
} from "../screens/communities.ts";
import { signInToHome } from "../screens/login.ts";
import { findAndOpenPerson } from "../screens/people.ts";
import { navigate, waitForHeading } from "../screens/shell.ts";
import {
  addPoll,
  attachFiles,
  chooseCommunity,
  chooseFirstSuggestionByKeyboard,
  composer,
  feed,
  markdownField,
  openComments,
  openPostPage,
  poll,
  pollResult,
  postCard,
  publish,
  renderedBody,
  replyTo,
  sharePost,
  showEditorTab,
  typeForSuggestion,
  vote,
  writeComment,
} from "../screens/stream.ts";
import { startJourney, type Journey } from "../support/accessibility.ts";
import { addColleague, signInByApi, type ApiSession } from "../support/api.ts";
import { launchBrowser, newVisitor } from "../support/browser.ts";
import { browserLocale, text } from "../support/catalogue.ts";
import { startRuche, type RunningRuche } from "../support/ruche.ts";
import { journeySteps } from "../support/steps.ts";
import { clickRenderedLinks, createXssWatch, expectInert, type XssWatch } from "../support/xss.ts";

// Known XSS payloads typed into every text field people fill in (through the screens where they
// are written, through the API for the older ones), then every screen that shows them opened and
// the links they left clicked: nothing may run, and nothing able to run may reach the page.
const language = "en";
const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);

/** Each tries a way in; each would report through a dialog, the `window.__xss` sentinel or a request to /xss-hit. */
const markdownPayloads = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '<img src="/xss-hit?raw-img">',
  "[plain](javascript:window.__xss=1)",
  "[cased](JaVaScRiPt:alert(1))",
  "[spaced]( javascript:alert(1))",
  "<svg onload=alert(1)>",
  '<a href="javascript:window.__xss=1">anchor</a>',
  '"><img src=x onerror=window.__xss=1>',
  "'><script>fetch('/xss-hit?quote')</script>",
  "[entity](javascript&#58;window.__xss=1)",
  "[entity-j](&#106;avascript:alert(1))",
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  "<javascript:alert(1)>",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "<data:text/html,<script>alert(1)</script>>",
  `<div style="background-image:url('/xss-hit?css')">styled</div>`,
  "<style>@import url('/xss-hit?import');</style>",
  "![image](/xss-hit?markdown-image)",
  "<details open ontoggle=alert(1)>",
  '[titled](https://example.com/ "\\" onmouseover=\\"window.__xss=1")',
];
const markdown = markdownPayloads.join("\n\n");
/** For single-line fields, whose length is short. */
const line = {
  quote: '"><img src=x onerror=alert(1)>',
  script: "<script>window.__xss=1</script>",
  svg: "<svg onload=fetch('/xss-hit?line')>",
  scheme: "javascript:alert(1)",
};
const malformedMention = "[@x](mention:javascript:alert(1))";

const admin = { email: "admin@northwind.example", password: "a long admin passphrase", name: "Ada Lovelace" };
const nadia = { email: "nadia@northwind.example", displayName: "Nadia Ferhat", password: "nadia's long passphrase" };
const omar = {
  email: "omar@northwind.example",
  displayName: `Omar ${line.script}`,
  password: "omar's long passphrase",
  profile: { jobTitle: line.quote, department: line.svg, bio: markdownPayloads.slice(0, 12).join("\n"), skills: [line.script, line.quote, line.scheme] },
};
const zoe = { email: "zoe@northwind.example", displayName: `Zoé ${line.quote}`, password: "zoé's long passphrase" };
const open = { kind: "interest", visibility: "public", name: `Club ${line.quote}`, description: markdownPayloads.slice(0, 10).join("\n") } as const;
const closed = { kind: "interest", visibility: "closed", name: `Circle ${line.svg}`, description: line.script } as const;
const topic = "breach";
// No double quote: browsers send it as %22 in a multipart file name, as the HTML standard says.
const attachment = { name: "<img src=x onerror=alert(1)>'.txt", mimeType: "text/plain", buffer: Buffer.from(`${line.script}\n`) };

let ruche: RunningRuche;
let browser: Browser;
let journey: Journey;
let watch: XssWatch;
let communities: { open: Community; closed: Community; company: Community };
let omarId: string;
const contexts: BrowserContext[] = [];

/** An English visitor's page, watched for anything that runs, signed in as `person`. */
async function signedIn(person: { email: string; password: string; displayName: string }): Promise<Page> {
  const context = await newVisitor(browser, { baseURL: ruche.url, locale: browserLocale[language] });
  contexts.push(context);
  await watch.watchContext(context);
  const page = await journey.open(context);
  watch.watchPage(page);
  await signInToHome(page, language, person);
  return page;
}

/** Payloads in every field written through the API: profiles, communities, a charter, a join request. */
async function prepareOrganisation(): Promise<void> {
  const direction = await signInByApi(ruche, { email: admin.email, password: admin.password });
  const nadiaApi: ApiSession = await addColleague(ruche, direction, nadia);
  const omarApi = await addColleague(ruche, direction, omar);
  const zoeApi = await addColleague(ruche, direction, zoe);
  omarId = omarApi.userId;
  const [company] = (await direction.call<CommunitiesPage>("GET", "/communities?kind=company")).items;
  if (!company) throw new Error("the organisation has no company community");
  communities = {
    open: await nadiaApi.call<Community>("POST", "/communities", open),
    closed: await nadiaApi.call<Community>("POST", "/communities", closed),
    company,
  };
  await nadiaApi.call("PUT", `/communities/${communities.open.id}/charter`, { text: markdown, required: false });
  await omarApi.call("POST", `/communities/${communities.open.id}/join`);
  await zoeApi.call("POST", `/communities/${communities.closed.id}/requests`, { message: markdown });
  await nadiaApi.call<CommunityInvitation>("POST", `/communities/${communities.closed.id}/invitations`, { userId: omarId });
}

beforeAll(async () => {
  [ruche, browser, journey] = await Promise.all([
    startRuche({ RUCHE_ADMIN_EMAIL: admin.email, RUCHE_ADMIN_PASSWORD: admin.password, RUCHE_ADMIN_NAME: admin.name }),
    launchBrowser(),
    startJourney("xss-en"),
  ]);
  watch = createXssWatch(ruche.url);
  await prepareOrganisation();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await ruche?.stop();
});

describe("XSS payloads in every text field, in en", () => {
  const step = journeySteps(() => journey);
  const post = { author: nadia.displayName, community: open.name, containing: "Payloads follow" };
  let nadiaPage: Page;
  let omarPage: Page;

  step("keeps them inert in the composer: the community list, the mention autocomplete, the preview, a refused mention", async () => {
    nadiaPage = await signedIn(nadia);
    const form = composer(nadiaPage, language);
    await chooseCommunity(form, language, open.name);
    const body = markdownField(form, language);
    await body.fill(`Payloads follow.\n\n${markdown}\n\nFor `);
    await typeForSuggestion(body, { typed: "@Omar", kind: "person", option: omar.displayName, language });
    await expectInert(watch, nadiaPage, "mention autocomplete");
    await chooseFirstSuggestionByKeyboard(body, language, "person");
    await body.pressSequentially(` #${topic}`);
    await attachFiles(form, language, [attachment]);
    await addPoll(form, language, [line.quote, line.script, line.svg]);
    const preview = await showEditorTab(form, language, "preview");
    await preview.getByText(markdownPayloads[0] ?? "", { exact: false }).first().waitFor();
    await expectInert(watch, nadiaPage, "composer preview");
    await journey.expectAccessible(nadiaPage, "composer-preview");
    await showEditorTab(form, language, "write");
    await publish(form, language);

    await body.fill(malformedMention);
    await form.getByRole("button", { name: t("stream:composer.publish"), exact: true }).click();
    await expect.poll(() => body.getAttribute("aria-invalid")).toBe("true");
    await expectInert(watch, nadiaPage, "refused mention");
    await body.fill("");
  });

  step("shows the post in the feed with its payloads as text, and its file only as a download", async () => {
    const card = postCard(feed(nadiaPage, t("stream:feed.homeTitle")), language, post);
    const body = renderedBody(card);
    await body.getByText(markdownPayloads[0] ?? "", { exact: true }).waitFor();
    expect(await body.innerText()).toContain('<img src=x onerror="window.__xss=1">');
    await body.getByRole("link", { name: `@${omar.displayName}`, exact: true }).waitFor();
    const file = card.getByRole("list", { name: t("stream:attachments.files"), exact: true }).getByRole("link", { name: attachment.name, exact: true });
    const served = await nadiaPage.evaluate(async (href) => {
      const answer = await fetch(href);
      return { disposition: answer.headers.get("content-disposition"), sniffing: answer.headers.get("x-content-type-options") };
    }, (await file.getAttribute("href")) ?? "");
    expect(served.disposition).toMatch(/^attachment;/);
    expect(served.sniffing).toBe("nosniff");
    await expectInert(watch, nadiaPage, "home feed");
    await journey.expectAccessible(nadiaPage, "feed");
  });

  step("keeps a vote, a comment, a reply and a share's word inert", async () => {
    omarPage = await signedIn(omar);
    const card = postCard(feed(omarPage, t("stream:feed.homeTitle")), language, post);
    await vote(card, language, line.quote);
    await pollResult(card, language, line.script).waitFor();
    await openComments(card, language, 0);
    // Each payload is a paragraph of its own: the first line tells the comment and the reply apart.
    await writeComment(card, language, { body: `Comment. ${markdown}`, shown: `Comment. ${markdownPayloads[0]}` });
    await replyTo(card, language, { name: omar.displayName, comment: `Comment. ${markdownPayloads[0]}`, body: `Reply. ${markdown}`, shown: `Reply. ${markdownPayloads[0]}` });
    await sharePost(card, language, { community: communities.company.name, comment: `Shared. ${markdown}` });
    const share = postCard(feed(omarPage, t("stream:feed.homeTitle")), language, { author: omar.displayName, community: communities.company.name, containing: "Shared." });
    await share.getByRole("figure", { name: t("stream:share.original"), exact: true }).getByText("Payloads follow.", { exact: true }).waitFor();
    await expectInert(watch, omarPage, "vote, comment, reply, share");
    await journey.expectAccessible(omarPage, "comments-and-share");
  });

  step("follows every link the payloads left on the post's page without running anything", async () => {
    const card = postCard(feed(omarPage, t("stream:feed.homeTitle")), language, post);
    await openPostPage(card, language, nadia.displayName);
    const own = postCard(omarPage, language, post);
    await poll(own, language).waitFor();
    await expectInert(watch, omarPage, "post page");
    const followed = await clickRenderedLinks(watch, own, "post page");
    expect(followed.length).toBeGreaterThan(0);
    for (const href of followed) expect(href).toMatch(/^(https:\/\/example\.com\/|\/people\/|\/topics\/)/);
  });

  step("keeps the topic page and the communities an invitation lists inert", async () => {
    await omarPage.goto(`/topics/${topic}`);
    await waitForHeading(omarPage, `#${topic}`);
    await postCard(feed(omarPage, t("stream:topic.feed", { name: topic })), language, post).waitFor();
    await expectInert(watch, omarPage, "topic page");
    await openDirectory(omarPage, language);
    await chooseDirectoryList(omarPage, language, "invited");
    await communityCard(communityList(omarPage, language, "invited"), closed.name).waitFor();
    await expectInert(watch, omarPage, "communities invited to");
  });

  step("keeps the community's posts, about page with its charter, members and settings inert", async () => {
    await nadiaPage.goto(`/communities/${communities.open.id}`);
    await waitForHeading(nadiaPage, open.name);
    await postCard(feed(nadiaPage, t("stream:community.feed")), language, post).waitFor();
    await expectInert(watch, nadiaPage, "community posts");
    await openTab(nadiaPage, language, "about");
    await nadiaPage.getByRole("main").getByText(open.description.split("\n")[0] ?? "", { exact: false }).first().waitFor();
    await nadiaPage.getByRole("main").getByText("[data](data:text/html", { exact: false }).first().waitFor();
    await expectInert(watch, nadiaPage, "community about and charter");
    await journey.expectAccessible(nadiaPage, "community-about");
    await openTab(nadiaPage, language, "members");
    await personRow(nadiaPage, language, "members", omar.displayName).waitFor();
    await expectInert(watch, nadiaPage, "community members");
    await openTab(nadiaPage, language, "settings");
    const nameField = nadiaPage.getByRole("main").getByRole("textbox", { name: t("communities:form.name"), exact: true });
    await expect.poll(() => nameField.inputValue()).toBe(open.name);
    await expectInert(watch, nadiaPage, "community settings");
  });

  step("keeps a join request, its refusal's reason and the pending invitations inert, for the manager and the refused", async () => {
    await nadiaPage.goto(`/communities/${communities.closed.id}`);
    await waitForHeading(nadiaPage, closed.name);
    await openTab(nadiaPage, language, "requests", 1);
    await personRow(nadiaPage, language, "requests", zoe.displayName).waitFor();
    await expectInert(watch, nadiaPage, "join requests");
    const dialog = await openRefusal(nadiaPage, language, { name: zoe.displayName, reason: `Refused. ${markdown}` });
    await sendRefusal(nadiaPage, language, { dialog, name: zoe.displayName });
    await openTab(nadiaPage, language, "invitations");
    await nadiaPage.getByRole("list", { name: t("communities:invitations.pending"), exact: true }).getByRole("link", { name: omar.displayName, exact: true }).waitFor();
    await expectInert(watch, nadiaPage, "invitations");

    const zoePage = await signedIn(zoe);
    await zoePage.goto(`/communities/${communities.closed.id}`);
    await waitForHeading(zoePage, closed.name);
    await communityNotice(zoePage, t("communities:refusal.again")).getByText("Refused.", { exact: false }).waitFor();
    await expectInert(watch, zoePage, "refusal notice");
    await journey.expectAccessible(zoePage, "refusal");
  });

  step("keeps the people directory and a profile inert", async () => {
    await navigate(nadiaPage, language, "nav.people");
    await waitForHeading(nadiaPage, t("people:directory.title"));
    await nadiaPage.getByRole("list", { name: t("people:directory.results"), exact: true }).getByRole("link", { name: zoe.displayName, exact: true }).waitFor();
    await expectInert(watch, nadiaPage, "people directory");
    await findAndOpenPerson(nadiaPage, language, "Omar", omar.displayName);
    await nadiaPage.getByText(line.svg, { exact: true }).first().waitFor();
    await expectInert(watch, nadiaPage, "profile");
    await journey.expectAccessible(nadiaPage, "profile");
  });
});
