import type { ScheduledComment, ScheduledPost } from "@ruche/contracts";
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useScheduledActions, type ScheduledKind } from "./queries.ts";
import { fromLocalInput, toLocalInput } from "./time.ts";

const statusColor = { scheduled: "indigo", published: "teal", failed: "red" } as const;

/** A scheduled post or comment, with what the item shows of it: a heading and, once out, where it is. */
export type ScheduledEntry = { kind: "posts"; item: ScheduledPost } | { kind: "comments"; item: ScheduledComment };

function headingOf(entry: ScheduledEntry, t: (key: string) => string): string {
  return entry.kind === "posts" ? entry.item.community.name : entry.item.parentId ? t("list.reply") : t("list.comment");
}

function publishedAt(entry: ScheduledEntry): string | null {
  if (entry.kind === "posts") return entry.item.postId ? `/posts/${entry.item.postId}` : null;
  return entry.item.commentId ? `/posts/${entry.item.postId}` : null;
}

/** What a scheduled post carries besides its text: "must read", its poll, and the files it holds. */
function PostExtras({ item }: { item: ScheduledPost }) {
  const { t, i18n } = useTranslation("scheduling");
  if (!item.mustRead && !item.poll && item.attachments.length === 0) return null;
  const options = item.poll ? new Intl.ListFormat(i18n.language, { type: "disjunction" }).format(item.poll.options) : "";
  return (
    <Stack gap={4}>
      {item.mustRead ? (
        <Badge variant="outline" color="orange" w="fit-content">
          {t("list.mustRead")}
        </Badge>
      ) : null}
      {item.poll ? <Text size="sm">{t("list.poll", { options })}</Text> : null}
      {item.attachments.length > 0 ? (
        <Group gap="xs" component="ul" aria-label={t("list.attachments")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {item.attachments.map((attachment) => (
            <li key={attachment.id}>
              <Anchor href={attachment.url} size="sm" target="_blank" rel="noopener">
                {attachment.name}
              </Anchor>
            </li>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

/** One scheduled post or comment: while waiting, its body and time can change and it can be cancelled. */
export function ScheduledItem({ entry }: { entry: ScheduledEntry }) {
  const { t, i18n } = useTranslation("scheduling");
  const item = entry.item;
  const kind: ScheduledKind = entry.kind;
  const { update, cancel } = useScheduledActions(kind);
  const [body, setBody] = useState(item.body);
  const [when, setWhen] = useState(toLocalInput(new Date(item.sendAt)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const waiting = item.status === "scheduled";
  const sendAt = fromLocalInput(when);
  const changed = body !== item.body || (sendAt !== null && sendAt !== item.sendAt);

  const save = () => {
    if (!sendAt) return setErrors({ sendAt: t("sendLater.timeRequired") });
    const change = { ...(body !== item.body ? { body } : {}), ...(sendAt !== item.sendAt ? { sendAt } : {}) };
    update.mutate(
      { id: item.id, body: change },
      {
        onSuccess: () => {
          setErrors({});
          notifySuccess(t, t("list.saved"));
        },
        onError: (error) => {
          const fields = fieldErrors(error, t);
          // A later time that its poll closes before: said under the time, the one thing being changed.
          if (fields["poll.closesAt"]) return setErrors({ sendAt: t("list.pollClosesFirst") });
          if (Object.keys(fields).length > 0) setErrors(fields);
          else notifyFailure(t, t("list.saveFailed"), error);
        },
      },
    );
  };

  const remove = () => cancel.mutate(item.id, { onError: (error) => notifyFailure(t, t("list.cancelFailed"), error) });
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeStyle: "short" }).format(new Date(item.sendAt));

  return (
    <Paper withBorder p="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{headingOf(entry, t)}</Text>
          <Badge color={statusColor[item.status]} variant="light">
            {t(`status.${item.status}`)}
          </Badge>
        </Group>
        {waiting ? (
          <>
            <Textarea label={t("list.body")} autosize minRows={2} value={body} onChange={(event) => setBody(event.currentTarget.value)} error={errors.body} />
            <TextInput type="datetime-local" label={t("sendLater.when")} value={when} onChange={(event) => setWhen(event.currentTarget.value)} error={errors.sendAt} maw={280} />
            {entry.kind === "posts" ? <PostExtras item={entry.item} /> : null}
            <Group gap="xs" justify="flex-end">
              <Button variant="subtle" color="red" loading={cancel.isPending} onClick={remove}>
                {t("list.cancel")}
              </Button>
              <Button disabled={!changed} loading={update.isPending} onClick={save}>
                {t("list.save")}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t("list.sendAt", { time })}
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{item.body}</Text>
            {entry.kind === "posts" && item.status === "failed" ? <PostExtras item={entry.item} /> : null}
            {publishedAt(entry) ? (
              <Anchor component={Link} to={publishedAt(entry) ?? "/"} size="sm">
                {t("list.openPost")}
              </Anchor>
            ) : null}
            {item.status === "failed" ? (
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="red">
                  {t("list.failedBecause", { reason: item.failureCode ? t(`common:errors.${item.failureCode}`, { defaultValue: item.failureReason ?? "" }) : item.failureReason })}
                </Text>
                <Button variant="subtle" size="xs" onClick={remove}>
                  {t("list.dismiss")}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
