// Issue #19: the category a person is invited under by default, and who fills a category (the picker's filter).
import { fillsCategory, suggestedCategory } from './workbench';

it('suggests the Art. 5 category the roles fill, leaders first', () => {
  expect(suggestedCategory(['gov_leader'])).toBe('leader');
  expect(suggestedCategory(['gov_convenor'])).toBe('leader');
  expect(suggestedCategory(['union_office'])).toBe('office');
  expect(suggestedCategory(['gov_department'])).toBe('department');
  expect(suggestedCategory(['representative'])).toBe('worker_representative');
});

it('a representative fills every guest category, a department none of them', () => {
  for (const c of ['grassroots_cadre', 'worker_representative', 'model_worker', 'union_worker'] as const) {
    expect(fillsCategory(['representative'], c)).toBe(true);
    expect(fillsCategory(['gov_department'], c)).toBe(false);
  }
  expect(fillsCategory(['mayor'], 'leader')).toBe(true);
  expect(fillsCategory(['gov_office'], 'leader')).toBe(false);
});
