// Shown (with status 403) when a signed-in member lacks the role a page needs.
import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg px-6 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role in this workspace does not include it. Ask an owner of the workspace if you need it.</p>
      <div className="mt-6">
        <ButtonLink href="/w" variant="secondary">Back to your workspaces</ButtonLink>
      </div>
    </div>
  );
}
