"use client";

import { useState } from "react";
import { goLiveAction } from "@/components/studio/actions";
import { CameraPreview, type DeviceChoice } from "@/components/studio/camera-preview";
import { DeviceSelect } from "@/components/studio/device-select";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useSchemaForm } from "@/components/ui/use-schema-form";
import { goLiveSchema, TITLE_MAX } from "@/lib/shows/schema";
import type { HostSession } from "@/components/studio/host-console";

export function GoLiveForm({ onLive }: { onLive: (session: HostSession) => void }) {
  const [devices, setDevices] = useState<DeviceChoice>({ videoDeviceId: "", audioDeviceId: "" });
  const { fields, setFields, formError, setFormError, check } = useSchemaForm(goLiveSchema);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const form = new FormData(event.currentTarget);
    const input = check({ title: form.get("title") ?? "", cover: form.get("cover") ?? undefined });
    if (!input) return;
    setPending(true);
    const result = await goLiveAction(input);
    setPending(false);
    if (!result.ok) {
      setFormError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    onLive({ connection: result.data, title: input.title, devices });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 md:grid-cols-[2fr_1fr]">
      <CameraPreview devices={devices} />
      <div className="space-y-4">
        <FormError message={formError} />
        <TextField label="Title" name="title" maxLength={TITLE_MAX} placeholder="What's your show about?" errors={fields.title} />
        <label className="block space-y-1">
          <span className="text-sm text-zinc-300">Cover image (optional)</span>
          <input
            type="file"
            name="cover"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            className="block w-full text-sm text-zinc-400 file:mr-3 file:rounded file:border-0 file:bg-zinc-800 file:px-3 file:py-1.5 file:text-zinc-100"
          />
          {fields.cover?.length ? (
            <span role="alert" className="block text-sm text-red-400">
              {fields.cover.join(" ")}
            </span>
          ) : null}
        </label>
        <DeviceSelect kind="videoinput" label="Camera" value={devices.videoDeviceId} onChange={(videoDeviceId) => setDevices((d) => ({ ...d, videoDeviceId }))} />
        <DeviceSelect kind="audioinput" label="Microphone" value={devices.audioDeviceId} onChange={(audioDeviceId) => setDevices((d) => ({ ...d, audioDeviceId }))} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Going live…" : "Go live"}
        </Button>
      </div>
    </form>
  );
}
