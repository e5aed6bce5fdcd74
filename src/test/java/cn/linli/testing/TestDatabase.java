package cn.linli.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link LinliTestResource} for every {@code @QuarkusTest}. */
@QuarkusTestResource(LinliTestResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
