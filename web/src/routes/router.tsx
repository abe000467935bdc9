import { createBrowserRouter } from "react-router-dom";
import { AdminLayout } from "../components/AdminLayout.tsx";
import { AppLayout } from "../components/AppLayout.tsx";
import { PublicLayout } from "../components/PublicLayout.tsx";
import { InvitationsPage } from "../features/admin/InvitationsPage.tsx";
import { OrganisationPage } from "../features/admin/OrganisationPage.tsx";
import { UsersPage } from "../features/admin/UsersPage.tsx";
import { AcceptInvitationPage } from "../features/auth/AcceptInvitationPage.tsx";
import { LoginPage } from "../features/auth/LoginPage.tsx";
import { PasswordResetPage } from "../features/auth/PasswordResetPage.tsx";
import { SetupPage } from "../features/auth/SetupPage.tsx";
import { VerifyEmailPage } from "../features/auth/VerifyEmailPage.tsx";
import { CommunitiesPage } from "../features/communities/CommunitiesPage.tsx";
import { CommunityPage } from "../features/communities/CommunityPage.tsx";
import { NotificationSettingsPage } from "../features/notifications/NotificationSettingsPage.tsx";
import { NotificationsPage } from "../features/notifications/NotificationsPage.tsx";
import { PeoplePage } from "../features/people/PeoplePage.tsx";
import { PersonPage } from "../features/people/PersonPage.tsx";
import { ProfilePage } from "../features/people/ProfilePage.tsx";
import { TokensPage } from "../features/people/TokensPage.tsx";
import { BookmarksPage } from "../features/stream/BookmarksPage.tsx";
import { PostPage } from "../features/stream/PostPage.tsx";
import { TopicPage } from "../features/stream/TopicPage.tsx";
import { DisconnectReportPage } from "../features/scheduling/DisconnectReportPage.tsx";
import { ScheduledPostsPage } from "../features/scheduling/ScheduledPostsPage.tsx";
import { SearchPage } from "../features/search/SearchPage.tsx";
import { HomePage } from "./HomePage.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Every screen of the web app, by URL. Links sent by mail point at the public ones. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: "/login", element: <LoginPage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/invitations/accept", element: <AcceptInvitationPage /> },
      { path: "/password-reset", element: <PasswordResetPage /> },
      { path: "/verify-email", element: <VerifyEmailPage /> },
    ],
  },
  {
    element: <AppLayout />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/communities", element: <CommunitiesPage /> },
      { path: "/communities/:id/:tab?", element: <CommunityPage /> },
      { path: "/people", element: <PeoplePage /> },
      { path: "/people/:id", element: <PersonPage /> },
      { path: "/me", element: <ProfilePage /> },
      { path: "/me/tokens", element: <TokensPage /> },
      { path: "/posts/:id", element: <PostPage /> },
      { path: "/topics/:slug", element: <TopicPage /> },
      { path: "/search", element: <SearchPage /> },
      { path: "/bookmarks", element: <BookmarksPage /> },
      { path: "/scheduled", element: <ScheduledPostsPage /> },
      { path: "/notifications", element: <NotificationsPage /> },
      { path: "/settings/notifications", element: <NotificationSettingsPage /> },
      {
        path: "/admin",
        element: <AdminLayout />,
        children: [
          { index: true, element: <UsersPage /> },
          { path: "users", element: <UsersPage /> },
          { path: "invitations", element: <InvitationsPage /> },
          { path: "organisation", element: <OrganisationPage /> },
          { path: "reports/disconnect", element: <DisconnectReportPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
