import type { CommunityKind, CommunityVisibility, PostingPolicy } from "@ruche/contracts";
import { Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { endsBeforeStart, type CommunityValues } from "./community-form.ts";
import { useCommunityLabels } from "./labels.ts";

type CommunityForm = UseFormReturnType<CommunityValues>;

const visibilities: CommunityVisibility[] = ["public", "closed", "secret"];
const postingPolicies: PostingPolicy[] = ["all", "managers"];

/** Checks made before sending, so the obvious mistakes show without a round trip. */
export function communityValidation(t: TFunction) {
  return {
    name: (value: string) => (value.trim() ? null : t("common:validation.required")),
    endsOn: (_value: string, values: CommunityValues) => (endsBeforeStart(values) ? t("communities:form.endsBeforeStart") : null),
  };
}

/**
 * The settings shared by the create and settings forms. `kinds` are the kinds offered; with none,
 * the kind is not editable and its field is left out.
 */
export function CommunityFields({ form, kinds }: { form: CommunityForm; kinds: CommunityKind[] }) {
  const { t } = useTranslation("communities");
  const labels = useCommunityLabels();
  const values = form.getValues();
  return (
    <Stack gap="md">
      {kinds.length > 0 ? (
        <Select
          label={t("form.kind")}
          description={kinds.includes("company") ? t("form.kindHelp") : undefined}
          data={kinds.map((kind) => ({ value: kind, label: labels.kind[kind] }))}
          allowDeselect={false}
          {...form.getInputProps("kind")}
        />
      ) : null}
      <TextInput label={t("form.name")} required maxLength={120} data-autofocus {...form.getInputProps("name")} />
      <Textarea label={t("form.description")} autosize minRows={3} maxRows={10} maxLength={2000} {...form.getInputProps("description")} />
      <Radio.Group label={t("form.visibility")} {...form.getInputProps("visibility")}>
        <Stack gap="xs" mt="xs">
          {visibilities.map((visibility) => (
            <Radio key={visibility} value={visibility} label={labels.visibility[visibility]} description={labels.visibilityHelp[visibility]} />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group label={t("form.postingPolicy")} {...form.getInputProps("postingPolicy")}>
        <Stack gap="xs" mt="xs">
          {postingPolicies.map((policy) => (
            <Radio key={policy} value={policy} label={labels.postingPolicy[policy]} />
          ))}
        </Stack>
      </Radio.Group>
      {values.kind === "project" ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t("form.startsOn")} {...form.getInputProps("startsOn")} />
          <TextInput type="date" label={t("form.endsOn")} {...form.getInputProps("endsOn")} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
