// A rule's documentation (`monctl explain CODE`) as HTML: its explanation is short Markdown —
// paragraphs, `inline code`, "Bad:"/"Good:" labels and fenced examples — rendered without any
// HTML from the text itself (everything goes through textContent).
import type { CodeInfo } from "./monctl";

export function inline(text: string, into: HTMLElement) {
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
      const code = document.createElement("code");
      code.textContent = part.slice(1, -1);
      into.append(code);
    } else if (part) {
      into.append(part);
    }
  });
}

export function renderExplanation(rule: CodeInfo): HTMLElement {
  const root = document.createElement("article");
  const h = document.createElement("h2");
  h.append(Object.assign(document.createElement("span"), { className: "code", textContent: rule.code }), ` ${rule.name}`);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = `${rule.family} · default ${rule.severity}`;
  const summary = document.createElement("p");
  summary.className = "summary";
  inline(rule.summary, summary);
  root.append(h, meta, summary);
  const blocks = rule.explanation.split(/^```[\w-]*\n([\s\S]*?)^```\s*$/m);
  blocks.forEach((block, i) => {
    if (i % 2 === 1) {
      const pre = document.createElement("pre");
      pre.textContent = block.replace(/\n$/, "");
      root.append(pre);
      return;
    }
    for (const para of block.split(/\n\s*\n/)) {
      const text = para.trim();
      if (!text) continue;
      const p = document.createElement("p");
      inline(text, p);
      root.append(p);
    }
  });
  return root;
}
