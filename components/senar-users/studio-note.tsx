import { Alert } from "@/components/ui/alert";

/** Senar's documented limit, said plainly wherever Senar users are shown or added. */
export function StudioNote({ studioUrl }: { studioUrl: string }) {
  return (
    <Alert tone="info">
      Senar users cannot be edited or deleted through the API, so not from this portal either. To change or remove a user, use{" "}
      <a href={studioUrl} target="_blank" rel="noreferrer noopener" className="font-medium underline">
        Senar Studio
      </a>
      .
    </Alert>
  );
}
