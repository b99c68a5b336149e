// Which requirements each scenario verifies: the `@req:<ID>` tags of the feature files
// (REG-DEC-08). A tag may sit on the Fonctionnalité, a Règle, a Scénario, a Plan du
// scénario or its Exemples; a scenario inherits the tags of its rule and feature. The Gherkin
// compiler does that inheritance when it turns the document into pickles (one per scenario,
// one per example row), exactly as cucumber-js does, so the static view matches a run.
import { AstBuilder, Errors, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import type { GherkinDocument, Scenario, Tag } from '@cucumber/messages';
import { needsPerson } from '../../steps/conformance/support/attestation.ts';
import type { RequirementProblem } from './requirement-problem.ts';

export const REQUIREMENT_TAG_PREFIX = '@req:';

export interface FeatureSource {
  /** Path relative to the project root, as cucumber writes it (`features/x/y.feature`). */
  readonly uri: string;
  readonly text: string;
}

/** One executable scenario (an example row of a Plan du scénario counts as one). */
export interface TaggedScenario {
  readonly uri: string;
  readonly line: number;
  readonly name: string;
  readonly requirementIds: readonly string[];
  /** Tagged @attestation: a person answers instead of the bench observing the client. */
  readonly attestation?: boolean;
}

/** Where a `@req:` tag is written, to point at it when its ID is unknown. */
export interface RequirementTag {
  readonly id: string;
  readonly uri: string;
  readonly line: number;
}

export interface CollectedTags {
  readonly scenarios: readonly TaggedScenario[];
  readonly tags: readonly RequirementTag[];
  readonly problems: readonly RequirementProblem[];
}

export function collectRequirementTags(sources: readonly FeatureSource[]): CollectedTags {
  const scenarios: TaggedScenario[] = [];
  const tags: RequirementTag[] = [];
  const problems: RequirementProblem[] = [];
  const newId = IdGenerator.incrementing();
  for (const source of sources) {
    const document = parseFeature(source, newId, problems);
    if (document === undefined) continue;
    tags.push(...writtenTags(document, source.uri));
    for (const pickle of compile(document, source.uri, newId)) {
      const line = pickle.location?.line ?? 0;
      scenarios.push({ uri: source.uri, line, name: pickle.name, requirementIds: requirementIdsOf(pickle.tags), attestation: needsPerson(pickle.tags) });
    }
  }
  for (const tag of tags) {
    if (tag.id === '') problems.push({ file: tag.uri, line: tag.line, message: `étiquette « ${REQUIREMENT_TAG_PREFIX} » sans identifiant : écrivez @req:<ID> avec un ID de features/exigences.csv.` });
  }
  return { scenarios, tags, problems };
}

/** The requirement IDs of a list of tags, each once, in order of appearance. */
export function requirementIdsOf(tags: readonly { readonly name: string }[]): string[] {
  const ids = tags.filter((tag) => tag.name.startsWith(REQUIREMENT_TAG_PREFIX)).map((tag) => tag.name.slice(REQUIREMENT_TAG_PREFIX.length));
  return [...new Set(ids)];
}

function parseFeature(source: FeatureSource, newId: IdGenerator.NewId, problems: RequirementProblem[]): GherkinDocument | undefined {
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher('fr'));
  try {
    return parser.parse(source.text);
  } catch (error) {
    if (!(error instanceof Errors.GherkinException)) throw error;
    const errors = error.errors.length > 0 ? error.errors : [error];
    for (const each of errors) {
      const line = each instanceof Errors.GherkinException ? each.location?.line : undefined;
      problems.push({ file: source.uri, ...(line === undefined ? {} : { line }), message: `fichier Gherkin illisible : ${each.message}` });
    }
    return undefined;
  }
}

/** Every `@req:` tag written in the document, wherever it sits. */
function writtenTags(document: GherkinDocument, uri: string): RequirementTag[] {
  const feature = document.feature;
  if (feature === undefined) return [];
  const found: Tag[] = [...feature.tags];
  const scenarios: Scenario[] = [];
  for (const child of feature.children) {
    if (child.scenario !== undefined) scenarios.push(child.scenario);
    if (child.rule === undefined) continue;
    found.push(...child.rule.tags);
    for (const inner of child.rule.children) if (inner.scenario !== undefined) scenarios.push(inner.scenario);
  }
  for (const scenario of scenarios) found.push(...scenario.tags, ...scenario.examples.flatMap((examples) => examples.tags));
  return found
    .filter((tag) => tag.name.startsWith(REQUIREMENT_TAG_PREFIX))
    .map((tag) => ({ id: tag.name.slice(REQUIREMENT_TAG_PREFIX.length), uri, line: tag.location.line }))
    .sort((a, b) => a.line - b.line);
}
