"use client";

import { useMemo, useState } from "react";
import { CheckboxField } from "@/components/settings/checkbox-field";
import { weekdayName } from "@/components/settings/format";
import { FieldErrorText } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors, type FormState } from "@/lib/forms/action-state";
import type { SettingsUser } from "@/lib/server/queries/users";

// Monday first, as people read a work week.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

interface UserFieldsProps {
  user: SettingsUser;
  /** The action's latest state, for the errors beside each field. */
  state: FormState;
}

/** Role, seat, permission, calendar, time zone and working hours of one user. */
export function UserFields({ user, state }: UserFieldsProps) {
  const [values, setValues] = useState(() => ({
    role: user.role,
    seatAssigned: user.seatAssigned,
    canScheduleForOthers: user.canScheduleForOthers,
    calendarConnected: user.calendarConnected,
    calendarSyncEnabled: user.calendarSyncEnabled,
    timeZone: user.timeZone,
    weekdays: user.workingHours.weekdays,
    start: user.workingHours.start,
    end: user.workingHours.end,
  }));
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));
  const timeZones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);

  return (
    <>
      <SelectField
        id="user-role"
        label="Role"
        name="role"
        value={values.role}
        onChange={(event) => set("role", event.target.value === "admin" ? "admin" : "member")}
        hint="Admins manage rotations, users and teams."
        errors={fieldErrors(state, "role")}
      >
        <option value="member">Member</option>
        <option value="admin">Admin</option>
      </SelectField>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">Access</legend>
        <CheckboxField label="Seat assigned" name="seatAssigned" checked={values.seatAssigned} onCheckedChange={(v) => set("seatAssigned", v)} description="Needed to take meetings and to book." />
        <CheckboxField
          label="Create scheduling pages for others"
          name="canScheduleForOthers"
          checked={values.canScheduleForOthers}
          onCheckedChange={(v) => set("canScheduleForOthers", v)}
          description="Lets them book through meeting rotations."
        />
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">Calendar</legend>
        <CheckboxField label="Calendar connected" name="calendarConnected" checked={values.calendarConnected} onCheckedChange={(v) => set("calendarConnected", v)} />
        <CheckboxField
          label="Calendar sync"
          name="calendarSyncEnabled"
          checked={values.calendarSyncEnabled}
          onCheckedChange={(v) => set("calendarSyncEnabled", v)}
          description="Rotation members need a connected calendar with sync on."
        />
      </fieldset>

      <TextField
        label="Time zone"
        name="timeZone"
        list="time-zone-names"
        value={values.timeZone}
        onChange={(event) => set("timeZone", event.target.value)}
        hint="A time zone name such as Europe/Paris."
        errors={fieldErrors(state, "timeZone")}
        autoComplete="off"
      />
      <datalist id="time-zone-names">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      <fieldset className="flex flex-col gap-3" aria-describedby={fieldErrors(state, "workingHours.weekdays") ? "weekdays-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">Working hours</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {WEEK.map((day) => (
            <label key={day} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                name="weekdays"
                value={day}
                checked={values.weekdays.includes(day)}
                onChange={(event) => set("weekdays", event.target.checked ? [...values.weekdays, day] : values.weekdays.filter((d) => d !== day))}
                className="size-4 accent-brand-600"
              />
              {weekdayName(day)}
            </label>
          ))}
        </div>
        <FieldErrorText id="weekdays-error" errors={fieldErrors(state, "workingHours.weekdays")} />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="Start time" name="start" value={values.start} onChange={(event) => set("start", event.target.value)} hint="24-hour, e.g. 09:00" errors={fieldErrors(state, "workingHours.start")} inputMode="numeric" />
          <TextField label="End time" name="end" value={values.end} onChange={(event) => set("end", event.target.value)} hint="e.g. 17:00; 24:00 for midnight" errors={fieldErrors(state, "workingHours.end")} inputMode="numeric" />
        </div>
      </fieldset>

    </>
  );
}
