import type { Attachment } from "@ruche/contracts";

/** What presenting an attachment needs of its row and its file's row. */
export interface AttachmentRow {
  id: string;
  kind: "image" | "file";
  name: string;
  mime_type: string;
  byte_size: string | number;
  width: number | null;
  height: number | null;
}

/** An attachment as readers of its post see it; its URLs check the policy again when followed. */
export function presentAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mimeType: row.mime_type,
    byteSize: Number(row.byte_size),
    width: row.width,
    height: row.height,
    url: `/api/v1/attachments/${row.id}/download`,
    thumbnailUrl: row.kind === "image" ? `/api/v1/attachments/${row.id}/thumbnail` : null,
  };
}
