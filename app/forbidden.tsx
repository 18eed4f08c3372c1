import { ForbiddenNotice } from "@/components/auth/forbidden-notice";

// 403 for anything outside the signed-in layout.
export default function Forbidden() {
  return (
    <main id="main">
      <ForbiddenNotice />
    </main>
  );
}
