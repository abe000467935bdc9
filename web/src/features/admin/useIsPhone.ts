import { em } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

/** True below Mantine's `sm` breakpoint (48em), where lists show as cards instead of tables. */
export function useIsPhone(): boolean {
  return useMediaQuery(`(max-width: ${em(767.9)})`) ?? false;
}
