import "server-only";
// Outgoing mail, only when SMTP_URL is set; the portal works without a mail server.
import nodemailer from "nodemailer";
import { env } from "../env";
import { log } from "../log";

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends a plain-text mail; returns false (and logs) instead of throwing when sending fails. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const e = env();
  if (!e.SMTP_URL) return false;
  try {
    const transport = nodemailer.createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.MAIL_FROM ?? "Senar Portal <no-reply@localhost>", to, subject, text });
    return true;
  } catch (err) {
    log.warn("mail not sent", { subject, err });
    return false;
  }
}
