import { AsyncLocalStorage } from "node:async_hooks";
import { expect, it } from "vitest";
import { captureRootContext, runDetached } from "./detached";

it("runs batches outside the request that started them: a request's async context does not reach them", async () => {
  const request = new AsyncLocalStorage<string>();
  captureRootContext(); // here no request runs, as at server start
  const seen = await request.run("rep A's request", async () => {
    const inRequest = request.getStore();
    const inBatch = await runDetached(async () => {
      await Promise.resolve();
      return request.getStore();
    });
    return { inRequest, inBatch, afterBatch: request.getStore() };
  });
  expect(seen).toEqual({ inRequest: "rep A's request", inBatch: undefined, afterBatch: "rep A's request" });
});
