import type { Community } from "@ruche/contracts";
import { Stack } from "@mantine/core";
import { CharterEditor } from "./CharterEditor.tsx";
import { CoverEditor } from "./CoverEditor.tsx";
import { LifecycleSection } from "./LifecycleSection.tsx";
import { SettingsForm } from "./SettingsForm.tsx";

/** The "settings" tab; an archived community is read-only, so only its archiving and deletion remain. */
export function SettingsTab({ community }: { community: Community }) {
  if (community.archivedAt) return <LifecycleSection community={community} />;
  return (
    <Stack gap="lg">
      <SettingsForm community={community} />
      <CharterEditor key={community.charter?.version ?? 0} community={community} />
      <CoverEditor community={community} />
      <LifecycleSection community={community} />
    </Stack>
  );
}
