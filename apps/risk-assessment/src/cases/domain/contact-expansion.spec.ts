import {
  contactTypeOf,
  expandContacts,
  type ExposureInput,
  type ExposureMemberInput,
} from './contact-expansion';

const pupil = (ref: string): ExposureMemberInput => ({
  ref,
  kind: 'pupil',
  type: null,
  lastContactDate: null,
  label: null,
});
const staff = (ref: string): ExposureMemberInput => ({ ...pupil(ref), kind: 'staff' });

const classOf = (id: string, date: string, members: ExposureMemberInput[]): ExposureInput => ({
  id,
  kind: 'class',
  lastContactDate: date,
  level: 'lager',
  members,
});

describe('expandContacts', () => {
  it('makes every member of a class a contact in one step, the index person excepted', () => {
    const contacts = expandContacts('index', [
      classOf('3B', '2026-03-02', [pupil('index'), pupil('anna'), pupil('bert'), staff('juf')]),
    ]);
    expect(contacts.map((contact) => [contact.ref, contact.type, contact.kind])).toEqual([
      ['anna', 'classmate', 'pupil'],
      ['bert', 'classmate', 'pupil'],
      ['juf', 'teacher', 'staff'],
    ]);
    expect(contacts.every((contact) => contact.lastContactDate === '2026-03-02')).toBe(true);
  });

  it('keeps a person in two exposures once, with the latest last-contact date', () => {
    const contacts = expandContacts('index', [
      classOf('3B', '2026-03-02', [pupil('anna'), pupil('bert')]),
      {
        id: 'sport',
        kind: 'activity',
        lastContactDate: '2026-03-05',
        level: 'lager',
        members: [pupil('anna')],
      },
    ]);
    expect(contacts).toHaveLength(2);
    expect(contacts.find((contact) => contact.ref === 'anna')).toMatchObject({
      lastContactDate: '2026-03-05',
      // The closest contact type wins over the latest exposure's type.
      type: 'classmate',
      exposureIds: ['3B', 'sport'],
    });
    expect(contacts.find((contact) => contact.ref === 'bert')?.lastContactDate).toBe('2026-03-02');
  });

  it('takes the latest date from any exposure, also an older type or a hand-given date', () => {
    const contacts = expandContacts('index', [
      classOf('3B', '2026-03-02', [pupil('anna')]),
      {
        id: 'thuis',
        kind: 'household',
        lastContactDate: '2026-03-01',
        level: 'lager',
        members: [{ ...pupil('anna'), lastContactDate: '2026-03-04' }],
      },
    ]);
    expect(contacts).toEqual([
      {
        ref: 'anna',
        kind: 'pupil',
        type: 'household',
        level: 'lager',
        lastContactDate: '2026-03-04',
        exposureIds: ['3B', 'thuis'],
        label: null,
      },
    ]);
  });

  it('makes a boarder who is also a classmate a boarding-group contact at the living group’s level', () => {
    const contacts = expandContacts('index', [
      classOf('3B', '2026-03-02', [pupil('anna')]),
      {
        id: 'leefgroep',
        kind: 'living-group',
        lastContactDate: '2026-03-02',
        level: 'secundair',
        members: [pupil('anna'), staff('opvoeder')],
      },
    ]);
    expect(contacts.map((contact) => [contact.ref, contact.type, contact.level])).toEqual([
      ['anna', 'boarding-group', 'secundair'],
      ['opvoeder', 'teacher', 'secundair'],
    ]);
  });

  it('uses a hand-given type and keeps an external contact’s label', () => {
    const contacts = expandContacts('index', [
      {
        id: 'bus',
        kind: 'activity',
        lastContactDate: '2026-03-02',
        level: 'lager',
        members: [
          { ref: 'x', kind: 'external', type: 'household', lastContactDate: null, label: 'gezinslid 1' },
        ],
      },
    ]);
    expect(contacts).toEqual([
      expect.objectContaining({ ref: 'x', type: 'household', label: 'gezinslid 1' }),
    ]);
  });

  it('has no contacts without exposures, or when the index is alone', () => {
    expect(expandContacts('index', [])).toEqual([]);
    expect(expandContacts('index', [classOf('3B', '2026-03-02', [pupil('index')])])).toEqual([]);
  });

  it.each([
    ['class', 'pupil', 'classmate'],
    ['group', 'staff', 'teacher'],
    ['living-group', 'pupil', 'boarding-group'],
    ['activity', 'pupil', 'activity'],
    ['household', 'external', 'household'],
    ['other', 'external', 'activity'],
  ] as const)('a %s member who is %s is a %s contact', (exposure, member, type) => {
    expect(contactTypeOf(exposure, member)).toBe(type);
  });
});
