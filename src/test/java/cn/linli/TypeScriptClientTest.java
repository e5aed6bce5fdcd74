package cn.linli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a mini-program team runs first (issue 17): graphql/codegen.ts generates TypeScript types for every shipped
 * operation from the schema file with GraphQL Code Generator — graphql-js, the reference implementation, parses
 * and validates the schema and the operations on the way — and the generated file type-checks under
 * {@code tsc --strict}. Needs Node.js and npm ({@code .ci/run} installs them); skipped, saying so, without.
 */
class TypeScriptClientTest {
    private static final File GRAPHQL = new File("graphql");

    private static String run(List<String> command, int minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("linli-codegen", ".log");
        Process process = new ProcessBuilder(command).directory(GRAPHQL).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, String.join(" ", command) + " did not end: " + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor(1, TimeUnit.MINUTES);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theShippedOperationsGetTypeScriptTypesThatTypeCheck() throws IOException, InterruptedException {
        assumeTrue(available("npm"), "Node.js and npm are not installed: the client-types check is skipped");
        if (!new File(GRAPHQL, "node_modules/.bin/graphql-codegen").exists()) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 10);
        }
        Files.deleteIfExists(Path.of("graphql/generated/linli.ts"));

        run(List.of("npm", "run", "--silent", "check"), 5);

        String types = Files.readString(Path.of("graphql/generated/linli.ts"), StandardCharsets.UTF_8);
        assertTrue(types.contains("export type NearbyServicesQuery = "), "a type for the near-me search's result");
        assertTrue(types.contains("export type NearbyServicesQueryVariables = "), "and for its variables");
        assertTrue(types.contains("BigInteger: { input: number; output: number; }"), "money in fen is a number");
        assertTrue(types.contains("DateTime: { input: string; output: string; }"), "a date-time is an ISO string");
    }
}
