import { AppError } from '../errors/app-error';

/** The AppError a call expected to be refused threw; anything else fails the test. */
export const fails = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};
