'use client';

import { emptyCareerEntry, emptyLine, emptyProjectRef, type DraftCareerEntry } from './draft';
import { DraftField } from './draft-field';
import { ItemList } from './item-list';
import { TagsInput } from './tags-input';

type CareerEditorProps = { entries: DraftCareerEntry[]; onChange: (entries: DraftCareerEntry[]) => void };

export function CareerEditor({ entries, onChange }: CareerEditorProps) {
  return (
    <ItemList
      items={entries}
      onChange={onChange}
      path="career"
      noun="career entry"
      describe={(entry) => entry.title}
      summary={(entry) => [entry.year, entry.subtitle].filter(Boolean).join(' · ')}
      create={emptyCareerEntry}
      testId="career-item"
      addTestId="add-career-item"
      max={100}
      emptyText="No career entries yet. The first one is shown at the top of the timeline."
    >
      {(entry, index, update) => {
        const base = `career.${index}`;
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
              <DraftField path={`${base}.year`} label="Years" required value={entry.year} onChange={(year) => update({ year })} placeholder="2021 – now" />
              <DraftField path={`${base}.title`} label="Role" required value={entry.title} onChange={(title) => update({ title })} placeholder="Senior Engineer" />
              <DraftField
                className="sm:col-span-2"
                path={`${base}.subtitle`}
                label="Company and place"
                required
                value={entry.subtitle}
                onChange={(subtitle) => update({ subtitle })}
              />
              <DraftField
                className="sm:col-span-2"
                path={`${base}.description`}
                label="Description"
                required
                multiline
                rows={3}
                value={entry.description}
                onChange={(description) => update({ description })}
              />
            </div>

            <TagsInput
              path={`${base}.techStack`}
              label="Technologies used"
              values={entry.techStack}
              onChange={(techStack) => update({ techStack })}
              placeholder="Type a technology and press Enter"
              testId="career-tech-input"
            />

            <fieldset className="space-y-2">
              <legend className="mb-2 text-sm font-medium text-slate-700">Highlights</legend>
              <ItemList
                layout="row"
                items={entry.bulletPoints}
                onChange={(bulletPoints) => update({ bulletPoints })}
                path={`${base}.bulletPoints`}
                noun="bullet point"
                describe={(line) => line.value}
                create={emptyLine}
                testId="bullet-point-item"
                addTestId="add-bullet-point"
                max={30}
              >
                {(line, lineIndex, updateLine) => (
                  <DraftField
                    hideLabel
                    path={`${base}.bulletPoints.${lineIndex}`}
                    label={`Highlight ${lineIndex + 1}`}
                    required
                    multiline
                    rows={2}
                    value={line.value}
                    onChange={(value) => updateLine({ value })}
                  />
                )}
              </ItemList>
            </fieldset>

            <fieldset className="space-y-2">
              <legend className="mb-2 text-sm font-medium text-slate-700">Key projects</legend>
              <ItemList
                layout="row"
                items={entry.keyProjects}
                onChange={(keyProjects) => update({ keyProjects })}
                path={`${base}.keyProjects`}
                noun="key project"
                describe={(line) => line.value}
                create={emptyLine}
                testId="key-project-item"
                addTestId="add-key-project"
                max={20}
              >
                {(line, lineIndex, updateLine) => (
                  <DraftField
                    hideLabel
                    path={`${base}.keyProjects.${lineIndex}`}
                    label={`Key project ${lineIndex + 1}`}
                    required
                    value={line.value}
                    onChange={(value) => updateLine({ value })}
                  />
                )}
              </ItemList>
            </fieldset>

            <fieldset className="space-y-2">
              <legend className="mb-2 text-sm font-medium text-slate-700">Project list</legend>
              <ItemList
                layout="row"
                items={entry.projectList}
                onChange={(projectList) => update({ projectList })}
                path={`${base}.projectList`}
                noun="project"
                describe={(ref) => ref.name}
                create={emptyProjectRef}
                testId="project-list-item"
                addTestId="add-project-list-item"
                addLabel="Add to project list"
                max={40}
              >
                {(ref, refIndex, updateRef) => (
                  <div className="grid gap-2 sm:grid-cols-[1fr_12rem]">
                    <DraftField
                      hideLabel
                      path={`${base}.projectList.${refIndex}.name`}
                      label={`Project ${refIndex + 1} name`}
                      required
                      value={ref.name}
                      onChange={(name) => updateRef({ name })}
                      placeholder="Project name"
                    />
                    <DraftField
                      hideLabel
                      path={`${base}.projectList.${refIndex}.type`}
                      label={`Project ${refIndex + 1} type`}
                      value={ref.type}
                      onChange={(type) => updateRef({ type })}
                      placeholder="Type (optional)"
                    />
                  </div>
                )}
              </ItemList>
            </fieldset>
          </>
        );
      }}
    </ItemList>
  );
}
