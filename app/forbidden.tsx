import { NotAllowed } from "@/components/settings/not-allowed";

export default function Forbidden() {
  return (
    <main className="px-4 py-24">
      <NotAllowed />
    </main>
  );
}
