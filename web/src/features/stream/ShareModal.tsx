import { POST_MAX_LENGTH, type Post, type SharePostBody } from "@ruche/contracts";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { MentionTextarea } from "./MentionTextarea.tsx";
import { usePostableCommunities, usePostCache } from "./queries.ts";

/**
 * Shares a post into another community the viewer may post in, with an optional word. The copy
 * links the original, which only those who may read the original will see.
 */
export function ShareModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation("stream");
  const cache = usePostCache();
  const postable = usePostableCommunities();
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const choices = (postable.data ?? []).filter((community) => community.id !== post.community.id);
  const share = useMutation({
    mutationFn: (request: SharePostBody) => api<Post>("POST", `/posts/${post.id}/share`, { body: request }),
    onSuccess: (shared) => {
      void cache.refreshFeeds();
      notifySuccess(t, t("share.done", { community: shared.community.name }));
      onClose();
    },
    onError: (error) => {
      const byField = fieldErrors(error, t);
      setErrors(byField);
      if (!byField.communityId && !byField.body) notifyFailure(t, t("share.failed"), error);
    },
  });
  const submit = () => {
    if (!communityId) return setErrors({ communityId: t("share.chooseCommunity") });
    share.mutate({ communityId, ...(body.trim() ? { body } : {}) });
  };
  return (
    <Modal opened onClose={onClose} title={t("share.title")} closeButtonProps={{ "aria-label": t("common:close") }} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {postable.isSuccess && choices.length === 0 ? <Text c="dimmed">{t("share.nowhere")}</Text> : null}
          <Select
            label={t("share.community")}
            placeholder={t("composer.communityPlaceholder")}
            data={choices.map((community) => ({ value: community.id, label: community.name }))}
            value={communityId}
            onChange={setCommunityId}
            searchable
            nothingFoundMessage={t("composer.noCommunityFound")}
            error={errors.communityId}
          />
          <MentionTextarea
            label={t("share.comment")}
            description={t("share.commentHint")}
            value={body}
            onChange={setBody}
            communityId={communityId}
            minRows={2}
            maxRows={8}
            maxLength={POST_MAX_LENGTH}
            error={errors.body}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={share.isPending}>
              {t("share.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
