// Types next-intl's keys from the English catalogs: a misspelt key or a missing ICU argument is a
// type error (tsc), not a blank on the page. English is the reference every language must match.
import type { Locale } from "./locales";
import type common from "@/messages/en/common.json";
import type auth from "@/messages/en/auth.json";
import type workspaces from "@/messages/en/workspaces.json";
import type dashboard from "@/messages/en/dashboard.json";
import type reports from "@/messages/en/reports.json";
import type activities from "@/messages/en/activities.json";
import type breakdowns from "@/messages/en/breakdowns.json";
import type trainees from "@/messages/en/trainees.json";
import type matrix from "@/messages/en/matrix.json";
import type senarUsers from "@/messages/en/senarUsers.json";
import type sync from "@/messages/en/sync.json";
import type usage from "@/messages/en/usage.json";
import type settings from "@/messages/en/settings.json";
import type account from "@/messages/en/account.json";
import type apiDocs from "@/messages/en/apiDocs.json";
import type errors from "@/messages/en/errors.json";
import type email from "@/messages/en/email.json";

type Messages = {
  common: typeof common;
  auth: typeof auth;
  workspaces: typeof workspaces;
  dashboard: typeof dashboard;
  reports: typeof reports;
  activities: typeof activities;
  breakdowns: typeof breakdowns;
  trainees: typeof trainees;
  matrix: typeof matrix;
  senarUsers: typeof senarUsers;
  sync: typeof sync;
  usage: typeof usage;
  settings: typeof settings;
  account: typeof account;
  apiDocs: typeof apiDocs;
  errors: typeof errors;
  email: typeof email;
};

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
