import { Navigate, Outlet } from "react-router-dom";
import { useSession } from "../api/session.ts";

/** The admin area: only administrators get past it (the API checks again on every call). */
export function AdminLayout() {
  const session = useSession();
  if (session.data?.user.role !== "admin") return <Navigate to="/" replace />;
  return <Outlet />;
}
