// Sharing without a server: the spec's files, deflated and base64url-encoded, in the URL's
// fragment (`#s=...`). Browsers never send the fragment to the server, so a shared link carries
// the spec to whoever opens it and nowhere else. Also: the zip of the generated files.
import { deflateSync, inflateSync, strFromU8, strToU8, zipSync } from "fflate";
import type { Artifact, SpecFile } from "./monctl";

const PREFIX = "s=";

export interface Shared {
  /** The example it started from (for the picker), if any. */
  example?: string;
  files: SpecFile[];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without `#`) that carries these files. */
export function encodeShare(shared: Shared): string {
  const payload = { v: 1, e: shared.example, f: shared.files.map((f) => [f.name, f.text]) };
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
}

/** The files a fragment carries, or null when it carries none (or is damaged). */
export function decodeShare(fragment: string): Shared | null {
  const text = fragment.replace(/^#/, "");
  if (!text.startsWith(PREFIX)) return null;
  try {
    const payload = JSON.parse(strFromU8(inflateSync(fromBase64Url(text.slice(PREFIX.length)))));
    if (payload?.v !== 1 || !Array.isArray(payload.f)) return null;
    const files: SpecFile[] = [];
    for (const entry of payload.f) {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string") return null;
      files.push({ name: entry[0], text: entry[1] });
    }
    if (files.length === 0) return null;
    return { example: typeof payload.e === "string" ? payload.e : undefined, files };
  } catch {
    return null;
  }
}

/** A zip of the generated files, paths kept (rules/x.yml stays in rules/). */
export function zipArtifacts(files: Artifact[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.path] = strToU8(f.content);
  return zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
