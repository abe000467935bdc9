import type { Attachment } from "@ruche/contracts";
import { useCallback, useRef, useState } from "react";
import { useSession } from "../../api/session.ts";
import { roomForFiles } from "./composer.ts";
import { uploadAttachment } from "./upload.ts";

/** One file added to a draft: uploading (with its progress), uploaded, or failed with the API's error. */
export interface Upload {
  key: string;
  name: string;
  byteSize: number;
  status: "uploading" | "done" | "failed";
  progress: number;
  attachment: Attachment | null;
  error: unknown;
}

/**
 * The files of a draft, each uploaded as soon as it is added so posting does not wait for them.
 * `add` returns how many files were turned away by the limit of attachments per post.
 */
export function useUploads() {
  const csrfToken = useSession().data?.csrfToken ?? "";
  const [uploads, setUploads] = useState<Upload[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const counter = useRef(0);

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  }, []);

  const start = useCallback(
    (file: File) => {
      counter.current += 1;
      const key = `upload-${counter.current}`;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      setUploads((current) => [...current, { key, name: file.name, byteSize: file.size, status: "uploading", progress: 0, attachment: null, error: null }]);
      uploadAttachment({ file, csrfToken, signal: controller.signal, onProgress: (progress) => patch(key, { progress }) })
        .then((attachment) => patch(key, { status: "done", progress: 1, attachment }))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) patch(key, { status: "failed", error });
        })
        .finally(() => controllers.current.delete(key));
    },
    [csrfToken, patch],
  );

  const add = (files: File[]): number => {
    const { accepted, refused } = roomForFiles(uploads.length, files.length);
    files.slice(0, accepted).forEach(start);
    return refused;
  };

  const remove = (key: string) => {
    controllers.current.get(key)?.abort();
    setUploads((current) => current.filter((upload) => upload.key !== key));
  };

  const reset = () => {
    controllers.current.forEach((controller) => controller.abort());
    setUploads([]);
  };

  return {
    uploads,
    add,
    remove,
    reset,
    busy: uploads.some((upload) => upload.status === "uploading"),
    failed: uploads.some((upload) => upload.status === "failed"),
    attachmentIds: uploads.flatMap((upload) => (upload.attachment ? [upload.attachment.id] : [])),
  };
}
