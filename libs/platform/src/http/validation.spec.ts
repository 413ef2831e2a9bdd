import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { validationPipe } from './validation.js';

class AgeDto {
  @IsInt()
  minimum!: number;
}

class ParticipationDto {
  @ValidateNested()
  @Type(() => AgeDto)
  age!: AgeDto;

  @IsString({ each: true })
  areas!: string[];
}

class FrameDto {
  @IsString()
  title!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipationDto)
  participation?: ParticipationDto;
}

const run = (body: unknown) => validationPipe().transform(body, { type: 'body', metatype: FrameDto });

async function problems(body: unknown) {
  try {
    await run(body);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  }
  throw new Error('expected a 400');
}

describe('request validation', () => {
  it('accepts a well-formed body and converts it to the DTO', async () => {
    const body = await run({ title: 'Wijkbudget', participation: { age: { minimum: 16 }, areas: ['E01'] } });
    expect(body).toBeInstanceOf(FrameDto);
    expect((body as FrameDto).participation?.age).toBeInstanceOf(AgeDto);
  });

  it('refuses an array or a string where one nested object is declared, at any depth', async () => {
    expect(await problems({ title: 'x', participation: [] })).toMatchObject({ code: 'REQUEST.INVALID', errors: [{ field: 'participation', messages: ['participation must be an object'] }] });
    expect(await problems({ title: 'x', participation: 'all' })).toMatchObject({ errors: [{ field: 'participation' }] });
    expect(await problems({ title: 'x', participation: { age: [16], areas: [] } })).toMatchObject({ errors: [{ field: 'participation.age' }] });
  });

  it('refuses a body that is not a JSON object', async () => {
    for (const body of [[], 'text', 42, null]) expect(await problems(body)).toMatchObject({ code: 'REQUEST.INVALID', message: 'The request body must be a JSON object' });
  });

  it('names unknown fields and wrong types', async () => {
    expect(await problems({ title: 7, extra: true })).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'title' }), expect.objectContaining({ field: 'extra' })]),
    });
  });
});
