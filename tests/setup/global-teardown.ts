export default async function globalTeardown(): Promise<void> {
  const { embeddedPostgres } = globalThis as { embeddedPostgres?: { stop(): Promise<void> } };
  await embeddedPostgres?.stop();
}
