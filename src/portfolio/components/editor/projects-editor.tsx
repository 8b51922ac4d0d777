'use client';

import { emptyProject, type DraftProject } from './draft';
import { bindFields, DraftField } from './draft-field';
import { ItemList } from './item-list';
import { TagsInput } from './tags-input';

type ProjectsEditorProps = { projects: DraftProject[]; onChange: (projects: DraftProject[]) => void };

export function ProjectsEditor({ projects, onChange }: ProjectsEditorProps) {
  return (
    <ItemList
      value={projects}
      onChange={onChange}
      path="projects"
      noun="project"
      describe={(project) => project.name}
      summary={(project) => [project.year, project.techStack.join(', ')].filter(Boolean).join(' · ')}
      create={emptyProject}
      testId="project-item"
      addTestId="add-project"
      max={200}
      emptyText="No projects yet."
    >
      {(project, index, update) => {
        const field = bindFields(`projects.${index}`, project, update);
        return (
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <DraftField {...field('name')} label="Name" required />
            <DraftField {...field('year')} label="Year" placeholder="2024" />
            <DraftField {...field('description')} className="sm:col-span-2" label="Description" required multiline rows={3} />
            <div className="sm:col-span-2">
              <TagsInput {...field('techStack')} label="Technologies" placeholder="Type a technology and press Enter" testId="project-tech-input" />
            </div>
            <DraftField {...field('url')} className="sm:col-span-2" label="Website" type="url" placeholder="https://" />
            <DraftField {...field('repoUrl')} className="sm:col-span-2" label="Source code" type="url" placeholder="https://github.com/…" />
          </div>
        );
      }}
    </ItemList>
  );
}
