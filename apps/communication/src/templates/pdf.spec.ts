import { visualOrder } from './pdf';

describe('visualOrder (right-to-left lines in the PDF)', () => {
  it('reverses Arabic words and keeps runs of Latin words and numbers in their own order', () => {
    expect(visualOrder(['الإجراءات', 'الخاصة', 'بـ', 'Emma', 'Peeters'])).toEqual([
      'Emma',
      'Peeters',
      'بـ',
      'الخاصة',
      'الإجراءات',
    ]);
    expect(visualOrder(['حتى', '20', 'مارس', '2026'])).toEqual(['2026', 'مارس', '20', 'حتى']);
  });
});
