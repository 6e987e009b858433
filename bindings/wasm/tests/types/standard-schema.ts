// Type test (not run, compiled by tsc in tests/standard_schema.test.mjs): the package's
// declarations (pkg/treem.d.ts, as shipped) against @standard-schema/spec 1.1.0's own types.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import {
  caseRecord,
  child,
  criteriaSet,
  directive,
  safeSchoolAssessment,
  school,
  standardSchema,
  taskReport,
  type ChildInput,
  type TreemStandardIssue,
} from '../../pkg/treem.js';

// Every kind is a StandardSchemaV1 of the spec's package.
const all: StandardSchemaV1[] = [child, caseRecord, school, safeSchoolAssessment, criteriaSet, directive, taskReport];
const typed: StandardSchemaV1<ChildInput, ChildInput> = child.withLang('en').withOptions({ as_of: () => '2026-11-28' });
type Out = StandardSchemaV1.InferOutput<typeof child>;
const out: Out = { full_name: 'Nguyễn Văn An' };

// The answer is synchronous and carries treem's fields.
const r = child['~standard'].validate({});
if (r.issues) {
  const first: TreemStandardIssue | undefined = r.issues[0];
  const code: string | undefined = first?.code;
  const key: string | number | undefined = first?.path?.[0];
  void code;
  void key;
} else {
  const name: string | null | undefined = r.value.full_name;
  void name;
}
const w: TreemStandardIssue[] = child.warnings({});
const byName = standardSchema('safe_school_assessment', { lang: 'en' });
const kind: 'safe_school_assessment' = byName.kind;

// Mistakes are type errors.
// @ts-expect-error: a language treem does not have
child.withLang('fr');
// @ts-expect-error: the vendor is treem
const vendor: 'zod' = child['~standard'].vendor;

void all;
void typed;
void out;
void w;
void kind;
void vendor;
