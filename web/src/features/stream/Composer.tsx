import { POST_MAX_LENGTH, type Community, type CreatePostBody, type Post } from "@ruche/contracts";
import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { IconChartBar, IconUserShare } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api } from "../../api/client.ts";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifyInfo, notifySuccess } from "../../components/notify.tsx";
import { AttachmentPicker } from "./AttachmentPicker.tsx";
import { UrgentOption } from "../disconnect/UrgentOption.tsx";
import { SendLater } from "../scheduling/SendLater.tsx";
import { createPostBody, draftProblems, emptyPoll, messagesByPart, type DraftProblems, type PostDraft } from "./composer.ts";
import { MarkdownEditor } from "./MarkdownEditor.tsx";
import { PollEditor } from "./PollEditor.tsx";
import { usePostableCommunities, usePostCache } from "./queries.ts";
import { useUploads } from "./useUploads.ts";

const emptyDraft = (): PostDraft => ({ communityId: null, body: "", attachmentIds: [], poll: null, announcement: false, mustRead: false });
// Where the composer shows the server's refusals; others (an attachment gone, say) are notified.
const parts = ["communityId", "body", "poll", "urgent"] as const;

/** Without a choice, a post goes to the company community: the one everyone reads. */
function defaultCommunity(communities: Community[] | undefined): string | null {
  return communities?.find((community) => community.kind === "company")?.id ?? null;
}

/** The announcement switches, for those who manage the community (and admins in the company community). */
function AnnouncementOptions({ draft, onChange }: { draft: PostDraft; onChange: (draft: PostDraft) => void }) {
  const { t } = useTranslation("stream");
  return (
    <Group gap="lg">
      <Switch
        label={t("composer.announcement")}
        checked={draft.announcement}
        onChange={(event) => onChange({ ...draft, announcement: event.currentTarget.checked, mustRead: event.currentTarget.checked && draft.mustRead })}
      />
      <Checkbox
        label={t("composer.mustRead")}
        description={t("composer.mustReadHint")}
        disabled={!draft.announcement}
        checked={draft.mustRead}
        onChange={(event) => onChange({ ...draft, mustRead: event.currentTarget.checked })}
      />
    </Group>
  );
}

/** Where someone who belongs to no community they may post in would find one. */
function NowhereToPost() {
  const { t } = useTranslation("stream");
  return (
    <Text c="dimmed">
      {t("composer.nowhere")}{" "}
      <Anchor component={Link} to="/communities" inherit>
        {t("composer.findCommunities")}
      </Anchor>
    </Text>
  );
}

/**
 * Writes a post: community (fixed on a community's page), Markdown with preview, mentions and
 * topics, attachments, a poll, and the announcement switches for those who may announce. The
 * composer checks what it can before asking; the server checks everything again.
 */
export function Composer({ community }: { community?: Community }) {
  const { t, i18n } = useTranslation("stream");
  const headingId = useId();
  const postable = usePostableCommunities({ enabled: !community });
  const cache = usePostCache();
  const uploads = useUploads();
  const [draft, setDraft] = useState<PostDraft>(emptyDraft);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  // A change answers the messages about the draft: they would only be stale now.
  const change = (next: PostDraft) => {
    setDraft(next);
    setProblems({});
    setRefusals({});
  };
  const communityId = community?.id ?? draft.communityId ?? defaultCommunity(postable.data);
  const chosen = community ?? postable.data?.find((candidate) => candidate.id === communityId) ?? null;
  const mayAnnounce = chosen?.canManage ?? false;

  const publish = useMutation({
    mutationFn: (body: CreatePostBody) => api<Post>("POST", "/posts", { body }),
    onSuccess: () => {
      setDraft({ ...emptyDraft(), communityId: draft.communityId });
      uploads.reset();
      setRefusals({});
      void cache.refreshFeeds();
      notifySuccess(t, t("composer.published"));
    },
    onError: (error) => {
      const byPart = messagesByPart(fieldErrors(error, t), parts);
      setRefusals(byPart);
      if (Object.keys(byPart).length === 0) notifyFailure(t, t("composer.failed"), error);
    },
  });

  /** The post to send, once the draft passes the composer's checks (shown otherwise); for now or later. */
  const checkedPost = (): CreatePostBody | null => {
    const complete = { ...draft, communityId, attachmentIds: uploads.attachmentIds };
    const found = draftProblems(complete, new Date());
    setProblems(found);
    setRefusals({});
    if (Object.keys(found).length > 0 || !complete.communityId) return null;
    const waiting = uploads.busy ? "composer.waitForUploads" : uploads.failed ? "composer.removeFailedUploads" : null;
    if (waiting) {
      notifyInfo(t, t(waiting));
      return null;
    }
    return createPostBody({ ...complete, communityId: complete.communityId }, mayAnnounce);
  };
  const submit = () => {
    const body = checkedPost();
    if (body) publish.mutate(body);
  };

  const problemText: Record<NonNullable<DraftProblems[keyof DraftProblems]>, string> = {
    noCommunity: t("composer.problems.noCommunity"),
    emptyBody: t("composer.problems.emptyBody"),
    tooLong: t("composer.problems.tooLong", { max: POST_MAX_LENGTH.toLocaleString(i18n.language) }),
    pollOptions: t("composer.problems.pollOptions"),
    pollClosed: t("composer.problems.pollClosed"),
    urgentReason: t("disconnect:urgent.reasonRequired"),
  };
  // The composer's own findings first, else what the server refused.
  const message = (part: (typeof parts)[number]) => {
    const problem = problems[part];
    return problem ? problemText[problem] : refusals[part];
  };

  const addFiles = (files: File[]) => {
    const refused = uploads.add(files);
    if (refused > 0) notifyInfo(t, t("attachments.tooMany", { count: refused }));
  };

  if (!community && postable.data?.length === 0) return <NowhereToPost />;
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" aria-labelledby={headingId}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id={headingId}>
            {community ? t("composer.titleIn", { community: community.name }) : t("composer.title")}
          </Title>
          {community ? null : (
            <Select
              label={t("composer.community")}
              placeholder={t("composer.communityPlaceholder")}
              data={(postable.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={communityId}
              onChange={(value) => change({ ...draft, communityId: value, announcement: false, mustRead: false })}
              searchable
              nothingFoundMessage={t("composer.noCommunityFound")}
              error={message("communityId")}
              maw={420}
            />
          )}
          {chosen?.external ? (
            <Alert variant="outline" color="orange" icon={<IconUserShare aria-hidden />} p="xs">
              <Text size="sm">{t("composer.externalWarning")}</Text>
            </Alert>
          ) : null}
          <MarkdownEditor
            label={t("composer.body")}
            placeholder={t("composer.placeholder")}
            value={draft.body}
            onChange={(body) => change({ ...draft, body })}
            communityId={communityId}
            maxLength={POST_MAX_LENGTH}
            error={message("body")}
          />
          <AttachmentPicker uploads={uploads.uploads} onAdd={addFiles} onRemove={uploads.remove} />
          {draft.poll ? (
            <PollEditor poll={draft.poll} onChange={(poll) => change({ ...draft, poll })} onRemove={() => change({ ...draft, poll: null })} error={message("poll")} />
          ) : null}
          {mayAnnounce ? <AnnouncementOptions draft={draft} onChange={change} /> : null}
          {mayAnnounce ? <UrgentOption announcement={draft.announcement} urgentReason={draft.urgentReason ?? null} onChange={(urgentReason) => change({ ...draft, urgentReason })} error={message("urgent")} /> : null}
          <Group justify="space-between" gap="sm">
            {draft.poll ? (
              <span />
            ) : (
              <Button variant="subtle" leftSection={<IconChartBar size={16} aria-hidden />} onClick={() => change({ ...draft, poll: emptyPoll() })}>
                {t("poll.add")}
              </Button>
            )}
            <Group gap="xs" align="flex-end">
              {/* An urgent override goes out at once: it cannot be scheduled. */}
              <SendLater
                draft={{ communityId, announcement: mayAnnounce && draft.announcement, body: draft.body }}
                ready={draft.body.trim() !== "" && !draft.urgentReason}
                compose={checkedPost}
                onRefused={(byField) => setRefusals(messagesByPart(byField, parts))}
                onScheduled={() => {
                  setDraft({ ...emptyDraft(), communityId: draft.communityId });
                  uploads.reset();
                }}
              />
              <Button type="submit" loading={publish.isPending}>
                {t("composer.publish")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
