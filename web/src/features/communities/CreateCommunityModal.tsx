import type { Community } from "@ruche/contracts";
import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import { applyApiError } from "../../api/errors.ts";
import { useSession } from "../../api/session.ts";
import { notifySuccess } from "../../components/notify.tsx";
import { communityFormFields, createBody, creatableKinds, newCommunityValues, type CommunityValues } from "./community-form.ts";
import { CommunityFields, communityValidation } from "./CommunityFields.tsx";
import { useCommunitiesChanged } from "./queries.ts";

/** Creates a community; its creator becomes its owner and lands on its page. */
export function CreateCommunityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("communities");
  const navigate = useNavigate();
  const communitiesChanged = useCommunitiesChanged();
  const role = useSession().data?.user.role ?? "guest";
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CommunityValues>({ initialValues: newCommunityValues, validate: communityValidation(t) });
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };
  const create = useMutation({
    mutationFn: (values: CommunityValues) => api<Community>("POST", "/communities", { body: createBody(values) }),
    onSuccess: async (community) => {
      notifySuccess(t, t("create.created", { name: community.name }));
      close();
      await communitiesChanged();
      await navigate(`/communities/${community.id}`);
    },
    onError: (error) => setFormError(applyApiError(form, error, t, communityFormFields)),
  });

  return (
    <Modal opened={opened} onClose={close} title={t("create.title")} size="lg" closeButtonProps={{ "aria-label": t("common:close") }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          create.mutate(values);
        })}
      >
        <Stack>
          {formError ? (
            <Alert color="red" role="alert" title={t("create.failed")}>
              {formError}
            </Alert>
          ) : null}
          <CommunityFields form={form} kinds={creatableKinds(role)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
