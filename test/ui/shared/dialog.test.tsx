import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { Dialog } from "../../../src/ui/shared/dialog.tsx";

function Host({ onClose }: { onClose: () => void }) {
  const [n, setN] = useState(0);
  // A new onClose on every render, as callers write `onClose={() => setDialog(null)}`.
  return (
    <Dialog title="T" onClose={() => onClose()}>
      <button type="button" onClick={() => setN(n + 1)}>
        {`renders ${n}`}
      </button>
    </Dialog>
  );
}

describe("dialog", () => {
  it("opens once however often its parent re-renders, and Esc calls the latest onClose", () => {
    const showModal = vi.fn(function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    });
    const close = vi.fn(function (this: HTMLDialogElement) {
      this.removeAttribute("open");
    });
    Object.assign(HTMLDialogElement.prototype, { showModal, close });
    const onClose = vi.fn();
    render(<Host onClose={onClose} />);
    fireEvent.click(screen.getByRole("button", { name: "renders 0" }));
    fireEvent.click(screen.getByRole("button", { name: "renders 1" }));
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
    fireEvent(
      screen.getByRole("dialog", { hidden: true }),
      new Event("cancel", { cancelable: true }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
