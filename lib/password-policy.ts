// The password rules shoppers see. The byte limits are enforced again inside Fauna
// (PasswordProblem in schema/functions.fsl); the strength check lives only here.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES, PASSWORD_MIN_SCORE, passwordMessages } from "./password-messages";
import { passwordBytes, passwordSizeProblem } from "./password-size";

export {
  PASSWORD_MAX_BYTES,
  PASSWORD_MIN_BYTES,
  PASSWORD_MIN_SCORE,
  passwordMessages,
  passwordBytes,
  passwordSizeProblem,
};

let factory: ZxcvbnFactory | undefined;

export type Strength = { score: number; problem: string | null };

/** zxcvbn's estimate, treating the shopper's email as something an attacker knows. */
export async function passwordStrength(password: string, userInputs: string[] = []): Promise<Strength> {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score, feedback } = await factory.check(password, userInputs.filter(Boolean));
  if (score >= PASSWORD_MIN_SCORE) return { score, problem: null };
  const warning = feedback.warning ?? "";
  if (warning === "userInputs") return { score, problem: passwordMessages.personal };
  if (/^(common|topTen|topHundred|similarToCommon)$/.test(warning)) return { score, problem: passwordMessages.common };
  return { score, problem: passwordMessages.weak };
}

/** Everything the form checks about a new password; null when it is acceptable. */
export async function newPasswordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  return passwordSizeProblem(password) ?? (await passwordStrength(password, userInputs)).problem;
}
