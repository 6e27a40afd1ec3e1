"use client";

import { useState } from "react";
import { ReportDialog } from "@/components/moderation/report-dialog";

/** "Report" beside a show's title, for viewers. */
export function ReportShowButton({ roomNumber }: { roomNumber: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-zinc-400 underline-offset-2 hover:text-zinc-200 hover:underline">
        Report show
      </button>
      {open ? <ReportDialog target={{ target: "show", roomNumber }} what="this show" onClose={() => setOpen(false)} /> : null}
    </>
  );
}
