import { format } from "date-fns";
import Link from "next/link";
import { ReportActions } from "@/components/admin/report-actions";
import type { ReportView } from "@/lib/admin/reports";
import type { ReportAction } from "@/lib/admin/schema";

const REASONS = {
  SPAM: "Spam",
  FALSE_INFORMATION: "False information",
  HARMFUL: "Harmful",
  ILLEGAL: "Illegal",
  OBSCENE: "Obscene",
} as const;

const OUTCOMES = {
  DISMISSED: "dismissed it",
  MESSAGE_DELETED: "deleted the message",
  USER_MUTED: "muted the user site-wide",
  USER_BANNED: "banned the user",
  SHOW_ENDED: "ended the show",
} as const;

function actionsFor(report: ReportView): ReportAction[] {
  const actions: ReportAction[] = ["dismiss"];
  if (report.message && !report.message.deletedAt) actions.push("delete-message");
  actions.push("mute", "ban");
  if (report.show.status === "LIVE") actions.push("end-show");
  return actions;
}

/** The reported message among its neighbours, as the room saw them. */
function MessageInContext({ report }: { report: ReportView }) {
  return (
    <ol data-testid="report-context" className="space-y-1 rounded border border-zinc-800 bg-zinc-950 p-2 text-sm">
      {report.context.map((line) => {
        const reported = line.id === report.message?.id;
        return (
          <li
            key={line.id}
            data-testid={reported ? "reported-message" : undefined}
            className={`${reported ? "rounded bg-red-950/60 px-1 text-red-100" : "text-zinc-400"} ${line.deleted ? "line-through" : ""}`}
          >
            <Link href={`/admin/users/${line.user.id}`} className="font-medium hover:underline">
              {line.user.name}
            </Link>
            : {line.text}
            {line.deleted ? <span className="ml-1 text-xs no-underline">(deleted)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** One report: what was reported, in context, by whom and why; its actions, or who handled it and how. */
export function ReportCard({ report }: { report: ReportView }) {
  return (
    <article data-testid="report" data-report-id={report.id} className="space-y-3 rounded-lg border border-zinc-800 bg-zinc-900 p-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="rounded bg-red-900/60 px-2 py-0.5 font-medium text-red-100">{REASONS[report.reason]}</span>
        <span className="text-zinc-300">{report.message ? `Message by ${report.message.user.name}` : `Show by ${report.show.host.name}`}</span>
        <span className="text-zinc-400">
          in{" "}
          <Link href={`/shows/${report.show.roomNumber}`} className="hover:underline">
            room {report.show.roomNumber}: {report.show.title}
          </Link>{" "}
          ({report.show.status === "LIVE" ? "live" : "ended"})
        </span>
        <span className="text-zinc-500">
          reported by {report.reporter.name}, {format(report.createdAt, "d MMM HH:mm")}
        </span>
      </header>
      {report.note ? <p className="text-sm text-zinc-300">“{report.note}”</p> : null}
      {report.message ? <MessageInContext report={report} /> : null}
      {report.status === "OPEN" ? (
        <ReportActions reportId={report.id} actions={actionsFor(report)} />
      ) : (
        <p data-testid="report-handled" className="text-sm text-zinc-400">
          {report.handledBy?.name ?? "An operator"} {report.outcome ? OUTCOMES[report.outcome] : "handled it"}
          {report.handledAt ? `, ${format(report.handledAt, "d MMM HH:mm")}` : ""}
        </p>
      )}
    </article>
  );
}
