export type RunningEmulator = { url: string; close(): unknown };

type EmulatorOptions = {
  port: number;
  dataDir: string | null;
  /** Worker threads for queries, as the standalone server uses (0: run them in this process). */
  workers?: number;
};

type EmulatorModule = {
  startEmulator?: (options: EmulatorOptions) => Promise<RunningEmulator>;
};

// The workspace package is loaded at run time so the app's type-check never depends
// on the emulator's sources (they are typed and tested in their own package).
export async function startLocalEmulator(options: EmulatorOptions) {
  const specifier = "fauna-emulator";
  const emulator = (await import(specifier)) as EmulatorModule;
  if (typeof emulator.startEmulator !== "function") {
    throw new Error("The fauna-emulator package does not export startEmulator().");
  }
  return emulator.startEmulator(options);
}

// Resolves once `GET /ping` answers, for Faunas started elsewhere.
export async function waitForFauna(endpoint: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(new URL("/ping", endpoint));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`No Fauna answered at ${endpoint}/ping`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
