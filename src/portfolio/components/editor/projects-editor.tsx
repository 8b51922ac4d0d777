'use client';

import { emptyProject, type DraftProject } from './draft';
import { DraftField } from './draft-field';
import { ItemList } from './item-list';
import { TagsInput } from './tags-input';

type ProjectsEditorProps = { projects: DraftProject[]; onChange: (projects: DraftProject[]) => void };

export function ProjectsEditor({ projects, onChange }: ProjectsEditorProps) {
  return (
    <ItemList
      items={projects}
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
        const base = `projects.${index}`;
        return (
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <DraftField path={`${base}.name`} label="Name" required value={project.name} onChange={(name) => update({ name })} />
            <DraftField path={`${base}.year`} label="Year" value={project.year} onChange={(year) => update({ year })} placeholder="2024" />
            <DraftField
              className="sm:col-span-2"
              path={`${base}.description`}
              label="Description"
              required
              multiline
              rows={3}
              value={project.description}
              onChange={(description) => update({ description })}
            />
            <div className="sm:col-span-2">
              <TagsInput
                path={`${base}.techStack`}
                label="Technologies"
                values={project.techStack}
                onChange={(techStack) => update({ techStack })}
                placeholder="Type a technology and press Enter"
                testId="project-tech-input"
              />
            </div>
            <DraftField
              className="sm:col-span-2"
              path={`${base}.url`}
              label="Website"
              type="url"
              value={project.url}
              onChange={(url) => update({ url })}
              placeholder="https://"
            />
            <DraftField
              className="sm:col-span-2"
              path={`${base}.repoUrl`}
              label="Source code"
              type="url"
              value={project.repoUrl}
              onChange={(repoUrl) => update({ repoUrl })}
              placeholder="https://github.com/…"
            />
          </div>
        );
      }}
    </ItemList>
  );
}
