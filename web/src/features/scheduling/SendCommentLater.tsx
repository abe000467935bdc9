import type { CreateScheduledCommentBody, ScheduledComment, SendCommentLaterSuggestionBody } from "@ruche/contracts";
import { Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { scheduledCommentsKey, useSendCommentLaterSuggestion } from "./queries.ts";
import { SendLaterHint, useSendTimeFormat } from "./SendLater.tsx";
import { SendLaterPicker } from "./SendLaterPicker.tsx";
import { commentSuggestionBody } from "./suggestion.ts";

/** Where a scheduled comment goes: a post, or a reply to one of its top-level comments. */
export type CommentTarget = SendCommentLaterSuggestionBody;

/**
 * The comment form's "send later": schedules the comment (or reply) being written, and once
 * something is written, offers the composer's "3 people are off now: send at 08:00?".
 */
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
  const suggestion = useSendCommentLaterSuggestion(commentSuggestionBody(target, body));
  const pick = (sendAt: string | null) => {
    if (!sendAt) return setError(t("sendLater.timeRequired"));
    schedule.mutate({ ...target, body, sendAt });
  };
  const empty = body.trim() === "";
  return (
    <Stack gap="xs" align="flex-end">
      <SendLaterHint suggestion={suggestion.data} disabled={empty} pending={schedule.isPending} onSend={pick} />
      <SendLaterPicker size="xs" disabled={empty} pending={schedule.isPending} error={error} onPick={pick} opened={open} onOpenedChange={setOpen} />
    </Stack>
  );
}
