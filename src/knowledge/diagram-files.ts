/**
 * Loads `knowledge/diagrams/` (components.yaml, flows.yaml, scenarios/<id>.yaml) and attaches
 * each scenario's expectations to it as `diagram`. Optional as a folder (a custom knowledge dir
 * may leave it out) and per scenario (a scenario dropped in without one simply gets no diagram
 * or estimate checks: adding a scenario stays one file); what is there must be valid.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import {
  type Component,
  ComponentCatalogueSchema,
  type Flow,
  FlowCatalogueSchema,
  ScenarioDiagramFileSchema,
} from './diagram-schema.ts';
import type { Scenario } from './schema.ts';
import { readValid } from './yaml-file.ts';

export async function loadDiagramKnowledge(
  dir: string,
  scenarios: Map<string, Scenario>,
  problems: string[],
): Promise<void> {
  const root = path.join(dir, 'diagrams');
  const present = await access(root).then(
    () => true,
    () => false,
  );
  if (!present) return;
  const componentsFile = path.join(root, 'components.yaml');
  const flowsFile = path.join(root, 'flows.yaml');
  const catalogue = (await readValid(ComponentCatalogueSchema, componentsFile, problems))
    ?.components;
  const flowCatalogue = (await readValid(FlowCatalogueSchema, flowsFile, problems))?.flows;
  if (!catalogue || !flowCatalogue) return;
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  if (byId.size !== catalogue.length)
    problems.push(`${componentsFile}: components: two components share an id`);
  const flowsById = new Map<string, Flow>();
  flowCatalogue.forEach((flow, index) => {
    flowsById.set(flow.id, flow);
    for (const id of [...flow.from, ...flow.to]) {
      if (!byId.has(id))
        problems.push(`${flowsFile}: flows.${index}: no component "${id}" in components.yaml`);
    }
  });

  for (const scenario of scenarios.values()) {
    const file = path.join(root, 'scenarios', `${scenario.id}.yaml`);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const parsed = await readValid(ScenarioDiagramFileSchema, file, problems);
    if (!parsed) continue;
    if (parsed.scenario !== scenario.id)
      problems.push(
        `${file}: scenario: is "${parsed.scenario}" but the file name says "${scenario.id}"`,
      );
    const requires: Component[] = [];
    parsed.requires.forEach((id, index) => {
      const component = byId.get(id);
      if (component) requires.push(component);
      else problems.push(`${file}: requires.${index}: no component "${id}" in components.yaml`);
    });
    const flows: Flow[] = [];
    parsed.flows.forEach((id, index) => {
      const flow = flowsById.get(id);
      if (flow) flows.push(flow);
      else problems.push(`${file}: flows.${index}: no flow "${id}" in flows.yaml`);
    });
    scenario.diagram = {
      catalogue,
      requires,
      flows,
      latencyMs: parsed.latencyMs,
      numbers: parsed.numbers,
    };
  }
}
