import { AGGREGATING_OFFICE, confirmerSide, givesOpinionsFor, leadOf, submitSideRefusal } from './topic-rules';

describe('who proposes what (Art. 6)', () => {
  it('sends a department topic to the government office and a representative topic to the union office', () => {
    expect(AGGREGATING_OFFICE[leadOf('gov')]).toBe('gov_office');
    expect(AGGREGATING_OFFICE[leadOf('union')]).toBe('union_office');
    expect(AGGREGATING_OFFICE[leadOf('joint', 'gov')]).toBe('gov_office');
  });

  it('refuses a representative proposing a government topic', () => {
    expect(submitSideRefusal(['representative'], 'union')).toBeNull();
    expect(submitSideRefusal(['representative'], 'gov')).toBe('您不能提交政府方议题');
    expect(submitSideRefusal(['representative'], 'joint', 'union')).toBe('您不能提交双方联合议题');
  });

  it('lets a department propose a joint topic only as the lead side', () => {
    expect(submitSideRefusal(['gov_department'], 'joint', 'gov')).toBeNull();
    expect(submitSideRefusal(['gov_department'], 'joint', 'union')).toContain('承担主要工作的一方');
    expect(submitSideRefusal(['union_department'], 'gov')).not.toBeNull();
  });

  it('knows each confirmer side and the other side for opinions', () => {
    expect(confirmerSide(['gov_convenor'])).toBe('gov');
    expect(confirmerSide(['union_chair'])).toBe('union');
    expect(confirmerSide(['gov_office'])).toBeNull();
    expect(givesOpinionsFor(['gov_office'])).toBe('gov');
    expect(givesOpinionsFor(['union_convenor'])).toBe('union');
    expect(givesOpinionsFor(['representative'])).toBeNull();
  });
});
