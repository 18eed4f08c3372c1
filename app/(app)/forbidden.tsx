import { ForbiddenNotice } from "@/components/auth/forbidden-notice";

// 403 for signed-in pages (forbidden() from a page or layout under app/(app)): shown inside the app's header.
export default function Forbidden() {
  return <ForbiddenNotice />;
}
