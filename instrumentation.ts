// Next.js calls register() once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startReconcileLoop } = await import("@/lib/shows/reconcile-loop");
    startReconcileLoop();
  }
}
