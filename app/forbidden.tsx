import { NotAllowed } from "@/components/settings/not-allowed";

// Rendered inside the signed-in layout (which provides <main>), hence a plain wrapper.
export default function Forbidden() {
  return (
    <div className="px-4 py-16">
      <NotAllowed />
    </div>
  );
}
