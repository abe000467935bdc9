import type { Community, CommunityKind, CommunityVisibility, CreateCommunityBody, NetworkRole, PostingPolicy, UpdateCommunityBody } from "@ruche/contracts";

/** A community's settings as the create and settings forms hold them (empty text for "none"). */
export interface CommunityValues {
  kind: CommunityKind;
  visibility: CommunityVisibility;
  name: string;
  description: string;
  postingPolicy: PostingPolicy;
  startsOn: string;
  endsOn: string;
}

/** The fields an API error may name on these forms. */
export const communityFormFields: readonly (keyof CommunityValues)[] = ["kind", "visibility", "name", "description", "postingPolicy", "startsOn", "endsOn"];

export const newCommunityValues: CommunityValues = {
  kind: "interest",
  visibility: "public",
  name: "",
  description: "",
  postingPolicy: "all",
  startsOn: "",
  endsOn: "",
};

/** A saved community's settings, to fill the settings form. */
export function communityValues(community: Community): CommunityValues {
  return {
    kind: community.kind,
    visibility: community.visibility,
    name: community.name,
    description: community.description ?? "",
    postingPolicy: community.postingPolicy,
    startsOn: community.startsOn ?? "",
    endsOn: community.endsOn ?? "",
  };
}

const restrictedKinds: readonly CommunityKind[] = ["company", "external"];

/** The kinds this person may create: company and external communities are for admins; guests create none. */
export function creatableKinds(role: NetworkRole): CommunityKind[] {
  if (role === "guest") return [];
  const all: CommunityKind[] = ["interest", "profession", "project", "company", "external"];
  return role === "admin" ? all : all.filter((kind) => !restrictedKinds.includes(kind));
}

/** Whether this person may move a community away from its current kind (only admins leave company or external). */
export function canChangeKind(kind: CommunityKind, role: NetworkRole): boolean {
  return role === "admin" || (role !== "guest" && !restrictedKinds.includes(kind));
}

const orNull = (text: string) => text.trim() || null;

/** Start and end days; only projects have them. */
function projectDates(values: CommunityValues) {
  return values.kind === "project" ? { startsOn: orNull(values.startsOn), endsOn: orNull(values.endsOn) } : {};
}

/** The body that creates a community from the form: trimmed, with dates for projects only. */
export function createBody(values: CommunityValues): CreateCommunityBody {
  return {
    kind: values.kind,
    visibility: values.visibility,
    name: values.name.trim(),
    description: orNull(values.description),
    postingPolicy: values.postingPolicy,
    ...projectDates(values),
  };
}

/**
 * The settings that changed, and only those (the API leaves absent fields unchanged, and an
 * unchanged kind must not be sent: moving to or from company and external is for admins). A project
 * sends its dates whenever either changed or it just became a project.
 */
export function updateBody(values: CommunityValues, isDirty: (field: keyof CommunityValues) => boolean): UpdateCommunityBody {
  const body: UpdateCommunityBody = {};
  if (isDirty("kind")) body.kind = values.kind;
  if (isDirty("visibility")) body.visibility = values.visibility;
  if (isDirty("name")) body.name = values.name.trim();
  if (isDirty("description")) body.description = orNull(values.description);
  if (isDirty("postingPolicy")) body.postingPolicy = values.postingPolicy;
  if (isDirty("kind") || isDirty("startsOn") || isDirty("endsOn")) Object.assign(body, projectDates(values));
  return body;
}

/** Whether a project ends before it starts (both days being set); "YYYY-MM-DD" compares as text. */
export function endsBeforeStart(values: Pick<CommunityValues, "kind" | "startsOn" | "endsOn">): boolean {
  return values.kind === "project" && values.startsOn !== "" && values.endsOn !== "" && values.endsOn < values.startsOn;
}
