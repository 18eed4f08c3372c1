import type { Metadata } from "next";
import { PublicShell } from "@/components/public/public-shell";
import { publicOrigin } from "@/lib/public/origin";

export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: new URL(await publicOrigin()), openGraph: { siteName: "Avtalsregistret", locale: "sv_SE" } };
}

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
