import { Alert, Stack, Switch, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/errors.ts";
import { readPushState, syncPushSubscription, turnPushOff, turnPushOn, type PushState } from "./push-browser.ts";

/**
 * "Notifications on this device": subscribes this browser to web push, or stops it. A browser
 * without support, or where notifications were blocked, gets an explanation instead of a switch
 * that cannot work.
 */
export function PushSwitch() {
  const { t } = useTranslation("push");
  const [state, setState] = useState<PushState | "loading">("loading");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    readPushState()
      .then(async (read) => {
        if (read === "on") await syncPushSubscription().catch(() => undefined);
        if (current) setState(read);
      })
      .catch(() => current && setState("unsupported"));
    return () => {
      current = false;
    };
  }, []);

  const toggle = async (on: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      setState(on ? await turnPushOn() : await turnPushOff());
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="push-heading">
      <Text fw={600} id="push-heading">
        {t("title")}
      </Text>
      <Switch
        label={t("switch")}
        description={t("description")}
        checked={state === "on"}
        disabled={busy || state === "loading" || state === "unsupported" || state === "denied"}
        aria-busy={busy || state === "loading"}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      {state === "unsupported" && (
        <Alert color="gray" title={t("unsupported.title")}>
          {t("unsupported.body")}
        </Alert>
      )}
      {state === "denied" && (
        <Alert color="yellow" title={t("denied.title")}>
          {t("denied.body")}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title={t("failed")}>
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
