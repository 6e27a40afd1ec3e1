import { Button } from "@/components/ui/button";

const inputClass = "min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 outline-none focus:border-brand";

/** The foot of a setting's form: an optional reason for the audit log (read as the form's "reason") and Save. */
export function ReasonAndSave({ settingLabel, saveLabel = "Save", pending }: { settingLabel: string; saveLabel?: string; pending: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input name="reason" aria-label={`Reason for changing ${settingLabel}`} placeholder="Reason (optional)" maxLength={500} className={inputClass} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : saveLabel}
      </Button>
    </div>
  );
}
