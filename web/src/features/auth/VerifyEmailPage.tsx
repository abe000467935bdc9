import { Alert, Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";
import { sessionKey, useSession } from "../../api/session.ts";
import { LinkProblem } from "./LinkProblem.tsx";
import { missingToken } from "./linkProblems.ts";
import { LoginLink } from "./LoginLink.tsx";
import { ResendVerificationForm } from "./ResendVerificationForm.tsx";
import { usePageTitle } from "../../components/usePageTitle.ts";

type Outcome = { status: "pending" } | { status: "verified" } | { status: "failed"; error: unknown };

/** Posts the `token` of a mailed verification link once, on arrival, and says how it went. */
function useVerifyOnArrival(token: string): Outcome {
  const queryClient = useQueryClient();
  const { mutateAsync } = useMutation({
    mutationFn: (body: { token: string }) => api<null>("POST", "/auth/verify-email", { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
  const [outcome, setOutcome] = useState<Outcome>({ status: "pending" });
  // The link is single-use, so StrictMode's second effect run must not post it again (the answer
  // would be "already used"). The outcome lives in state, not in the mutation's observer, which
  // StrictMode's unsubscribe/resubscribe detaches from a mutation started in an effect.
  const posted = useRef<string | null>(null);
  useEffect(() => {
    if (!token || posted.current === token) return;
    posted.current = token;
    setOutcome({ status: "pending" });
    mutateAsync({ token }).then(
      () => setOutcome({ status: "verified" }),
      (error: unknown) => setOutcome({ status: "failed", error }),
    );
  }, [token, mutateAsync]);
  return token ? outcome : { status: "failed", error: missingToken };
}

/** The page a verification link opens: confirms the address, or says why the link cannot. */
export function VerifyEmailPage() {
  const { t } = useTranslation("auth");
  usePageTitle(t("verify.title"));
  const token = useSearchParams()[0].get("token") ?? "";
  const outcome = useVerifyOnArrival(token);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t("verify.title")}
      </Title>
      {outcome.status === "verified" ? <Verified /> : null}
      {outcome.status === "failed" ? (
        <>
          <LinkProblem error={outcome.error} title={t("verify.failed")} advice={t("verify.advice")} />
          <LoginLink />
          <ResendVerificationForm />
        </>
      ) : null}
      {outcome.status === "pending" ? (
        <Center py="lg">
          <Stack align="center" gap="xs" role="status">
            <Loader aria-hidden />
            <Text>{t("verify.pending")}</Text>
          </Stack>
        </Center>
      ) : null}
    </Stack>
  );
}

function Verified() {
  const { t } = useTranslation("auth");
  const signedIn = Boolean(useSession().data);
  return (
    <>
      <Alert color="teal" role="status" icon={<IconCircleCheck aria-hidden />}>
        {t("verify.done")}
      </Alert>
      {signedIn ? (
        <Button component={Link} to="/">
          {t("links.home")}
        </Button>
      ) : (
        <Button component={Link} to="/login">
          {t("links.signIn")}
        </Button>
      )}
    </>
  );
}
