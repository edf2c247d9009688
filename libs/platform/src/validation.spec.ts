import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors, fieldErrorsFactory } from './validation';

describe('flattenValidationErrors', () => {
  it('names nested and array fields with a path', () => {
    const errors: ValidationError[] = [
      { property: 'name', constraints: { isNotEmpty: 'name should not be empty' }, children: [] },
      {
        property: 'guardians',
        children: [
          {
            property: '0',
            children: [{ property: 'email', constraints: { isEmail: 'email must be an email' } }],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', messages: ['name should not be empty'] },
      { field: 'guardians[0].email', messages: ['email must be an email'] },
    ]);
  });

  it('builds a 400 response that lists the fields', () => {
    const exception = fieldErrorsFactory([{ property: 'x', constraints: { a: 'x is wrong' }, children: [] }]);
    expect(exception.getStatus()).toBe(400);
    expect(exception.getResponse()).toMatchObject({ fields: [{ field: 'x', messages: ['x is wrong'] }] });
  });
});
