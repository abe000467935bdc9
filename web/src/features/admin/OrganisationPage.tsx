import { Grid, Skeleton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOrganisation } from "../../api/session.ts";
import { AdminPage } from "./AdminPage.tsx";
import { ListError } from "./ListStates.tsx";
import { LogoSection } from "./LogoSection.tsx";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { WorkingTimeSection } from "../disconnect/WorkingTimeSection.tsx";

/** /admin/organisation: the organisation's settings and logo; the header follows every change. */
export function OrganisationPage() {
  const { t } = useTranslation("admin");
  const organisation = useOrganisation();
  return (
    <AdminPage title={t("organisation.title")}>
      {organisation.isPending ? <Skeleton height={420} radius="md" aria-label={t("common:loading")} /> : null}
      {organisation.isError ? <ListError error={organisation.error} /> : null}
      {organisation.data ? (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <OrganisationForm organisation={organisation.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <LogoSection organisation={organisation.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <WorkingTimeSection />
          </Grid.Col>
        </Grid>
      ) : null}
    </AdminPage>
  );
}
