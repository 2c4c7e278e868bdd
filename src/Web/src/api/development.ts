// The one route the dashboard calls that docs/openapi.json does not declare, written as openapi-typescript would
// generate it: the Development-only "sign in as" token minting. The API keeps it out of the contract
// (ExcludeFromDescription) and maps it only in Development; elsewhere the route does not exist (404).
import type { components } from './schema';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ProblemAnswer = { headers: { [name: string]: unknown }; content: { 'application/problem+json': components['schemas']['Microsoft.AspNetCore.Mvc.ProblemDetails'] } };
type ValidationAnswer = { headers: { [name: string]: unknown }; content: { 'application/problem+json': components['schemas']['Microsoft.AspNetCore.Http.HttpValidationProblemDetails'] } };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

export interface DevTokenRequest {
  role: string;
  sub?: string;
  brands?: string[];
  department?: string;
  employeeId?: string;
}

export interface DevelopmentPaths {
  '/api/dev/tokens': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<{ roles: string[] }>; 404: ProblemAnswer };
    };
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': DevTokenRequest } };
      responses: { 200: Json<{ token: string }>; 400: ValidationAnswer; 404: ProblemAnswer };
    };
    put?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
