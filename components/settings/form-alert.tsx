/** A form-level error, announced when it appears. Field errors sit beside their inputs. */
export function FormAlert({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
