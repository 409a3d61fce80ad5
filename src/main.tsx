import "./i18n/index.ts";
import "./ui/app/app.css";
import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
import { App } from "./ui/app/app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
