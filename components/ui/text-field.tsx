import type { InputHTMLAttributes } from "react";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[] };

/** A labelled input with its validation messages underneath. */
export function TextField({ label, name, errors, ...props }: TextFieldProps) {
  const errorId = `${name}-error`;
  return (
    <label className="block space-y-1">
      <span className="text-sm text-zinc-300">{label}</span>
      <input
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="w-full rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-zinc-100 outline-none focus:border-brand"
        {...props}
      />
      {errors?.length ? (
        <span id={errorId} role="alert" className="block text-sm text-red-400">
          {errors.join(" ")}
        </span>
      ) : null}
    </label>
  );
}
