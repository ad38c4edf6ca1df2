import { useId, type ReactNode } from "react";

export interface FieldProps {
  label: string;
  errors?: string[];
  hint?: string;
  id?: string;
  className?: string;
}

/** What a field's control needs to be tied to its label, hint and errors. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A label, a control, a hint and the errors, tied together so assistive technology announces
 * them with the control (aria-describedby, aria-invalid). TextField and SelectField use it.
 */
export function Field({ label, errors, hint, id, className = "", control }: FieldProps & { control: (props: ControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id: controlId, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
