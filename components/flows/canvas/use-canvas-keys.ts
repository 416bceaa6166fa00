"use client";

import { useEffect, useRef } from "react";

// The canvas's keyboard shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+C/V
// copy and paste the selected levels, Delete/Backspace delete the selection. Typing in a field (or a
// dialog) keeps the browser's own meaning of these keys. (React Flow's own delete key tracks a
// pressed state across renders and can miss a quick press; this acts on the keydown itself.)

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || Boolean(target.closest("dialog")));

export function useCanvasKeys(actions: { undo: () => void; redo: () => void; copy: () => void; paste: () => void; remove: () => void }) {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || isTyping(event.target)) return;
      if ((event.key === "Delete" || event.key === "Backspace") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        latest.current.remove();
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const action = key === "z" ? (event.shiftKey ? "redo" : "undo") : key === "y" ? "redo" : key === "c" ? "copy" : key === "v" ? "paste" : null;
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
