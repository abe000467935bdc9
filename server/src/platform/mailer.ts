import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { newId } from "./ids.ts";

/** A message ready to send, in one language, with HTML and plain-text bodies. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Sends mail through `SMTP_URL`, or writes `.eml` files under `DATA_DIR/mail` when none is set. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly options: { smtpUrl: string | undefined; from: string; mailDir: string }) {
    this.transport = options.smtpUrl
      ? nodemailer.createTransport(options.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({ from: this.options.from, ...message });
    if (this.options.smtpUrl) return;
    // The stream transport hands the raw message back: keep it as a file an admin can open.
    await mkdir(this.options.mailDir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${newId()}.eml`;
    await writeFile(path.join(this.options.mailDir, name), info.message as Buffer);
  }

  close(): void {
    this.transport.close();
  }
}

/** Escapes text for inclusion in an HTML email. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
