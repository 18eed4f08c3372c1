import type { MetadataRoute } from "next";
import { publicOrigin } from "@/lib/public/origin";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await publicOrigin();
  return {
    rules: [{ userAgent: "*", allow: ["/", "/avtal", "/organisationer", "/statistik", "/data"], disallow: ["/api/", "/login", "/agreements", "/dashboard", "/admin", "/inbaddning"] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
