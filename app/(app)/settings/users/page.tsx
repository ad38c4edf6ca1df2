import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { CalendarStateText } from "@/components/settings/calendar-state";
import { formatWorkingHours, plural } from "@/components/settings/format";
import { ListSearch, NoMatch, Pager } from "@/components/settings/list-search";
import { mustSucceed } from "@/components/settings/must-succeed";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { canManageRotations } from "@/lib/domain/permissions";
import { getDb } from "@/lib/server/db";
import { listQuerySchema, listUsersPage } from "@/lib/server/queries/users";
import { requirePageActor } from "@/lib/server/session";
import { EditUserButton } from "./edit-user-button";
import { UserActiveButton } from "./user-active-button";

export const metadata: Metadata = { title: "Users" };

function YesNo({ value, yes, no }: { value: boolean; yes: string; no: string }) {
  return <span className={value ? "text-slate-900" : "text-slate-600"}>{value ? yes : no}</span>;
}

const PATH = "/settings/users";

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  if (!canManageRotations(actor)) forbidden();
  const query = listQuerySchema.parse(await searchParams);
  const { users, window, organisation } = mustSucceed(await listUsersPage(await getDb(), actor, query));

  return (
    <SettingsFrame>
      <SettingsHeader
        title="Users"
        description={`${organisation.active.toLocaleString("en-US")} active of ${organisation.total.toLocaleString("en-US")}. Rotation members need a seat and a connected calendar with sync on.`}
      />
      <ListSearch action={PATH} label="Search users" query={query.q} placeholder="Name or email" />
      {users.length === 0 && query.q ? <NoMatch what="users" query={query.q} path={PATH} /> : <Pager path={PATH} query={query.q} window={window} label="Users pages" />}
      {users.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-3">User</th>
                <th scope="col" className="px-3 py-3">Role</th>
                <th scope="col" className="px-3 py-3">Access</th>
                <th scope="col" className="px-3 py-3">Calendar</th>
                <th scope="col" className="px-3 py-3">Time zone and hours</th>
                <th scope="col" className="px-3 py-3">Rotations</th>
                <th scope="col" className="px-3 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <tr key={user.id} className={user.active ? "" : "bg-slate-50 text-slate-600"}>
                  <th scope="row" className="px-3 py-3 text-left font-normal">
                    <span className="flex items-center gap-2 whitespace-nowrap">
                      <span className="font-medium text-slate-900">{user.name}</span>
                      {user.id === actor.id && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">You</span>}
                      {!user.active && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Inactive</span>}
                    </span>
                    <span className="block text-xs text-slate-600">{user.email}</span>
                    {user.teams.length > 0 && <span className="block text-xs text-slate-600">{user.teams.join(", ")}</span>}
                  </th>
                  <td className="px-3 py-3">{user.role === "admin" ? "Admin" : "Member"}</td>
                  <td className="px-3 py-3 whitespace-nowrap">
                    <span className="block">
                      <YesNo value={user.seatAssigned} yes="Seat assigned" no="No seat" />
                    </span>
                    <span className="block text-xs">
                      <YesNo value={user.canScheduleForOthers} yes="Schedules for others" no="Own meetings" />
                    </span>
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap">
                    <CalendarStateText state={user.calendar} timeZone={actor.timeZone} />
                  </td>
                  <td className="px-3 py-3">
                    <span className="block">{user.timeZone}</span>
                    <span className="block text-xs text-slate-600">{formatWorkingHours(user.workingHours)}</span>
                  </td>
                  <td className="min-w-40 px-3 py-3">
                    {user.ineligibleText ? <span className="text-amber-900">Not eligible: {user.ineligibleText.toLowerCase()}</span> : <span className="text-emerald-800">Eligible</span>}
                    <span className="block text-xs text-slate-600">In {plural(user.rotationCount, "rotation")}</span>
                  </td>
                  <td className="px-3 py-3">
                    <span className="flex justify-end gap-1 whitespace-nowrap">
                      <EditUserButton user={user} />
                      {user.id !== actor.id && <UserActiveButton userId={user.id} name={user.name} active={user.active} />}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsFrame>
  );
}
