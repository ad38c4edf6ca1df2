import type { Metadata } from "next";
import { SettingsFrame, SettingsHeader } from "@/components/settings/settings-frame";
import { formatDateTime } from "@/lib/domain/format-time";
import { getDb } from "@/lib/server/db";
import { listApiTokens, type ApiTokenSummary } from "@/lib/server/queries/api-tokens";
import { requirePageActor } from "@/lib/server/session";
import { CreateToken } from "./create-token";
import { RevokeToken } from "./revoke-token";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const actor = await requirePageActor();
  const tokens = await listApiTokens(await getDb(), actor);
  // Formatted here, in the person's own zone, so server and browser render the same text.
  const when = (date: Date | null, never: string) => (date ? formatDateTime(date, actor.timeZone) : never);

  return (
    <SettingsFrame>
      <SettingsHeader
        title="API tokens"
        description={
          <p className="max-w-2xl">
            A personal API token lets a script or integration use the <a className="underline" href="/api/v1/openapi.json">JSON API</a> as you, with your
            permissions. Send it as <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. Each token is shown once, when you create it. Times
            in your time zone, {actor.timeZone}.
          </p>
        }
        actions={<CreateToken />}
      />
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">You have no API tokens yet.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Token</th>
              <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Created</th>
              <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Last used</th>
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} created={when(token.createdAt, "")} lastUsed={when(token.lastUsedAt, "Never")} revoked={when(token.revokedAt, "")} />
            ))}
          </tbody>
        </table>
      )}
    </SettingsFrame>
  );
}

function TokenRow({ token, created, lastUsed, revoked }: { token: ApiTokenSummary; created: string; lastUsed: string; revoked: string }) {
  return (
    <tr className={`border-t border-slate-200 ${token.revokedAt ? "text-slate-500" : ""}`}>
      <th scope="row" className="px-4 py-2 align-top font-medium break-words">
        {token.name}
        {/* On a phone the columns beside the name would not fit: their facts go under it. */}
        <span className="block text-xs font-normal text-slate-600 md:hidden">
          <span className="font-mono sm:hidden">{token.prefix}… · </span>
          Created {created} · Last used {lastUsed === "Never" ? "never" : lastUsed}
        </span>
      </th>
      <td className="hidden px-4 py-2 align-top font-mono sm:table-cell">{token.prefix}…</td>
      <td className="hidden px-4 py-2 align-top md:table-cell">{created}</td>
      <td className="hidden px-4 py-2 align-top md:table-cell">{lastUsed}</td>
      <td className="px-4 py-2 text-right align-top">{token.revokedAt ? <span>Revoked {revoked}</span> : <RevokeToken tokenId={token.id} name={token.name} />}</td>
    </tr>
  );
}
