import type { Rule } from "./define-rule.ts";
import fileContent from "./file-content.ts";
import fileName from "./file-name.ts";
import metadataMissing from "./metadata-missing.ts";
import metadataPlaceholder from "./metadata-placeholder.ts";
import metadataUnknown from "./metadata-unknown.ts";
import featureName from "./feature-name.ts";
import date from "./date.ts";
import prLink from "./pr-link.ts";
import sectionMissing from "./section-missing.ts";
import sectionOrder from "./section-order.ts";
import sectionEmpty from "./section-empty.ts";
import sectionUnchanged from "./section-unchanged.ts";
import link from "./link.ts";
import sectionAnchor from "./section-anchor.ts";
import lastUpdated from "./last-updated.ts";
import stageLinkedIssue from "./stage-linked-issue.ts";
import stageNumber from "./stage-number.ts";
import stagePrLink from "./stage-pr-link.ts";
import stageApprovals from "./stage-approvals.ts";
import assetUnpublished from "./asset-unpublished.ts";
import suppressionUnused from "./suppression-unused.ts";

/** Every rule, in the order they run. New rules go at the end; a removed rule's id is never reused. */
export const rules: readonly Rule[] = [
  fileContent,
  fileName,
  metadataMissing,
  metadataPlaceholder,
  metadataUnknown,
  featureName,
  date,
  prLink,
  sectionMissing,
  sectionOrder,
  sectionEmpty,
  sectionUnchanged,
  link,
  sectionAnchor,
  lastUpdated,
  stageLinkedIssue,
  stageNumber,
  stagePrLink,
  stageApprovals,
  assetUnpublished,
  suppressionUnused,
];
