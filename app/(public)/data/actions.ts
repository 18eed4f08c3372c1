"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/auth/action";
import { publicOrigin } from "@/lib/public/origin";
import { publishRelease, type PublishReleaseResult } from "@/lib/public/publish-release";

export const publishReleaseAction = guardedAction("release.publish", async (ctx, input: unknown): Promise<PublishReleaseResult> => {
  const result = await publishRelease({ ctx, input, origin: await publicOrigin() });
  if (result.ok) revalidatePath("/data", "layout");
  return result;
});
