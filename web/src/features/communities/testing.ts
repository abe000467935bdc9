import type { Community, CommunityMember, PersonSummary } from "@ruche/contracts";

/** A community as the API would send it, for unit tests; `overrides` sets what the test is about. */
export function aCommunity(overrides: Partial<Community> = {}): Community {
  return {
    id: "0190a000-0000-7000-8000-000000000001",
    kind: "interest",
    visibility: "public",
    name: "Randonnée",
    description: null,
    postingPolicy: "all",
    startsOn: null,
    endsOn: null,
    myRole: null,
    memberCount: 3,
    external: false,
    archivedAt: null,
    deletedAt: null,
    createdAt: "2025-01-06T09:00:00.000Z",
    updatedAt: "2025-01-06T09:00:00.000Z",
    coverUrl: null,
    charter: null,
    canPost: false,
    canManage: false,
    myRequest: null,
    myRefusal: null,
    myInvitation: null,
    ...overrides,
  };
}

/** A person as the directory sends them. */
export function aPerson(overrides: Partial<PersonSummary> = {}): PersonSummary {
  return {
    id: "0190a000-0000-7000-8000-0000000000a1",
    displayName: "Dominique Roy",
    jobTitle: null,
    department: null,
    location: null,
    avatarUrl: null,
    role: "member",
    active: true,
    ...overrides,
  };
}

/** A member of a community who joined on their own. */
export function aMember(overrides: Partial<CommunityMember> = {}): CommunityMember {
  return { person: aPerson(), role: "member", joinedAt: "2025-01-07T10:00:00.000Z", charterAcceptedAt: null, ...overrides };
}
