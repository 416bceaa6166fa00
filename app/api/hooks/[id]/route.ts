import { problemFromError } from "@/lib/http/problem";
import { receiveWebhook } from "@/lib/triggers/inbound";

export const dynamic = "force-dynamic";

/** Inbound webhook of one trigger; authenticated by its Standard Webhooks signature, not a session. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    const received = await receiveWebhook(id, request);
    return Response.json({ accepted: true, duplicate: received.duplicate }, { status: 202 });
  } catch (error) {
    return problemFromError(error, new URL(request.url).pathname);
  }
}
