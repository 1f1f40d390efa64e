// Workspace settings, general: name, time zone, pass mark, sync interval; owners may delete.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";
import { requireMember } from "@/server/auth/guards";
import { generalSettings } from "@/server/data/workspace-settings";
import { timeZones } from "@/server/workspaces/validation";
import { removeWorkspace, saveGeneral } from "./actions";

export const metadata: Metadata = { title: "Settings" };

const intervals: [string, string][] = [
  ["off", "Off (manual syncs only)"],
  ["15", "Every 15 minutes"],
  ["30", "Every 30 minutes"],
  ["60", "Every hour"],
  ["180", "Every 3 hours"],
  ["360", "Every 6 hours"],
  ["720", "Every 12 hours"],
  ["1440", "Once a day"],
];

export default async function GeneralSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requireMember(slug, "ADMIN");
  const ws = await generalSettings(ctx.scope);
  const t = await getTranslations("settings.general");
  const interval = ws.syncIntervalMinutes === null ? "off" : String(ws.syncIntervalMinutes);
  const options = intervals.some(([v]) => v === interval) ? intervals : [...intervals, [interval, `Every ${interval} minutes`] as [string, string]];
  return (
    <>
      <Card title="General" description="How this workspace is named and how its reports count days and passes.">
        <ActionForm action={saveGeneral.bind(null, slug)} submitLabel="Save settings">
          <Field id="name" name="name" label="Workspace name" defaultValue={ctx.workspace.name} required minLength={2} maxLength={80} />
          <SelectField id="timeZone" name="timeZone" label="Time zone" defaultValue={ctx.workspace.timeZone} hint="Reports group sessions into days in this time zone.">
            {timeZones().map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </SelectField>
          <Field
            id="passMarkPct"
            name="passMarkPct"
            label="Pass mark (%)"
            type="number"
            min={1}
            max={100}
            step={1}
            defaultValue={Math.round(ctx.workspace.passMark * 100)}
            hint="A session passes when its score reaches this share of the scenario's maximum points."
            required
          />
          <SelectField id="defaultLocale" name="defaultLocale" label={t("defaultLocale")} defaultValue={ws.defaultLocale} hint={t("defaultLocaleHint")}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <SelectField id="syncIntervalMinutes" name="syncIntervalMinutes" label="Scheduled full sync" defaultValue={interval} hint="Webhooks keep data current between full syncs.">
            {options.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </SelectField>
        </ActionForm>
      </Card>
      {ctx.role === "OWNER" && (
        <Card title="Delete workspace" description="Removes the workspace, its members, its cached Senar data and its audit log. Senar itself is not changed.">
          <ActionForm action={removeWorkspace.bind(null, slug)} submitLabel="Delete this workspace" variant="danger">
            <Field id="confirmName" name="confirmName" label={`Type the workspace name (${ctx.workspace.name}) to confirm`} autoComplete="off" required />
          </ActionForm>
        </Card>
      )}
    </>
  );
}
