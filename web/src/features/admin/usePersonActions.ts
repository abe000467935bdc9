import type { NetworkRole, Person, PersonSummary } from "@ruche/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { sessionKey, useSession } from "../../api/session.ts";
import { notifyFailure, notifySuccess } from "../../components/notify.tsx";
import { useRoleLabels } from "./RoleBadge.tsx";

export type PersonAction = { kind: "role"; role: NetworkRole } | { kind: "deactivate" } | { kind: "reactivate" };

function callFor(personId: string, action: PersonAction): Promise<Person> {
  if (action.kind === "role") return api<Person>("PUT", `/people/${personId}/role`, { body: { role: action.role } });
  return api<Person>("POST", `/people/${personId}/${action.kind}`);
}

/** An admin's actions on one person: change role, deactivate, reactivate; the outcome is notified. */
export function usePersonActions(person: PersonSummary) {
  const { t } = useTranslation("admin");
  const roleLabels = useRoleLabels();
  const queryClient = useQueryClient();
  const isSelf = useSession().data?.user.id === person.id;
  const successMessage = (action: PersonAction) => {
    if (action.kind === "role") return t("users.roleChanged", { name: person.displayName, role: roleLabels[action.role] });
    if (action.kind === "deactivate") return t("users.deactivated", { name: person.displayName });
    return t("users.reactivated", { name: person.displayName });
  };
  return useMutation({
    mutationFn: (action: PersonAction) => callFor(person.id, action),
    onSuccess: (_person, action) => {
      notifySuccess(t, successMessage(action));
      void queryClient.invalidateQueries({ queryKey: ["people"] });
      // An admin who demotes themself leaves the admin area.
      if (isSelf) void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error) => notifyFailure(t, t("users.actionFailed", { name: person.displayName }), error),
  });
}
