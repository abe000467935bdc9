import type { ResendVerificationBody } from "@ruche/contracts";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client.ts";

/** Asks for a fresh email-verification link; the API answers alike whether or not the address has an account. */
export function useResendVerification() {
  return useMutation({
    mutationFn: (body: ResendVerificationBody) => api<null>("POST", "/auth/verify-email/resend", { body }),
  });
}
