// TypeScript types for the shipped operations (graphql/operations/*.graphql), generated from the schema file with
// GraphQL Code Generator — what a mini-program or console team runs first:
//
//   cd graphql && npm ci && npx graphql-codegen        # writes graphql/generated/linli.ts
//
// Copy `documents` and `generates` into your own repository's codegen config to type your own operations.
// The scalars are mapped as the schema describes them: date-times, dates and times are ISO strings; BigInteger
// (money in fen, counts) is always a JSON number within 2^53, so a TypeScript number holds it exactly.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'operations/*.graphql',
  generates: {
    'generated/linli.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Time: 'string',
          BigInteger: 'number',
          BigDecimal: 'number',
        },
        enumsAsTypes: true,
        avoidOptionals: { field: true },
      },
    },
  },
};

export default config;
