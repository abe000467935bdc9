import type { LinkPreview } from "@ruche/contracts";

/** What presenting a preview needs of its row. */
export interface PreviewRow {
  post_id: string;
  url: string;
  status: "pending" | "ready" | "failed";
  title: string | null;
  description: string | null;
  site_name: string | null;
  image_file_id: string | null;
}

/** A post's link preview; its image is re-hosted, and its URL changes with the image. */
export function presentPreview(row: PreviewRow): LinkPreview {
  return {
    url: row.url,
    status: row.status,
    title: row.title,
    description: row.description,
    siteName: row.site_name,
    imageUrl: row.status === "ready" && row.image_file_id ? `/api/v1/posts/${row.post_id}/preview-image?v=${row.image_file_id}` : null,
  };
}
