import http from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A published iCal address on a free local port, with the misbehaviours a real one can have:
 * a body that is not iCalendar, a feed far larger than allowed (made up as it is sent, so the
 * test never holds it in memory), and a server that accepts the connection and never answers.
 */

export type IcalServerMode =
  | { kind: "calendar" }
  | { kind: "huge"; bytes: number; declareLength: boolean }
  | { kind: "silent" }
  | { kind: "status"; status: number }
  | { kind: "redirect"; location: string };

export interface IcalServer {
  url: string;
  setBody(body: string): void;
  setMode(mode: IcalServerMode): void;
  /** Requests received so far, and how many of them were answered 304. */
  requests(): number;
  notModified(): number;
  close(): Promise<void>;
}

export async function startIcalServer(initialBody: string): Promise<IcalServer> {
  let body = initialBody;
  let version = 1;
  let mode: IcalServerMode = { kind: "calendar" };
  let requests = 0;
  let notModified = 0;

  const server = http.createServer((req, res) => {
    requests++;
    switch (mode.kind) {
      case "silent":
        return; // keep the socket open, say nothing
      case "status":
        res.writeHead(mode.status).end();
        return;
      case "redirect":
        res.writeHead(302, { location: mode.location }).end();
        return;
      case "huge":
        streamHugeCalendar(res, mode.bytes, mode.declareLength);
        return;
      case "calendar": {
        const etag = `"v${version}"`;
        if (req.headers["if-none-match"] === etag) {
          notModified++;
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { "content-type": "text/calendar; charset=utf-8", etag }).end(body);
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/calendar.ics`,
    setBody(next) {
      body = next;
      version++;
    },
    setMode(next) {
      mode = next;
    },
    requests: () => requests,
    notModified: () => notModified,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a valid-looking calendar of `bytes` bytes, chunk by chunk, honouring back-pressure and stopping when the client hangs up. */
function streamHugeCalendar(res: http.ServerResponse, bytes: number, declareLength: boolean) {
  const headers: http.OutgoingHttpHeaders = { "content-type": "text/calendar" };
  if (declareLength) headers["content-length"] = bytes;
  res.writeHead(200, headers);
  const head = Buffer.from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  const filler = Buffer.alloc(64 * 1024, "X-FILLER:0123456789abcdef\r\n");
  let sent = 0;
  let closed = false;
  res.on("close", () => {
    closed = true;
  });
  const pump = () => {
    while (!closed && sent < bytes) {
      const chunk = sent === 0 ? head : filler.subarray(0, Math.min(filler.length, bytes - sent));
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}
