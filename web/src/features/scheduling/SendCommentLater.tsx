import type { CreateScheduledCommentBody, ScheduledComment } from "@ruche/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { scheduledCommentsKey } from "./queries.ts";
import { useSendTimeFormat } from "./SendLater.tsx";
import { SendLaterPicker } from "./SendLaterPicker.tsx";

/** Where a scheduled comment goes: a post, or a reply to one of its top-level comments. */
export interface CommentTarget {
  postId: string;
  parentId?: string;
}

/** The comment form's "send later": schedules the comment (or reply) being written. */
export function SendCommentLater({ target, body, onScheduled }: { target: CommentTarget; body: string; onScheduled: () => void }) {
  const { t } = useTranslation("scheduling");
  const format = useSendTimeFormat();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const schedule = useMutation({
    mutationFn: (input: CreateScheduledCommentBody) => api<ScheduledComment>("POST", "/scheduled-comments", { body: input }),
    onSuccess: (scheduled) => {
      void queryClient.invalidateQueries({ queryKey: scheduledCommentsKey });
      setOpen(false);
      setError(undefined);
      notifySuccess(t, t("sendLater.scheduled", { time: format(scheduled.sendAt) }));
      onScheduled();
    },
    onError: (failure) => {
      const fields = fieldErrors(failure, t);
      if (fields.sendAt) return setError(fields.sendAt);
      notifyFailure(t, t("sendLater.failed"), failure);
    },
  });
  const pick = (sendAt: string | null) => {
    if (!sendAt) return setError(t("sendLater.timeRequired"));
    schedule.mutate({ ...target, body, sendAt });
  };
  return <SendLaterPicker size="xs" disabled={body.trim() === ""} pending={schedule.isPending} error={error} onPick={pick} opened={open} onOpenedChange={setOpen} />;
}
