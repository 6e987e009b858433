// Type test (not run, compiled by tsc in tests/rjsf.test.mjs): treem/rjsf's declarations
// (pkg/rjsf.d.ts, as shipped) against @rjsf/utils 6's own `ValidatorType`.
import type { RJSFValidationError, ValidatorType } from '@rjsf/utils';
import { createValidator, type TreemRjsfValidator } from '../../pkg/rjsf.js';
import { safeSchoolAssessment } from '../../pkg/treem.js';

const treemValidator: TreemRjsfValidator<'safe_school_assessment'> = createValidator(safeSchoolAssessment, {
  lang: 'vi',
  as_of: () => '2026-11-28',
});
// What rjsf's Form takes as its `validator` prop.
const validator: ValidatorType = treemValidator;
const en: ValidatorType = treemValidator.withLang('en');
const { errors } = validator.validateFormData({}, {});
const first: RJSFValidationError | undefined = errors[0];
const warnings: RJSFValidationError[] = treemValidator.warnings({}).errors;
void en;
void first;
void warnings;

// Mistakes are type errors.
// @ts-expect-error: not a treem schema
createValidator({ kind: 'child' });
// @ts-expect-error: lang is 'vi' or 'en'
treemValidator.withLang('fr');
