"use client";

import { useState } from "react";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/** Client-side check with the same schema the server uses, for instant feedback. */
export function useSchemaForm<S extends z.ZodType>(schema: S) {
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function check(values: unknown): z.output<S> | null {
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setFields({});
      return parsed.data;
    }
    const next: FieldErrors = {};
    for (const issue of parsed.error.issues) (next[issue.path.join(".")] ??= []).push(issue.message);
    setFields(next);
    return null;
  }

  return { fields, setFields, formError, setFormError, check };
}
