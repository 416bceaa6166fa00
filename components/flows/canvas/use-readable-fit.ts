"use client";

import { useNodesInitialized, useReactFlow, useStoreApi, type Viewport } from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import { NODE_SIZE } from "@/lib/flows/canvas/auto-layout";
import { FIT_PADDING, nodesToFit, READABLE_ZOOM } from "@/lib/flows/canvas/fit";

export const FIT_VIEW_OPTIONS = { padding: FIT_PADDING, maxZoom: 1 };

type Cause = "user" | "initial-fit";

/**
 * Fit view that keeps cards readable (the whole flow, or its start when the whole would be too small;
 * see lib/flows/canvas/fit.ts), run once when the nodes are first measured unless `skipInitial` (a
 * saved view), and by the returned handler for the Fit view button. `onFitted` hears the new view.
 */
export function useReadableFit(skipInitial: boolean, onFitted?: (viewport: Viewport, cause: Cause) => void) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const heard = useRef(onFitted);
  heard.current = onFitted;
  const fit = useCallback(
    async (cause: Cause) => {
      const { width, height } = store.getState();
      const boxes = flow.getNodes().map((node) => ({ id: node.id, x: node.position.x, y: node.position.y, width: node.measured?.width ?? NODE_SIZE.level.width, height: node.measured?.height ?? NODE_SIZE.level.height }));
      const ids = nodesToFit(boxes, { width, height }, READABLE_ZOOM, FIT_PADDING);
      await flow.fitView({ ...FIT_VIEW_OPTIONS, minZoom: READABLE_ZOOM, ...(ids ? { nodes: ids.map((id) => ({ id })) } : {}) });
      heard.current?.(flow.getViewport(), cause);
    },
    [flow, store],
  );
  const initialized = useNodesInitialized();
  const fitted = useRef(skipInitial);
  useEffect(() => {
    if (!initialized || fitted.current) return;
    fitted.current = true;
    void fit("initial-fit");
  }, [initialized, fit]);
  return useCallback(() => void fit("user"), [fit]);
}
