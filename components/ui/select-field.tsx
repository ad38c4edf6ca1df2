"use client";

import type { SelectHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof FieldProps>;

/** A labelled native select, its options as children; errors announced with it, gone once it is changed. */
export function SelectField({ label, errors, hint, id, className, children, onChange, ...select }: SelectFieldProps) {
  return (
    <Field
      {...{ label, errors, hint, id, className }}
      control={(control, edited) => (
        <select
          {...control}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500"
          {...select}
          onChange={(event) => {
            edited();
            onChange?.(event);
          }}
        >
          {children}
        </select>
      )}
    />
  );
}
