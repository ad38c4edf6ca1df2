import { useId } from "react";

interface CheckboxFieldProps {
  label: string;
  name: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  description?: string;
  errors?: string[];
}

/** A labelled checkbox with an optional description and errors tied to it. */
export function CheckboxField({ label, name, checked, onCheckedChange, description, errors }: CheckboxFieldProps) {
  const id = useId();
  const describedBy = [description ? `${id}-description` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        className="mt-0.5 size-4 rounded border-slate-400 accent-brand-600"
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-800">
          {label}
        </label>
        {description && (
          <p id={`${id}-description`} className="text-slate-600">
            {description}
          </p>
        )}
        {errors?.length ? (
          <p id={`${id}-error`} className="text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
