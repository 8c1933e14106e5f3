// A TCP relay in front of the stack's Fauna that a spec can cut, as if the database
// process died: open connections drop mid-query and new ones are accepted and dropped.
// (The fauna driver 2.5 never settles a query whose connection goes like that.)
import { createServer, connect, type AddressInfo, type Socket } from "node:net";

export type FaunaSwitch = {
  url: string;
  down(): void;
  up(): void;
  close(): Promise<void>;
};

export async function startFaunaSwitch(faunaEndpoint: string): Promise<FaunaSwitch> {
  const target = new URL(faunaEndpoint);
  const open = new Set<Socket>();
  let isUp = true;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const server = createServer((client) => {
    track(client);
    if (!isUp) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    down() {
      isUp = false;
      for (const socket of open) socket.destroy();
    },
    up() {
      isUp = true;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
