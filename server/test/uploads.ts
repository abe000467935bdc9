import { randomBytes } from "node:crypto";
import sharp from "sharp";

/** A multipart/form-data body with one file part, ready for `app.inject({ payload, headers })`. */
export function multipartFile(
  data: Buffer,
  options: { filename?: string; contentType?: string; field?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const { filename = "image.png", contentType = "image/png", field = "file" } = options;
  const boundary = `----ruche-test-${randomBytes(8).toString("hex")}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart/form-data body with one text field and no file. */
export function multipartWithoutFile(): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ruche-test-${randomBytes(8).toString("hex")}`;
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A real image of one colour, made with sharp. */
export async function makeImage(format: "png" | "jpeg" | "gif" | "webp", width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}
