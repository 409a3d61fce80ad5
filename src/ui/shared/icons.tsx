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

export function PersonIcon() {
  return (
    <svg {...base}>
      <circle cx="8" cy="5.5" r="2.8" />
      <path d="M2.5 14c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5" />
    </svg>
  );
}

export function ShareIcon() {
  return (
    <svg {...base}>
      <circle cx="12" cy="3.5" r="1.8" />
      <circle cx="4" cy="8" r="1.8" />
      <circle cx="12" cy="12.5" r="1.8" />
      <path d="M5.6 7.1 10.4 4.4M5.6 8.9l4.8 2.7" />
    </svg>
  );
}

export function TeamIcon() {
  return (
    <svg {...base}>
      <circle cx="5.5" cy="5.5" r="2.2" />
      <circle cx="11" cy="6" r="1.8" />
      <path d="M1.5 13.5c.4-2.5 2-3.8 4-3.8s3.6 1.3 4 3.8M10 9.8c2 0 3.6 1 4 3.2" />
    </svg>
  );
}

export function CopyIcon() {
  return (
    <svg {...base}>
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" />
    </svg>
  );
}

export function ChevronIcon() {
  return (
    <svg {...base} width={10} height={10}>
      <path d="m4 6 4 4 4-4" />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg {...base}>
      <path d="M8 2 14.5 13.5h-13z" />
      <path d="M8 6.5v3M8 11.6v.1" />
    </svg>
  );
}
