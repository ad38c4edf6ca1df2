"use client";

import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { NOT_EDITED, visibleErrors } from "./field-errors";

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
 * The form's latest answer (its action state), which the errors of every field inside belong
 * to. A form gives it so that an error hidden by an edit comes back when the next answer
 * repeats it word for word. Without one, a field goes by its form's submit event and by its
 * errors' wording instead.
 */
const FormAnswerContext = createContext<unknown>(undefined);

export function FormAnswer({ value, children }: { value: unknown; children: ReactNode }) {
  return <FormAnswerContext value={value}>{children}</FormAnswerContext>;
}

/**
 * A field's errors as they should show now, `edited` to call on every change by the person,
 * and `wrapper` for the element around the field (to find its form without a FormAnswer).
 */
export function useFieldErrors(errors: readonly string[] | undefined) {
  const formAnswer = useContext(FormAnswerContext);
  const [submissions, setSubmissions] = useState(0);
  // Without a form's answer, a submit or different errors count as a new answer.
  const answer = formAnswer ?? `${submissions}|${errors?.join("\n") ?? ""}`;
  const [editedAfter, setEditedAfter] = useState<unknown>(NOT_EDITED);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (formAnswer !== undefined) return;
    const form = wrapper.current?.closest("form");
    if (!form) return;
    const submitted = () => setSubmissions((n) => n + 1);
    form.addEventListener("submit", submitted);
    return () => form.removeEventListener("submit", submitted);
  }, [formAnswer]);

  return { shown: visibleErrors(errors, answer, editedAfter), edited: () => setEditedAfter(answer), wrapper };
}

/**
 * A label, a control, a hint and the errors, tied together so assistive technology announces
 * them with the control (aria-describedby, aria-invalid). TextField and SelectField use it and
 * call `edited` on every change: an error goes as soon as the person edits its field.
 */
export function Field({ label, errors, hint, id, className = "", control }: FieldProps & { control: (props: ControlProps, edited: () => void) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const { shown, edited, wrapper } = useFieldErrors(errors);
  const describedBy = [shown ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div ref={wrapper} className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({ id: controlId, "aria-invalid": shown ? true : undefined, "aria-describedby": describedBy }, edited)}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldErrorText id={errorId} errors={shown} />
    </div>
  );
}

/** A field's errors under it, with the id its control names in aria-describedby; nothing without any. */
export function FieldErrorText({ id, errors }: { id: string; errors: readonly string[] | undefined | null }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}
