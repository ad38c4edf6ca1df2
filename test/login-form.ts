import type { AppServer } from "./app-server";

/*
 * The sign-in form posted as a browser without JavaScript posts it: the hidden fields React
 * renders for a server action (its id and key) plus the visible ones. The answer is the
 * re-rendered page (with the form's message) or a 303 after signing in.
 */

export interface FormAnswer {
  status: number;
  location: string | null;
  html: string;
}

async function formFields(server: AppServer): Promise<Array<[string, string]>> {
  const html = await (await fetch(server.url("/login"))).text();
  const decode = (value: string) => value.replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const hidden = [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)];
  if (hidden.length === 0) throw new Error("no server action fields on /login");
  return hidden.map((match) => [match[1] ?? "", decode(match[2] ?? "")]);
}

export async function postSignInForm(server: AppServer, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<FormAnswer> {
  const form = new FormData();
  for (const [name, value] of await formFields(server)) form.append(name, value);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(server.url("/login"), { method: "POST", body: form, redirect: "manual", headers: { origin: server.baseUrl(), ...headers } });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** The id of the sign-in action, for requests made the way the React client makes them. */
export async function signInActionId(server: AppServer): Promise<string> {
  const reference = (await formFields(server)).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  const id = reference ? (JSON.parse(reference[1]) as { id?: string }).id : undefined;
  if (!id) throw new Error("no sign-in action id on /login");
  return id;
}
