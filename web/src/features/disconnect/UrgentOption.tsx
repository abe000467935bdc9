import { Stack, Switch, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/session.ts";
import { useWorkingTime } from "./queries.ts";

interface UrgentOptionProps {
  announcement: boolean;
  urgentReason: string | null;
  onChange: (urgentReason: string | null) => void;
  error?: string | undefined;
}

/** Whether the signed-in person may mark an announcement urgent: admins, managers when allowed. */
export function useMayUrge(): boolean {
  const session = useSession();
  const isAdmin = session.data?.user.role === "admin";
  const workingTime = useWorkingTime({ enabled: !isAdmin && session.data !== undefined });
  return isAdmin || (workingTime.data?.managersMayUrge ?? false);
}

/** The composer's "urgent" switch, shown to those allowed, with the reason it requires. */
export function UrgentOption({ announcement, urgentReason, onChange, error }: UrgentOptionProps) {
  const { t } = useTranslation("disconnect");
  const mayUrge = useMayUrge();
  if (!mayUrge) return null;
  return (
    <Stack gap="xs">
      <Switch
        label={t("urgent.label")}
        description={t("urgent.hint")}
        disabled={!announcement}
        checked={announcement && urgentReason !== null}
        onChange={(event) => onChange(event.currentTarget.checked ? "" : null)}
      />
      {announcement && urgentReason !== null ? (
        <Textarea label={t("urgent.reason")} required autosize minRows={2} maxLength={500} value={urgentReason} error={error} onChange={(event) => onChange(event.currentTarget.value)} />
      ) : null}
    </Stack>
  );
}
