import { COMMENT_MAX_LENGTH, type Comment } from "@ruche/contracts";
import { Button, Group, Stack, VisuallyHidden } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure } from "../../components/notify.tsx";
import { SendCommentLater, type CommentTarget } from "../scheduling/SendCommentLater.tsx";
import { characterBudget } from "./format.ts";
import { MentionTextarea } from "./MentionTextarea.tsx";

interface CommentFormProps {
  label: string;
  communityId: string;
  /** The comment being edited; a new comment or reply without it. */
  editing?: Comment;
  submitLabel: string;
  /** Sends the body: creates or edits, and answers with the comment. */
  send: (body: string) => Promise<Comment>;
  onSent: (comment: Comment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** New comments and replies: where "send later" schedules them. */
  later?: CommentTarget;
}

/** The compact composer of comments and replies, and their editor: a textarea with mentions, and its buttons. */
export function CommentForm({ label, communityId, editing, submitLabel, send, onSent, onCancel, autoFocus, later }: CommentFormProps) {
  const { t, i18n } = useTranslation("stream");
  const [body, setBody] = useState(editing?.body ?? "");
  const [error, setError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (comment) => {
      setBody("");
      setError(undefined);
      onSent(comment);
    },
    onError: (failure) => {
      const message = fieldErrors(failure, t).body;
      setError(message);
      if (!message) notifyFailure(t, editing ? t("comments.editFailed") : t("comments.failed"), failure);
    },
  });
  const submit = () => {
    if (body.trim() === "") return setError(t("comments.empty"));
    if (characterBudget(body.length, COMMENT_MAX_LENGTH).over) return setError(t("comments.tooLong", { max: COMMENT_MAX_LENGTH.toLocaleString(i18n.language) }));
    mutation.mutate(body);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <MentionTextarea
          label={<VisuallyHidden>{label}</VisuallyHidden>}
          value={body}
          onChange={setBody}
          communityId={communityId}
          minRows={1}
          maxRows={10}
          error={error}
          autoFocus={autoFocus}
          placeholder={t("comments.placeholder")}
        />
        {/* Bottom-aligned: "send later" may carry the off-hours hint above its button. */}
        <Group justify="flex-end" align="flex-end" gap="xs">
          {onCancel ? (
            <Button variant="default" size="xs" onClick={onCancel}>
              {t("common:cancel")}
            </Button>
          ) : null}
          {later ? <SendCommentLater target={later} body={body} onScheduled={() => setBody("")} /> : null}
          <Button type="submit" size="xs" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
