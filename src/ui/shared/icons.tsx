/**
 * Icons used across the app: inline SVG (no emoji, which render as empty boxes without an emoji
 * font), hidden from assistive technology; the control or a visible text carries the name.
 */
const base = {
  viewBox: "0 0 16 16",
  width: 14,
  height: 14,
  "aria-hidden": true,
  focusable: false,
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.6,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

export function TrashIcon() {
  return (
    <svg {...base}>
      <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
    </svg>
  );
}

export function MagnifierIcon() {
  return (
    <svg {...base}>
      <circle cx="6.8" cy="6.8" r="4.3" />
      <path d="m10 10 4 4" />
    </svg>
  );
}

export function PencilIcon() {
  return (
    <svg {...base}>
      <path d="M10.8 2.7a1.6 1.6 0 0 1 2.3 2.3L5.5 12.6 2.5 13.5l.9-3z" />
    </svg>
  );
}

export function LockIcon() {
  return (
    <svg {...base}>
      <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
