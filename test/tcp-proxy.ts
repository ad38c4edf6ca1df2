import net from "node:net";

/*
 * A TCP proxy in front of PostgreSQL that a test can cut at a chosen byte: the driver sees
 * exactly what a dead network or a killed server looks like, at a moment the test picks,
 * without reaching into the driver.
 */

export type Direction = "to-server" | "to-client";

/** Seen for every chunk before it is forwarded. "cut" forwards the first half, then ends both sockets abruptly. */
export type ChunkRule = (chunk: { connection: number; direction: Direction; index: number }) => "forward" | "cut";

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  accepted(): number;
  setRule(rule: ChunkRule): void;
  /** Accept connections but never answer them (a host that has gone silent), until set back. */
  setSilent(silent: boolean): void;
  close(): Promise<void>;
}

const forwardAll: ChunkRule = () => "forward";

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let rule = forwardAll;
  let silent = false;
  let accepted = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const connection = accepted++;
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => {});
    if (silent) return;
    const upstream = net.connect(target);
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => {});
    const cutBoth = () => {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    };
    const counts: Record<Direction, number> = { "to-server": 0, "to-client": 0 };
    const pipe = (from: net.Socket, to: net.Socket, direction: Direction) => {
      from.on("data", (chunk: Buffer) => {
        if (to.destroyed) return;
        if (rule({ connection, direction, index: counts[direction]++ }) === "cut") {
          // Half a message reaches the other side, then the connection is gone.
          to.write(chunk.subarray(0, Math.floor(chunk.length / 2)), cutBoth);
          return;
        }
        to.write(chunk);
      });
      from.on("close", () => to.destroy());
    };
    pipe(client, upstream, "to-server");
    pipe(upstream, client, "to-client");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy has no port");
  return {
    port: address.port,
    accepted: () => accepted,
    setRule: (next) => (rule = next),
    setSilent: (next) => (silent = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
