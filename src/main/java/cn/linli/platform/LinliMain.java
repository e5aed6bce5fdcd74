package cn.linli.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the embedded defaults that are not configured away, then the service. */
@QuarkusMain
public class LinliMain {
    public static void main(String... args) {
        // System properties outlive dev-mode restarts, so the database starts once per JVM.
        EmbeddedDefaults.configuration().forEach(System::setProperty);
        Quarkus.run(args);
    }
}
