import { Center, Container, Paper, Stack } from "@mantine/core";
import { Outlet } from "react-router-dom";
import { useLanguageSync } from "../api/session.ts";
import { Brand } from "./Brand.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** Screens for people who are not signed in: a centred card under the organisation's name. */
export function PublicLayout() {
  useLanguageSync();
  return (
    <Container size={460} py="xl" px="md">
      <Stack gap="lg">
        <Center component="header">
          <Brand />
        </Center>
        <Paper component="main" withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="md">
          <Outlet />
        </Paper>
        <Center>
          <LanguageSwitch />
        </Center>
      </Stack>
    </Container>
  );
}
