import type { Attachment, ErrorResponse } from "@ruche/contracts";
import { ApiError } from "../../api/client.ts";

function failure(request: XMLHttpRequest): ApiError {
  const body = request.response as ErrorResponse | null;
  if (body?.error) return new ApiError(request.status, body.error.code, body.error.message, body.error.details ?? []);
  return new ApiError(request.status, request.status >= 500 ? "internal_error" : "not_found", request.statusText);
}

/**
 * Uploads one file as an attachment (`POST /api/v1/attachments`), reporting progress from 0 to 1:
 * a 25 MB file takes a while, and `fetch` cannot tell how far its upload got, so this uses
 * XMLHttpRequest. Fails with the API's catalogued error (`file_too_large`, `unsupported_file_type`),
 * or a TypeError when the network fails, as `api()` does.
 */
export function uploadAttachment(input: { file: File; csrfToken: string; onProgress: (share: number) => void; signal?: AbortSignal }): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", input.file, input.file.name);
    request.open("POST", "/api/v1/attachments");
    request.responseType = "json";
    request.withCredentials = true;
    if (input.csrfToken) request.setRequestHeader("x-csrf-token", input.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) input.onProgress(event.loaded / event.total);
    };
    request.onload = () => (request.status >= 200 && request.status < 300 ? resolve(request.response as Attachment) : reject(failure(request)));
    request.onerror = () => reject(new TypeError("network"));
    request.onabort = () => reject(new DOMException("aborted", "AbortError"));
    input.signal?.addEventListener("abort", () => request.abort());
    request.send(form);
  });
}
