import type { Metadata } from "next";
import Link from "next/link";
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
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: actor.timeZone });
  const when = (date: Date | null, never: string) => (date ? format.format(date) : never);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600">
            <Link href="/settings" className="hover:underline">
              Settings
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">API tokens</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            A personal API token lets a script or integration use the <a className="underline" href="/api/v1/openapi.json">JSON API</a> as you, with your
            permissions. Send it as <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>. Each token is shown once, when you create it.
          </p>
        </div>
        <CreateToken />
      </div>
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">You have no API tokens yet.</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Name</th>
              <th scope="col" className="px-4 py-2 font-medium">Token</th>
              <th scope="col" className="px-4 py-2 font-medium">Created</th>
              <th scope="col" className="px-4 py-2 font-medium">Last used</th>
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
    </div>
  );
}

function TokenRow({ token, created, lastUsed, revoked }: { token: ApiTokenSummary; created: string; lastUsed: string; revoked: string }) {
  return (
    <tr className={`border-t border-slate-200 ${token.revokedAt ? "text-slate-500" : ""}`}>
      <th scope="row" className="px-4 py-2 font-medium">
        {token.name}
      </th>
      <td className="px-4 py-2 font-mono">{token.prefix}…</td>
      <td className="px-4 py-2">{created}</td>
      <td className="px-4 py-2">{lastUsed}</td>
      <td className="px-4 py-2 text-right">{token.revokedAt ? <span>Revoked {revoked}</span> : <RevokeToken tokenId={token.id} name={token.name} />}</td>
    </tr>
  );
}
