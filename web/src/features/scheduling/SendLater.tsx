import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconClockHour8 } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/errors.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useSchedulePost, useSendLaterSuggestion } from "./queries.ts";
import { SendLaterPicker } from "./SendLaterPicker.tsx";

/** What the composer would post. */
export interface SendLaterDraft {
  communityId: string | null;
  body: string;
  announcement: boolean;
}

/** "Tue 08:00": a send time, short enough for a button. */
export function useSendTimeFormat() {
  const { i18n } = useTranslation();
  return (iso: string) => new Intl.DateTimeFormat(i18n.language, { weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/**
 * The composer's "send later": a date-time picker, and when the post would reach people outside
 * their working time, "12 people are off now: send at 08:00?" with one click to schedule it then.
 */
export function SendLater({ draft, ready, onScheduled }: { draft: SendLaterDraft; ready: boolean; onScheduled: () => void }) {
  const { t } = useTranslation("scheduling");
  const format = useSendTimeFormat();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const schedule = useSchedulePost();
  const suggestion = useSendLaterSuggestion(draft.communityId ? { communityId: draft.communityId, announcement: draft.announcement } : null);

  const send = (sendAt: string | null) => {
    if (!draft.communityId || !sendAt) return setError(t("sendLater.timeRequired"));
    schedule.mutate(
      { communityId: draft.communityId, body: draft.body, sendAt, ...(draft.announcement ? { announcement: true } : {}) },
      {
        onSuccess: (scheduled) => {
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
      },
    );
  };

  const suggested = suggestion.data?.suggestedSendAt ?? null;
  return (
    <Stack gap="xs" align="flex-end">
      {suggested && suggestion.data && suggestion.data.offNow > 0 ? (
        <Alert variant="light" color="indigo" icon={<IconClockHour8 aria-hidden />} p="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t("suggestion.offNow", { count: suggestion.data.offNow, time: format(suggested) })}</Text>
            <Button size="xs" variant="light" disabled={!ready} loading={schedule.isPending} onClick={() => send(suggested)}>
              {t("suggestion.sendAt", { time: format(suggested) })}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <SendLaterPicker disabled={!ready} pending={schedule.isPending} error={error} onPick={send} opened={open} onOpenedChange={setOpen} />
    </Stack>
  );
}
