"use client";

import { format } from "date-fns";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { banUserAction, muteUserAction, setUserRoleAction, unbanUserAction, unmuteUserAction } from "@/components/admin/actions/users";
import { ReasonForm } from "@/components/admin/reason-form";

type Standing = {
  id: string;
  role: "USER" | "OPERATOR";
  banned: boolean;
  bannedUntil: Date | null;
  banReason: string | null;
  muted: boolean;
  mutedUntil: Date | null;
};

/** An optional end: empty means "until lifted"; the browser's local time, sent as an instant. */
function UntilField({ label }: { label: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-zinc-300">
        {label} (optional)
      </label>
      <input id={id} name="until" type="datetime-local" className="rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100" />
    </div>
  );
}

function untilOf(form: FormData): Date | null {
  const value = String(form.get("until") ?? "");
  return value ? new Date(value) : null;
}

function ends(date: Date | null): string {
  return date ? `until ${format(date, "d MMM yyyy, HH:mm")}` : "until lifted";
}

/** Ban / unban, mute / unmute, operator role: each asks why, then the page shows the new state. */
export function UserActions({ user, isSelf }: { user: Standing; isSelf: boolean }) {
  const router = useRouter();
  const done = () => router.refresh();
  return (
    <div className="space-y-4">
      <div data-testid="ban-panel" className="space-y-2">
        <h2 className="text-sm font-semibold text-zinc-300">Ban</h2>
        {user.banned ? (
          <>
            <p data-testid="ban-state" className="text-sm text-red-300">
              Banned {ends(user.bannedUntil)}
              {user.banReason ? `: ${user.banReason}` : ""}
            </p>
            <ReasonForm
              label="Lift the ban…"
              confirmLabel="Lift the ban"
              variant="secondary"
              reasonRequired={false}
              onSubmit={(reason) => unbanUserAction({ userId: user.id, reason })}
              onDone={done}
            />
          </>
        ) : isSelf ? (
          <p className="text-sm text-zinc-500">You cannot ban yourself.</p>
        ) : (
          <ReasonForm
            label="Ban…"
            confirmLabel="Ban now"
            extra={<UntilField label="Ban ends" />}
            onSubmit={(reason, form) => banUserAction({ userId: user.id, reason, until: untilOf(form) })}
            onDone={done}
          />
        )}
      </div>
      <div data-testid="mute-panel" className="space-y-2">
        <h2 className="text-sm font-semibold text-zinc-300">Chat</h2>
        {user.muted ? (
          <>
            <p data-testid="mute-state" className="text-sm text-zinc-300">
              Muted site-wide {ends(user.mutedUntil)}
            </p>
            <ReasonForm
              label="Unmute…"
              confirmLabel="Unmute"
              variant="secondary"
              reasonRequired={false}
              onSubmit={(reason) => unmuteUserAction({ userId: user.id, reason })}
              onDone={done}
            />
          </>
        ) : (
          <ReasonForm
            label="Mute site-wide…"
            confirmLabel="Mute now"
            extra={<UntilField label="Mute ends" />}
            onSubmit={(reason, form) => muteUserAction({ userId: user.id, reason, until: untilOf(form) })}
            onDone={done}
          />
        )}
      </div>
      <div data-testid="role-panel" className="space-y-2">
        <h2 className="text-sm font-semibold text-zinc-300">Role</h2>
        <p className="text-sm text-zinc-400">{user.role === "OPERATOR" ? "Operator" : "User"}</p>
        {user.role === "OPERATOR" ? (
          <ReasonForm
            label={isSelf ? "Step down as operator…" : "Remove operator role…"}
            confirmLabel="Remove operator role"
            variant="secondary"
            reasonRequired={false}
            onSubmit={(reason) => setUserRoleAction({ userId: user.id, role: "USER", reason })}
            onDone={done}
          />
        ) : (
          <ReasonForm
            label="Make operator…"
            confirmLabel="Make operator"
            variant="secondary"
            reasonRequired={false}
            onSubmit={(reason) => setUserRoleAction({ userId: user.id, role: "OPERATOR", reason })}
            onDone={done}
          />
        )}
      </div>
    </div>
  );
}
