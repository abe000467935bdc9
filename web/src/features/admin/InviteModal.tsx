import type { Invitation, InviteBody } from "@ruche/contracts";
import { Alert, Button, Group, Modal, Radio, Stack, TextInput } from "@mantine/core";
import { isEmail, useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { notifySuccess } from "../../components/notify.tsx";

type InviteValues = Required<InviteBody>;

/** Invites someone by email as a member or an admin; the API's refusals show under the email field. */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InviteValues>({
    initialValues: { email: "", role: "member" },
    validate: { email: isEmail(t("common:validation.email")) },
  });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const invite = useMutation({
    mutationFn: (body: InviteValues) => api<Invitation>("POST", "/invitations", { body: { ...body, email: body.email.trim() } }),
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: ["invitations"] });
      notifySuccess(t, t("invite.sent", { email: invitation.email }));
      close();
    },
    onError: (error) => setFormError(applyApiError(form, error, t, ["email", "role"])),
  });

  return (
    <Modal opened={opened} onClose={close} title={t("invite.title")} closeButtonProps={{ "aria-label": t("common:close") }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          invite.mutate(values);
        })}
      >
        <Stack>
          {formError ? (
            <Alert color="red" role="alert" title={t("invite.failed")}>
              {formError}
            </Alert>
          ) : null}
          <TextInput label={t("invite.email")} type="email" autoComplete="off" required data-autofocus {...form.getInputProps("email")} />
          <Radio.Group label={t("invite.role")} {...form.getInputProps("role")}>
            <Stack gap="xs" mt="xs">
              <Radio value="member" label={t("roles.member")} description={t("invite.memberHint")} />
              <Radio value="admin" label={t("roles.admin")} description={t("invite.adminHint")} />
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("invite.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
