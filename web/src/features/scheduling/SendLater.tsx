import type { CreatePostBody, SendLaterSuggestion } from "@ruche/contracts";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconClockHour8 } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useSchedulePost, useSendLaterSuggestion } from "./queries.ts";
import { SendLaterPicker } from "./SendLaterPicker.tsx";
import { offHoursHint, postSuggestionBody } from "./suggestion.ts";

/** Where the composer would post, whether as an announcement, and its text: what decides who is told. */
export interface SendLaterDraft {
  communityId: string | null;
  announcement: boolean;
  body: string;
}

/** "Tue 08:00": a send time, short enough for a button. */
export function useSendTimeFormat() {
  const { i18n } = useTranslation();
  return (iso: string) => new Intl.DateTimeFormat(i18n.language, { weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

interface SendLaterHintProps {
  suggestion: SendLaterSuggestion | undefined;
  disabled: boolean;
  pending: boolean;
  /** Schedules what is being written at the suggested time. */
  onSend: (sendAt: string) => void;
}

/** "12 people are off now: send at 08:00?" with one click to schedule then; nothing when nobody is off. Posts and comments alike. */
export function SendLaterHint({ suggestion, disabled, pending, onSend }: SendLaterHintProps) {
  const { t } = useTranslation("scheduling");
  const format = useSendTimeFormat();
  const hint = offHoursHint(suggestion);
  if (!hint) return null;
  return (
    <Alert variant="light" color="indigo" icon={<IconClockHour8 aria-hidden />} p="xs">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t("suggestion.offNow", { count: hint.offNow, time: format(hint.sendAt) })}</Text>
        <Button size="xs" variant="default" disabled={disabled} loading={pending} onClick={() => onSend(hint.sendAt)}>
          {t("suggestion.sendAt", { time: format(hint.sendAt) })}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The composer's "send later": a date-time picker, and when the post would reach people outside
 * their working time, "12 people are off now: send at 08:00?" with one click to schedule it then.
 */
export function SendLater({
  draft,
  ready,
  compose,
  onRefused,
  onScheduled,
}: {
  draft: SendLaterDraft;
  ready: boolean;
  /** The post to schedule, with its attachments and poll, once the composer's checks pass (else null). */
  compose: () => CreatePostBody | null;
  /** The server's refusals by field, other than the time's, for the composer to show. */
  onRefused: (byField: Record<string, string>) => void;
  onScheduled: () => void;
}) {
  const { t } = useTranslation("scheduling");
  const format = useSendTimeFormat();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const schedule = useSchedulePost();
  const suggestion = useSendLaterSuggestion(postSuggestionBody(draft, draft.body));

  const send = (sendAt: string | null) => {
    if (!sendAt) return setError(t("sendLater.timeRequired"));
    const post = compose();
    if (!post) return setOpen(false);
    const { urgent: _urgent, ...scheduled } = post;
    schedule.mutate(
      { ...scheduled, sendAt },
      {
        onSuccess: (scheduled) => {
          setOpen(false);
          setError(undefined);
          notifySuccess(t, t("sendLater.scheduled", { time: format(scheduled.sendAt) }));
          onScheduled();
        },
        onError: (failure) => {
          const { sendAt: timeRefused, ...others } = fieldErrors(failure, t);
          if (timeRefused) return setError(timeRefused);
          if (Object.keys(others).length > 0) {
            setOpen(false);
            return onRefused(others);
          }
          notifyFailure(t, t("sendLater.failed"), failure);
        },
      },
    );
  };

  return (
    <Stack gap="xs" align="flex-end">
      <SendLaterHint suggestion={suggestion.data} disabled={!ready} pending={schedule.isPending} onSend={send} />
      <SendLaterPicker disabled={!ready} pending={schedule.isPending} error={error} onPick={send} opened={open} onOpenedChange={setOpen} />
    </Stack>
  );
}
