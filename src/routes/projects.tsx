import { ProjectsPage } from "@/features/projects/components/projects-page";

/** `/projects`: the studio's projects, each opening its shot board. */
export function ProjectsRoute() {
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading" className="mb-4 text-base font-semibold">
        Projects
      </h2>
      <ProjectsPage />
    </section>
  );
}
