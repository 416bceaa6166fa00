"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TFieldControlProps } from "@/components/forms/renderer/types";
import { uploadFiles } from "./upload";

// A signature drawn with pointer events (mouse, pen, finger) on a canvas, uploaded as a PNG when
// the person pauses; the value is the uploaded file's id. "Clear" starts over. Without a pointer
// (keyboard, switch access), the name can be typed instead: it is drawn in a script style onto the
// same canvas and stored the same way.

const UPLOAD_DELAY_MS = 700;

export function SignatureField({ id, value, onChange, onBlur, invalid, describedBy, disabled, field, onFileUploaded }: TFieldControlProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const hasValue = typeof value === "string" && value !== "";

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Match the bitmap to the displayed size so strokes are not blurred or offset.
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = element.clientHeight * ratio;
    const context = element.getContext("2d");
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 2.2;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#0f172a";
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  function save() {
    canvas.current?.toBlob(async (blob) => {
      if (!blob) return;
      setStatus("Saving signature…");
      const result = await uploadFiles([blob]);
      if (!result.ok) return setStatus(result.error);
      const file = result.files[0]!;
      onFileUploaded(file.id, file);
      onChange(file.id);
      onBlur();
      setStatus("Signature saved");
    }, "image/png");
  }

  function signTyped() {
    const element = canvas.current;
    const context = element?.getContext("2d");
    const name = typed.trim();
    if (!element || !context || !name) return;
    const width = element.clientWidth;
    const height = element.clientHeight;
    context.clearRect(0, 0, width, height);
    context.save();
    context.fillStyle = "#0f172a";
    context.font = `italic ${Math.min(48, Math.floor((width * 1.6) / Math.max(name.length, 4)))}px "Brush Script MT", "Segoe Script", cursive, serif`;
    context.textBaseline = "middle";
    context.fillText(name, 16, height / 2, width - 32);
    context.restore();
    save();
  }

  function clear() {
    const element = canvas.current;
    element?.getContext("2d")?.clearRect(0, 0, element.width, element.height);
    onChange("");
    setStatus(null);
  }

  return (
    <div className="space-y-2">
      <canvas
        ref={canvas}
        id={id}
        tabIndex={0}
        role="img"
        aria-label={`Signature pad for ${field.label}. Draw with a mouse, pen or finger, or type your name below.`}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`h-40 w-full touch-none rounded-md border bg-white ${invalid ? "border-red-500" : "border-slate-300"} ${disabled ? "pointer-events-none opacity-60" : "cursor-crosshair"}`}
        onPointerDown={(event) => {
          if (disabled) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drawing.current = true;
          if (timer.current) clearTimeout(timer.current);
          const context = event.currentTarget.getContext("2d")!;
          const { x, y } = point(event);
          context.beginPath();
          context.moveTo(x, y);
          context.lineTo(x + 0.1, y + 0.1);
          context.stroke();
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return;
          const context = event.currentTarget.getContext("2d")!;
          const { x, y } = point(event);
          context.lineTo(x, y);
          context.stroke();
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          timer.current = setTimeout(save, UPLOAD_DELAY_MS);
        }}
      />
      {disabled ? null : (
        <div className="flex flex-wrap items-end gap-2">
          <label className="min-w-0 flex-1 text-xs text-slate-600">
            Or type your full name to sign
            <input
              type="text"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault(); // signs, never submits the form
                  signTyped();
                }
              }}
              maxLength={80}
              autoComplete="name"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-900"
            />
          </label>
          <Button type="button" variant="secondary" onClick={signTyped} disabled={!typed.trim()} className="px-3 py-1.5">
            Sign with typed name
          </Button>
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button type="button" variant="secondary" onClick={clear} disabled={disabled} className="px-3 py-1.5">
          Clear signature
        </Button>
        <span className="text-xs text-slate-500" role="status">
          {status ?? (hasValue ? "Signature saved" : "")}
        </span>
      </div>
    </div>
  );
}
