"use client";

import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps>;

/** A labelled input whose errors are announced with it (aria-describedby, aria-invalid) and go once it is edited. */
export function TextField({ label, errors, hint, id, className, onChange, ...input }: TextFieldProps) {
  return (
    <Field
      {...{ label, errors, hint, id, className }}
      control={(control, edited) => (
        <input
          {...control}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 aria-invalid:border-red-500"
          {...input}
          onChange={(event) => {
            edited();
            onChange?.(event);
          }}
        />
      )}
    />
  );
}
