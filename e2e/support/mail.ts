import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

async function mailFiles(mailDir: string): Promise<string[]> {
  try {
    return (await readdir(mailDir)).filter((name) => name.endsWith(".eml")).sort();
  } catch {
    return [];
  }
}

function isAddressedTo(mail: ParsedMail, address: string): boolean {
  return [mail.to]
    .flat()
    .some((to) => to?.value.some((entry) => entry.address?.toLowerCase() === address.toLowerCase()));
}

/** The first link in a mail's plain text that starts with `prefix`, if any. */
function findLink(mail: ParsedMail, prefix: string): string | undefined {
  const link = (mail.text ?? "").split(/\s+/).find((word) => word.startsWith(prefix));
  return link?.replace(/[>)\].,]+$/, "");
}

/**
 * The link starting with `prefix` (e.g. `${url}/invitations/accept?token=`) in the newest mail to
 * `address` that has one, waiting for it: mail leaves through a background job, as an .eml file
 * under `mailDir` when SMTP_URL is unset.
 */
export async function waitForLink(mailDir: string, address: string, prefix: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of (await mailFiles(mailDir)).reverse()) {
      const mail = await simpleParser(await readFile(path.join(mailDir, file)));
      const link = isAddressedTo(mail, address) ? findLink(mail, prefix) : undefined;
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${address} with a link starting ${prefix} in ${mailDir} within ${timeoutMs} ms`);
}

/** The plain text of every mail to `address` so far, oldest first. */
export async function mailTextsTo(mailDir: string, address: string): Promise<string[]> {
  const texts: string[] = [];
  for (const file of await mailFiles(mailDir)) {
    const mail = await simpleParser(await readFile(path.join(mailDir, file)));
    if (isAddressedTo(mail, address)) texts.push(mail.text ?? "");
  }
  return texts;
}
