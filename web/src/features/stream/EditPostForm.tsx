import { POST_MAX_LENGTH, type Post } from "@ruche/contracts";
import { Button, Group, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { MarkdownEditor } from "./MarkdownEditor.tsx";
import { usePostCache } from "./queries.ts";

/** Edits a post's body in place; the server keeps the previous version in its history. */
export function EditPostForm({ post, onDone }: { post: Post; onDone: () => void }) {
  const { t } = useTranslation("stream");
  const cache = usePostCache();
  const [body, setBody] = useState(post.body);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => api<Post>("PATCH", `/posts/${post.id}`, { body: { body } }),
    onSuccess: (updated) => {
      cache.update(post.id, () => updated);
      notifySuccess(t, t("edit.saved"));
      onDone();
    },
    onError: (failure) => {
      const message = fieldErrors(failure, t).body;
      setError(message);
      if (!message) notifyFailure(t, t("edit.failed"), failure);
    },
  });
  const submit = () => {
    if (body.trim() === "") return setError(t("composer.problems.emptyBody"));
    if (body === post.body) return onDone();
    save.mutate();
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <MarkdownEditor label={t("edit.label")} value={body} onChange={setBody} communityId={post.community.id} maxLength={POST_MAX_LENGTH} error={error} autoFocus />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t("common:cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("common:save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
