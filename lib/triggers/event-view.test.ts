import { describe, expect, it } from "vitest";
import { eventView } from "./event-view";

const event = (type: string, payload: unknown) => ({ id: "e1", companyId: "c1", type, entity: "TaskExecution", entityId: "x1", payload, depth: 0, createdAt: new Date("2030-01-08T10:00:00Z") });

describe("eventView link_to_task", () => {
  it("links a flow's task event to its request when the app URL is known", () => {
    const view = eventView(event("TASK_COMPLETED", { instanceId: "i1", data: { amount: 12000 } }), { appUrl: "https://erp.example.com/" });
    expect(view.scope).toMatchObject({ amount: 12000, link_to_task: "https://erp.example.com/instances/i1" });
  });

  it("adds no link without an instance or without the app URL, and never to webhook payloads", () => {
    expect(eventView(event("TASK_COMPLETED", { data: { amount: 1 } }), { appUrl: "https://erp.example.com" }).scope).not.toHaveProperty("link_to_task");
    expect(eventView(event("TASK_COMPLETED", { instanceId: "i1", data: {} })).scope).not.toHaveProperty("link_to_task");
    expect(eventView(event("WEBHOOK_RECEIVED", { instanceId: "i1", body: { a: 1 } }), { appUrl: "https://erp.example.com" }).scope).toEqual({ payload: { a: 1 }, event: expect.any(Object) });
  });
});
