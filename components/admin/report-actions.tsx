"use client";

import { useRouter } from "next/navigation";
import { handleReportAction } from "@/components/admin/actions/reports";
import { ReasonForm } from "@/components/admin/reason-form";
import { REPORT_ACTIONS, type ReportAction } from "@/lib/admin/schema";

/** The operator's choices for one open report; each asks why (for the audit log). */
export function ReportActions({ reportId, actions }: { reportId: string; actions: ReportAction[] }) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-start gap-2">
      {actions.map((action) => (
        <ReasonForm
          key={action}
          label={`${REPORT_ACTIONS[action]}…`}
          confirmLabel={REPORT_ACTIONS[action]}
          variant={action === "dismiss" ? "secondary" : "danger"}
          onSubmit={(reason) => handleReportAction({ reportId, action, reason })}
          onDone={() => router.refresh()}
        />
      ))}
    </div>
  );
}
