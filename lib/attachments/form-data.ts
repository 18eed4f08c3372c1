import type { SourceFile } from "../events/evidence";
import { containsNul } from "../server/request-guard";
import type { UploadInput } from "./store";

/**
 * A form submission with files, as the evidence forms send it: the fields as JSON under
 * "payload", and each file under "file:<index of its source in the form's list>".
 */
export async function readEvidenceSubmission(formData: FormData): Promise<{ input: unknown; files: SourceFile[] }> {
  let input: unknown = null;
  const payload = formData.get("payload");
  if (typeof payload === "string") {
    try {
      input = JSON.parse(payload);
    } catch {
      input = null;
    }
    // A NUL is in no field's alphabet (PostgreSQL refuses it in text): the input is invalid.
    if (containsNul(input)) input = null;
  }
  const files: SourceFile[] = [];
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("file:") || typeof value === "string") continue;
    files.push({ sourceIndex: Number(key.slice(5)), file: await toUpload(value) });
  }
  return { input, files };
}

export async function toUpload(file: File): Promise<UploadInput> {
  return { filename: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}
