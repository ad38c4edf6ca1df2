"use client";

import { FieldErrorText } from "@/components/ui/field";

interface WeightsFieldsetProps {
  /** `ineligible` members keep a weight but get no share while they cannot be proposed (R8w). */
  members: Array<{ id: string; name: string; ineligible: boolean }>;
  /** As typed, so a half-typed number is not rewritten under the cursor. */
  weights: Record<string, string>;
  onWeightChange: (userId: string, value: string) => void;
  errors?: string[];
}

const DEFAULT_WEIGHT = "1";

/** One whole-number weight per member (R8w); the share each weight gives is shown beside it. */
export function WeightsFieldset({ members, weights, onWeightChange, errors }: WeightsFieldsetProps) {
  const valueOf = (id: string) => weights[id] ?? DEFAULT_WEIGHT;
  const numbers = members.map((m) => (m.ineligible ? 0 : Number.parseInt(valueOf(m.id), 10))).map((n) => (Number.isFinite(n) && n > 0 ? n : 0));
  const total = numbers.reduce((sum, n) => sum + n, 0);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors?.length ? "weights-error" : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">Weights</legend>
      {members.length === 0 ? (
        <p className="text-sm text-slate-600">Choose members to give them weights.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {members.map((member, i) => {
            const inputId = `weight-${member.id}`;
            const share = member.ineligible ? "—" : `${total > 0 ? Math.round(((numbers[i] ?? 0) / total) * 100) : 0}%`;
            return (
              <li key={member.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <label htmlFor={inputId} className="min-w-0 truncate">
                  <span className="sr-only">Weight for </span>
                  {member.name}
                </label>
                <span className="flex items-center gap-3">
                  <span className="w-12 text-right text-xs text-slate-600">{share}</span>
                  <input
                    id={inputId}
                    name={`weight:${member.id}`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1000}
                    step={1}
                    value={valueOf(member.id)}
                    onChange={(event) => onWeightChange(member.id, event.target.value)}
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right text-sm shadow-sm"
                  />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <FieldErrorText id="weights-error" errors={errors} />
    </fieldset>
  );
}
